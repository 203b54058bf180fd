"""The factory directory: the one public list of factories, ``GET /api/discovery/factories``
(R-APP-3, R-PLUS-4, R-TAX-3). Moved here from the factories app when its copy ``GET /api/factories`` was removed."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import AccountType
from accounts.tests.factories import make_user
from common.testing import ApiClient, commit_pending
from factories.models import FactoryProfile
from factories.tests.factories import make_factory, make_verified_factory
from taxonomy.tests.factories import attribute_tag, category, industry
from uploads.models import FilePurpose
from uploads.tests.factories import make_stored_file

pytestmark = pytest.mark.django_db


def error_fields(response: Any) -> list[str]:
    return [item["field"] for item in response.json()["detail"]]


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.json()
    return [item["id"] for item in response.json()["items"]]


class TestDirectory:
    @pytest.fixture
    def factories(self) -> dict[str, FactoryProfile]:
        made = {
            "ningbo": make_verified_factory(),  # 宁波鄞州, 保温杯+餐具, production+urgent
            "yiwu": make_verified_factory(
                region_adcode="330782",
                category_ids=[category("收纳用品").pk],
                attribute_ids=[attribute_tag("production").pk],
            ),
            "dongguan": make_verified_factory(
                region_adcode="441900",
                industry_id=industry("mould").pk,
                category_ids=[category("注塑模具", industry_code="mould").pk],
                attribute_ids=[attribute_tag("urgent_orders").pk, attribute_tag("free_sample").pk],
            ),
        }
        FactoryProfile.objects.filter(pk=made["yiwu"].pk).update(completed_deals=50)
        FactoryProfile.objects.filter(pk=made["dongguan"].pk).update(completed_deals=10)
        make_factory(make_user(account_type=AccountType.FACTORY))  # unverified, never listed
        return made

    def test_entries_carry_trust_signals_R_PLUS_4_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        body = ApiClient().get("discovery/factories").json()
        assert body["count"] == 3
        entry = body["items"][0]
        assert entry["is_verified"] is True
        assert entry["verified_at"]
        assert entry["completed_deals"] == 50
        assert entry["response_rate"] is None
        assert entry["response_minutes"] is None
        assert "contact_phone" not in entry

    def test_sorted_by_order_volume_by_default_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        assert _ids(ApiClient().get("discovery/factories")) == [
            factories["yiwu"].pk,
            factories["dongguan"].pk,
            factories["ningbo"].pk,
        ]

    def test_sorted_by_distance_from_the_user_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        # Standing in 宁波: 宁波 first, then 义乌 (~150 km), then 东莞 (~1,000 km).
        response = ApiClient().get("discovery/factories", {"sort": "distance", "lat": 29.87, "lng": 121.55})
        assert _ids(response) == [factories["ningbo"].pk, factories["yiwu"].pk, factories["dongguan"].pk]
        distances = [item["distance_km"] for item in response.json()["items"]]
        assert distances[0] < 10
        assert 100 < distances[1] < 200
        assert distances[2] > 800
        near = ApiClient().get(
            "discovery/factories", {"sort": "distance", "lat": 29.87, "lng": 121.55, "within_km": 300}
        )
        assert _ids(near) == [factories["ningbo"].pk, factories["yiwu"].pk]

    def test_distance_sort_needs_a_position_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        response = ApiClient().get("discovery/factories", {"sort": "distance"})
        assert response.status_code == 422
        assert error_fields(response) == ["lat"]

    def test_filters_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        api = ApiClient()
        assert _ids(api.get("discovery/factories", {"industry": industry("mould").pk})) == [factories["dongguan"].pk]
        assert _ids(api.get("discovery/factories", {"category": category("保温杯").pk})) == [factories["ningbo"].pk]
        assert set(_ids(api.get("discovery/factories", {"region": "330000"}))) == {
            factories["ningbo"].pk,
            factories["yiwu"].pk,
        }
        assert _ids(api.get("discovery/factories", {"region": "330200"})) == [factories["ningbo"].pk]
        assert _ids(api.get("discovery/factories", {"region": "330782"})) == [factories["yiwu"].pk]
        assert _ids(api.get("discovery/factories", {"region": "440000"})) == [factories["dongguan"].pk]
        assert _ids(api.get("discovery/factories", {"q": "恒达"})) != []

    def test_attribute_tags_must_all_match_R_APP_3_R_TAX_3(self, factories: dict[str, FactoryProfile]) -> None:
        api = ApiClient()
        urgent = attribute_tag("urgent_orders").pk
        production = attribute_tag("production").pk
        assert set(_ids(api.get("discovery/factories", {"attributes": [urgent]}))) == {
            factories["ningbo"].pk,
            factories["dongguan"].pk,
        }
        assert _ids(api.get("discovery/factories", {"attributes": [urgent, production]})) == [factories["ningbo"].pk]

    def test_unknown_region_is_a_field_error_R_APP_3(self, factories: dict[str, FactoryProfile]) -> None:
        response = ApiClient().get("discovery/factories", {"region": "999999"})
        assert response.status_code == 422
        assert error_fields(response) == ["region"]

    def test_query_count_does_not_grow_with_rows_R_APP_3(self, django_assert_max_num_queries: Any) -> None:
        make_verified_factory()
        commit_pending()
        params = {"sort": "distance", "lat": 29.87, "lng": 121.55, "region": "330000"}
        with CaptureQueriesContext(connection) as few:
            assert ApiClient().get("discovery/factories", params).json()["count"] == 1
        for _ in range(8):
            owner = make_user(account_type=AccountType.FACTORY)
            profile = make_verified_factory(owner)
            profile.photos.add(make_stored_file(owner=owner, purpose=FilePurpose.FACTORY_PHOTO))
        commit_pending()
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert ApiClient().get("discovery/factories", params).json()["count"] == 9
