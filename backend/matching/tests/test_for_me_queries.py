"""「适合我的」stays one fixed number of queries however many posts fit (R-PLUS-1: each factory sees the
demands that fit it; R-ROLE-3: workers see the jobs that fit their preference)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from accounts.tests.factories import make_user, signed_in_client
from common.testing import commit_pending
from listings.models import PostKind
from listings.tests.factories import make_post, make_publisher
from taxonomy.models import JobType

pytestmark = pytest.mark.django_db


def _count(django_assert_max_num_queries: Any, client: Any, bound: int, expected_items: int) -> int:
    commit_pending()  # the posts made so far are committed (and indexed) before the request
    with django_assert_max_num_queries(bound) as captured:
        response = client.get("/api/matching/for-me")
    assert response.status_code == 200, response
    assert len(response.json()) == expected_items
    return len(captured.captured_queries)


def _demands(n: int) -> None:
    """``n`` procurement posts for 保温杯 and ``n`` 注塑 processing demands, each from its own owner."""
    for _ in range(n):
        make_post(kind=PostKind.PROCUREMENT)
        make_post(kind=PostKind.PROCESSING_DEMAND)


def _jobs(n: int) -> None:
    for _ in range(n):
        make_post(kind=PostKind.LABOUR)


def _assert_flat(
    django_assert_max_num_queries: Any, client: Any, add: Callable[[int], None], *, bound: int, per_batch: int
) -> None:
    """Same count, at most ``bound``, with 3 and with 30 fitting rows (the page shows at most 20)."""
    client.get("/api/me")  # the day's first request records activity (a few writes, not per row)
    add(3)
    few = _count(django_assert_max_num_queries, client, bound, expected_items=min(3 * per_batch, 20))
    add(27)
    many = _count(django_assert_max_num_queries, client, bound, expected_items=min(30 * per_batch, 20))
    assert many == few, f"{few} queries for 3 rows but {many} for 30"


def test_factory_for_me_query_count_does_not_grow_with_matching_demands_R_PLUS_1(django_assert_max_num_queries):
    factory = make_publisher("factory")
    make_post(kind=PostKind.PROCESSING_SERVICE, owner=factory)  # offers 注塑, so 注塑 demands fit too
    client = signed_in_client(factory)
    # token, factory profile + its tags, two matcher reads with tags, media, trust signals twice, favourites
    _assert_flat(django_assert_max_num_queries, client, _demands, bound=16, per_batch=2)


def test_worker_for_me_query_count_does_not_grow_with_matching_jobs_R_ROLE_3(django_assert_max_num_queries):
    worker = signed_in_client(make_user(account_type="worker"))
    saved = worker.put(
        "/api/me/job-preferences",
        {"job_type_ids": [JobType.objects.get(name="缝纫工").pk], "region_adcode": "440300", "available_from": None},
    )
    assert saved.status_code == 200, saved
    _assert_flat(django_assert_max_num_queries, worker, _jobs, bound=12, per_batch=1)
