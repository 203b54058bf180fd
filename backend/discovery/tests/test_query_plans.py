"""Query plans of the board lists on PostgreSQL (issue #13): at a size that fits CI (30,000 posts, fresh
statistics), the page query of every board sort walks that sort's partial index and stops after the page:
no sort over the board, no sequential scan of posts or users; a page by cursor does the same from the cursor.

The plans are PostgreSQL's: on SQLite these tests skip, and CI (``CI=true``, which runs on PostgreSQL)
fails them instead, as the worker-process tests do (``common/tests/workers.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import User
from common.management.commands.refresh_statistics import refresh_statistics
from common.pagination import PageNumber
from common.testing import require_postgres, shared_by_module
from discovery import selectors
from discovery.filters import BoardFilters, BoardOrder
from listings import registry
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import SHENZHEN_BAOAN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("postgres_only")]

POSTS = 30_000


@pytest.fixture(scope="module")
def many_posts(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """30,000 posts over the five boards from 20,000 owners, 10% expired, with every sort key filled."""
    require_postgres()
    with shared_by_module(django_db_blocker):
        rng = random.Random(13)
        owners = User.objects.bulk_create(
            [User(username=f"plan_{i}", account_type="factory", password="!") for i in range(20_000)]
        )
        now = timezone.now()
        today = timezone.localdate()
        kinds = [
            PostKind.PROCUREMENT,
            PostKind.STOCK,
            PostKind.LABOUR,
            PostKind.PROCESSING_DEMAND,
            PostKind.PROCESSING_SERVICE,
        ]
        posts = []
        for i in range(POSTS):
            published = now - timedelta(minutes=rng.randint(0, 60 * 24 * 60))
            posts.append(
                Post(
                    owner=rng.choice(owners),
                    kind=kinds[i % len(kinds)],
                    title=f"信息 {i}",
                    status=PostStatus.PUBLISHED if rng.random() < 0.9 else PostStatus.EXPIRED,
                    region_id=SHENZHEN_BAOAN,
                    latitude=22.55 + rng.uniform(-0.3, 0.3),
                    longitude=113.88 + rng.uniform(-0.3, 0.3),
                    valid_until=today + timedelta(days=rng.randint(1, 60)),
                    published_at=published,
                    refreshed_at=published if rng.random() < 0.5 else None,
                    delivery_date=today + timedelta(days=rng.randint(5, 90)),
                    unit_price=Decimal(rng.randint(100, 9000)) / 100,
                    wage_per_day=Decimal(rng.randint(150, 400)),
                    capacity_per_day=Decimal(rng.choice([500, 1000, 5000])),
                )
            )
        Post.objects.bulk_create(posts, batch_size=2000)
        refresh_statistics()
        yield


def plan_of(qs) -> str:
    return qs.explain()


def assert_walks_index(plan: str, index: str) -> None:
    assert f"Index Scan using {index}" in plan or f"Index Only Scan using {index}" in plan, plan
    assert "Sort" not in plan.replace("Sort Key", ""), f"a sort over the board:\n{plan}"
    assert "Seq Scan on listings_post" not in plan, plan
    assert "Seq Scan on accounts_user" not in plan, plan


def page_ids(kind: str, sort: str, *, after: tuple[object, int] | None = None):
    qs, keyset = selectors.board_posts(kind, BoardFilters(), BoardOrder(sort=sort))
    if after is not None:
        non_null, _nulls = keyset.after(*after)
        qs = qs.filter(non_null)
    return qs.values_list("pk", flat=True)[:21], keyset


INDEXED_SORTS = [(spec.kind, sort.key) for spec in registry.all() for sort in spec.sorts if not sort.needs_location]


def test_board_pages_walk_their_sort_index_from_the_top_or_the_cursor_issue_13(many_posts) -> None:
    """Issue #13: page 1 of every board sort reads its partial index from the top and stops; a deep page
    by cursor is an index range from the cursor (the same plan), returning exactly what page 6 by number
    returns."""
    for kind, sort in INDEXED_SORTS:
        index = f"post_sort_{sort}_idx"
        qs, keyset = page_ids(kind, sort)
        assert_walks_index(plan_of(qs), index)

        ordered = list(selectors.board_posts(kind, BoardFilters(), BoardOrder(sort=sort))[0][:120])
        last = ordered[99]
        after, _ = page_ids(kind, sort, after=(getattr(last, keyset.key), last.pk))
        plan = plan_of(after)
        assert_walks_index(plan, index)
        bound = plan.split("Index Cond", 1)[1].split("\n", 1)[0]
        assert ("COALESCE" if keyset.key == "sort_at" else keyset.key) in bound, (kind, sort, plan)
        assert list(after[:20]) == [p.pk for p in ordered[100:120]], (kind, sort)


def test_count_stops_at_the_cap_issue_13(many_posts) -> None:
    """Issue #13: the total is counted up to 1000 (then shown as "1000+"), never over the whole board."""
    page = selectors.board_page(PostKind.STOCK, BoardFilters(), BoardOrder(), user=None)
    count, capped = page.capped_count()
    visible = selectors.board_posts(PostKind.STOCK, BoardFilters(), BoardOrder())[0].count()
    assert visible > 1000
    assert (count, capped) == (1000, True)
    output = PageNumber().paginate_queryset(page, PageNumber.Input(page=1, page_size=20), request=None)
    assert output["count"] == 1000 and output["count_capped"] and output["next_cursor"]


def test_first_page_and_its_count_are_one_walk_of_the_sort_index_issue_13(many_posts) -> None:
    """Issue #13: page 1 reads its ids and the capped total (1000+) in one walk of the sort's index."""
    for kind, sort in INDEXED_SORTS:
        qs, _keyset = selectors.board_posts(kind, BoardFilters(), BoardOrder(sort=sort))
        assert_walks_index(plan_of(qs.values_list("pk", flat=True)[:1001]), f"post_sort_{sort}_idx")


NEAREST_KINDS = [spec.kind for spec in registry.all() if any(sort.needs_location for sort in spec.sorts)]
HERE = {"lat": 22.55, "lng": 113.88}


def analysed(qs) -> str:
    return qs.explain(analyze=True)


def test_nearest_reads_a_circle_through_its_index_not_the_whole_board_issue_13(many_posts) -> None:
    """Issue #13: "nearest" page 1 and a deep page by cursor read the smallest circle holding a page,
    through ``post_near_idx``; what is sorted is that circle, a small part of the board."""
    for kind in NEAREST_KINDS:
        order = BoardOrder(sort="nearest", **HERE)
        page = selectors.board_page(kind, BoardFilters(), order, user=None)
        assert isinstance(page, selectors.NearestPage)
        board = page.qs.count()
        circles = page._circles(page.qs)
        circle = next(c for c in circles if c.count() >= 21)  # the one answering page 1
        assert circle is not circles[-1], "a circle holds the page"
        plan = analysed(circle.values_list("pk", flat=True)[:21])
        assert "post_near_idx" in plan, plan
        assert "Seq Scan on listings_post" not in plan and "Seq Scan on accounts_user" not in plan, plan
        sorted_rows = [int(line.split("rows=")[2].split()[0]) for line in plan.splitlines() if "Sort  (" in line]
        assert sorted_rows and all(n * 3 < board for n in sorted_rows), (board, plan)

        ordered = page.rows(0, 41)
        last = ordered[39]
        non_null, _nulls = page.keyset.after(last.distance_km, last.pk)
        deeper = next(c for c in page._circles(page.qs.filter(non_null), beyond=last.distance_km) if c.count() >= 21)
        plan = analysed(deeper.values_list("pk", flat=True)[:21])
        assert "post_near_idx" in plan and "Seq Scan on listings_post" not in plan, plan
        assert [p.pk for p in page.after(last.distance_km, last.pk, 1)] == [ordered[40].pk]
