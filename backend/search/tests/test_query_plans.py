"""Query plans of the keyword search on PostgreSQL (issue #13, R-APP-1): at a size that fits CI (6,000 posts
and 600 factories, one word in every fifth title, fresh statistics), every query a search runs reads the
search documents alone — a common word's page walks the freshness index and stops after it (from the top
or from a cursor), a rare word starts from the full-text GIN index — and never scans posts or users.

The plans are PostgreSQL's: on SQLite these tests skip, and CI (``CI=true``, which runs on PostgreSQL)
fails them instead, as the board plans do (``discovery/tests/test_query_plans.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from accounts.models import User
from common.management.commands.refresh_statistics import refresh_statistics
from common.testing import require_postgres, shared_by_module
from factories.models import FactoryProfile
from listings.models import Post, PostKind, PostStatus
from regions.models import Region
from taxonomy.models import Industry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres_only")]

POSTS = 6_000


@pytest.fixture(scope="module")
def indexed(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    require_postgres()
    with shared_by_module(django_db_blocker):
        rng = random.Random(13)
        owners = User.objects.bulk_create(
            [User(username=f"plan_{i}", account_type="factory", password="!") for i in range(600)]
        )
        now, today = timezone.now(), timezone.localdate()
        words = ["陶瓷餐具", "不粘锅", "收纳箱", "蓝牙耳机"]
        kinds = [PostKind.PROCUREMENT, PostKind.STOCK, PostKind.PROCESSING_DEMAND]
        Post.objects.bulk_create(
            [
                Post(
                    owner=rng.choice(owners),
                    kind=kinds[i % len(kinds)],
                    title=f"{'保温杯' if i % 5 == 0 else rng.choice(words)} 订单 {i}",
                    description="加湿器 样品" if i == 77 else "外贸出口 品质稳定",
                    status=PostStatus.PUBLISHED,
                    region_id="330212",
                    valid_until=today + timedelta(days=rng.randint(1, 60)),
                    published_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 60)),
                )
                for i in range(POSTS)
            ],
            batch_size=2000,
        )
        industry, region = Industry.objects.first(), Region.objects.get(pk="330212")
        FactoryProfile.objects.bulk_create(
            [
                FactoryProfile(
                    owner=owners[i],
                    name=f"宁波{'保温杯' if i % 5 == 0 else '五金'}厂 {i}",
                    industry=industry,
                    region=region,
                    address="工业园区",
                    is_verified=True,
                    verified_at=now - timedelta(days=i),
                )
                for i in range(600)
            ]
        )
        call_command("rebuild_search_index", verbosity=0)
        refresh_statistics()
        yield


def search_plans(params: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The response and the plan of every query the search ran on the index (facets, page) and of the
    page's re-check; the facets and the page read the search documents alone (no join)."""
    queries: list[tuple[str, Any]] = []

    def record(execute: Any, sql: str, qparams: Any, many: bool, context: Any) -> Any:
        queries.append((sql, qparams))
        return execute(sql, qparams, many, context)

    with connection.execute_wrapper(record):
        body = Client().get("/api/search", params).json()
    plans = []
    with connection.cursor() as cursor:
        for sql, qparams in queries:
            if "matching_searchdocument" in sql:
                assert "listings_post" not in sql and "accounts_user" not in sql, sql
            if "matching_searchdocument" in sql or "listings_post" in sql:
                cursor.execute("EXPLAIN " + sql, qparams)
                plans.append("\n".join(r[0] for r in cursor.fetchall()))
    return body, plans


def assert_no_scan_of_posts_or_users(plans: list[str]) -> None:
    for plan in plans:
        for table in ("listings_post", "accounts_user", "factories_factoryprofile"):
            assert f"Seq Scan on {table}" not in plan, plan


def test_common_word_pages_walk_the_freshness_index_from_the_top_and_from_a_cursor_issue_13(indexed) -> None:
    body, plans = search_plans({"q": "保温杯"})
    assert body["count"] == POSTS // 5 + 120 and len(body["items"]) == 20
    assert_no_scan_of_posts_or_users(plans)
    page = [p for p in plans if "Limit" in p]
    assert page and all("Index Scan using search_doc_fresh" in p for p in page), page
    assert all("Sort" not in p.replace("Sort Key", "") for p in page), page  # stops after the page

    deep = body
    for _ in range(5):
        deep, plans = search_plans({"q": "保温杯", "cursor": deep["next_cursor"]})
    assert_no_scan_of_posts_or_users(plans)
    page = [p for p in plans if "Limit" in p]
    assert page and all("Index Scan using search_doc_fresh" in p and "Index Cond" in p for p in page), page


def test_one_board_reads_an_index_of_its_own_documents_issue_13(indexed) -> None:
    """With ``kind`` the page reads the board's freshness index or, for fewer hits, the full-text index."""
    body, plans = search_plans({"q": "保温杯", "kind": "stock"})
    assert body["count"] == body["facets"]["stock"] > 0
    assert_no_scan_of_posts_or_users(plans)
    page = [p for p in plans if "Limit" in p]
    assert page and all("search_doc_board_fresh" in p or "matching_search_vector_gin" in p for p in page), page
    assert all("Seq Scan on matching_searchdocument" not in p for p in page), page


def test_rare_word_reads_no_posts_or_users_issue_13(indexed) -> None:
    body, plans = search_plans({"q": "加湿器"})
    assert body["count"] == 1
    assert_no_scan_of_posts_or_users(plans)
    # No plan reads posts or users. Which index the documents are read by is the planner's choice at this
    # size: CI's shared test database (6,000 documents) has counted a rare word's facets by scanning them,
    # so that is not asserted here; at 100k posts the rare word answers in 5 ms (bench/http_bench.py).
    assert any("matching_searchdocument" in p for p in plans), plans
