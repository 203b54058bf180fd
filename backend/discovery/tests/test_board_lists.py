"""Each board's public list, ``GET /api/discovery/{kind}`` (R-BOARD-1..4). Moved here from the listings app
when its copy ``GET /api/listings/{kind}`` was removed."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common import pagination
from common.testing import commit_pending
from listings.models import PostKind, PostStatus
from listings.tests.factories import SHENZHEN_BAOAN, make_post
from taxonomy.models import CategoryTag
from uploads.tests.factories import make_stored_file

pytestmark = pytest.mark.django_db


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, response
    return len(ctx.captured_queries)


class TestBoards:
    def test_each_board_lists_its_kind_freshest_first_R_BOARD_1_4(self, api) -> None:
        older = make_post(kind=PostKind.STOCK)
        newer = make_post(kind=PostKind.STOCK)
        make_post(kind=PostKind.LABOUR)
        make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
        stock = api.get("discovery/stock").json()
        assert [item["id"] for item in stock["items"]] == [newer.pk, older.pk]
        assert (stock["count"], stock["page"], stock["page_size"]) == (2, 1, 20)
        assert api.get("discovery/labour").json()["count"] == 1
        assert api.get("discovery/nonsense").status_code == 422

    def test_basic_filters_by_region_and_category_R_BOARD_3(self, api) -> None:
        shenzhen = make_post(kind=PostKind.LABOUR)  # 宝安区
        make_post(kind=PostKind.LABOUR, region_id="330212", address="鄞州区某工业园")
        by_city = api.get("discovery/labour", {"region": "440300"}).json()
        assert [item["id"] for item in by_city["items"]] == [shenzhen.pk]
        assert api.get("discovery/labour", {"region": "440000"}).json()["count"] == 1
        assert api.get("discovery/labour", {"region": SHENZHEN_BAOAN}).json()["count"] == 1
        cup = CategoryTag.objects.get(name="保温杯")
        make_post(kind=PostKind.STOCK)
        assert api.get("discovery/stock", {"category": cup.pk}).json()["count"] == 1
        assert api.get("discovery/stock", {"category": cup.pk + 1000}).json()["count"] == 0

    def test_public_list_query_count_does_not_grow_with_rows(self, api, django_assert_max_num_queries) -> None:
        for _ in range(2):
            post = make_post(kind=PostKind.PROCESSING_SERVICE)
            post.media.add(make_stored_file(owner=post.owner), through_defaults={"order": 0})
        commit_pending()
        baseline = _queries(lambda: api.get("discovery/processing_service"))
        for _ in range(5):
            post = make_post(kind=PostKind.PROCESSING_SERVICE)
            post.media.add(make_stored_file(owner=post.owner), through_defaults={"order": 0})
        commit_pending()
        with django_assert_max_num_queries(baseline):
            body = api.get("discovery/processing_service").json()
        assert body["count"] == 7 and all(item["cover"] for item in body["items"])


class TestPagingAtScale:
    """Issue #13: board lists page by cursor as well as by number, and stop counting at a cap."""

    def test_next_cursor_continues_exactly_where_the_page_number_would_issue_13(self, api) -> None:
        posts = [make_post(kind=PostKind.STOCK) for _ in range(12)]
        by_number = [api.get("discovery/stock", {"page": n, "page_size": 5}).json() for n in (1, 2, 3)]
        first = by_number[0]
        assert first["next_cursor"] and first["count"] == 12 and first["count_capped"] is False
        second = api.get("discovery/stock", {"page": 2, "page_size": 5, "cursor": first["next_cursor"]}).json()
        third = api.get("discovery/stock", {"page": 3, "page_size": 5, "cursor": second["next_cursor"]}).json()
        ids = [[item["id"] for item in body["items"]] for body in (first, second, third)]
        assert ids == [[item["id"] for item in body["items"]] for body in by_number]
        assert sorted(pk for page in ids for pk in page) == sorted(p.pk for p in posts)
        assert third["next_cursor"] is None  # the last page
        # Sorted by price the cursor carries the price: the same rows as by page number.
        cheap = api.get("discovery/stock", {"sort": "cheapest", "page_size": 5}).json()
        after = api.get("discovery/stock", {"sort": "cheapest", "page_size": 5, "cursor": cheap["next_cursor"]})
        page2 = api.get("discovery/stock", {"sort": "cheapest", "page_size": 5, "page": 2})
        assert [i["id"] for i in after.json()["items"]] == [i["id"] for i in page2.json()["items"]]

    def test_a_cursor_of_another_sort_or_garbage_is_refused_issue_13(self, api) -> None:
        for _ in range(3):
            make_post(kind=PostKind.STOCK)
        cursor = api.get("discovery/stock", {"page_size": 2}).json()["next_cursor"]
        other = api.get("discovery/stock", {"sort": "cheapest", "cursor": cursor})
        assert other.status_code == 422 and other.json()["detail"][0]["field"] == "cursor"
        assert api.get("discovery/stock", {"cursor": "not-a-cursor"}).status_code == 422

    def test_totals_stop_at_the_cap_and_say_so_issue_13(self, api, monkeypatch) -> None:
        monkeypatch.setattr(pagination, "COUNT_CAP", 5)
        for _ in range(8):
            make_post(kind=PostKind.STOCK)
        body = api.get("discovery/stock", {"page_size": 2}).json()
        assert (body["count"], body["count_capped"]) == (5, True)
        # A page past the cap still counts up to itself, so the client keeps loading.
        deep = api.get("discovery/stock", {"page_size": 2, "page": 4}).json()
        assert len(deep["items"]) == 2 and deep["count"] >= 8


class TestJobCards:
    def test_a_job_card_carries_its_tags_and_the_board_filters_by_wage_unit_issue_15(self, api) -> None:
        """Issue #15 items 1–2: a job card shows 包吃 包住 18–50岁 and 已认证 without opening the job; a
        worker's home filters jobs by wage unit (and by 包吃 / 包住 / period as before)."""
        from factories.models import FactoryProfile

        daily = make_post(kind=PostKind.LABOUR)  # 元/天, 包吃包住, 18–50, verified factory
        monthly = make_post(
            kind=PostKind.LABOUR,
            wage_unit="month",
            wage_amount=6500,
            meals_provided=False,
            housing_provided=False,
            age_min=None,
            age_max=None,
        )
        # Its factory's badge has lapsed since (licence expired): the card no longer says 已认证.
        FactoryProfile.objects.filter(owner=monthly.owner).update(is_verified=False)
        cards = {item["id"]: item for item in api.get("discovery/labour").json()["items"]}
        tags = lambda card: (  # noqa: E731
            card["meals_provided"], card["housing_provided"], card["age_min"], card["age_max"], card["owner_verified"]
        )
        assert tags(cards[daily.pk]) == (True, True, 18, 50, True)
        assert tags(cards[monthly.pk]) == (False, False, None, None, False)
        assert cards[daily.pk]["period_start"] and cards[daily.pk]["period_end"]

        by_unit = api.get("discovery/labour", {"wage_unit": "month"}).json()
        assert [item["id"] for item in by_unit["items"]] == [monthly.pk]
        assert [i["id"] for i in api.get("discovery/labour", {"wage_unit": "day", "meals": True}).json()["items"]] == [
            daily.pk
        ]
        assert api.get("discovery/labour", {"wage_unit": "week"}).status_code == 422
