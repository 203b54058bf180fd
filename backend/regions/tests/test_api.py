"""GET /api/regions (the cascade picker) and GET /api/regions/{adcode} over the seeded divisions."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regions.models import Region

pytestmark = pytest.mark.django_db


def _by_name(items: list[dict[str, Any]], name: str) -> dict[str, Any]:
    match = [item for item in items if item["name"] == name]
    assert match, f"{name} not in {[i['name'] for i in items][:50]}"
    return match[0]


def test_provinces_without_parent(api: Any) -> None:
    response = api.get("/api/regions")
    assert response.status_code == 200
    provinces = response.json()
    guangdong = _by_name(provinces, "广东省")
    assert guangdong["adcode"] == "440000"
    assert guangdong["level"] == 1
    assert guangdong["parent_adcode"] is None
    assert len(provinces) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert {p["level"] for p in provinces} == {1}


def test_shenzhen_districts_have_coordinates(api: Any) -> None:
    cities = api.get("/api/regions", {"parent": "440000"}).json()
    shenzhen = _by_name(cities, "深圳市")
    assert shenzhen["adcode"] == "440300"

    districts = api.get("/api/regions", {"parent": "440300"}).json()
    nanshan = _by_name(districts, "南山区")
    assert nanshan["adcode"] == "440305"
    assert nanshan["full_name"] == "广东省深圳市南山区"
    assert nanshan["parent_adcode"] == "440300"
    assert nanshan["latitude"] == pytest.approx(22.53, abs=0.05)
    assert nanshan["longitude"] == pytest.approx(113.93, abs=0.05)
    # Placeholder "市辖区" rows of the source table are not offered.
    assert all(d["name"] != "市辖区" for d in districts)
    assert all(d["latitude"] is not None and d["longitude"] is not None for d in districts)


def test_municipality_has_one_city_holding_every_district(api: Any) -> None:
    beijing_cities = api.get("/api/regions", {"parent": "110000"}).json()
    assert [(c["adcode"], c["name"]) for c in beijing_cities] == [("110100", "北京市")]
    districts = api.get("/api/regions", {"parent": "110100"}).json()
    assert _by_name(districts, "海淀区")["full_name"] == "北京市海淀区"

    # 重庆's counties (5002xx) sit under the same single city as its districts.
    chongqing = api.get("/api/regions", {"parent": "500000"}).json()
    assert [c["adcode"] for c in chongqing] == ["500100"]
    children = {d["name"] for d in api.get("/api/regions", {"parent": "500100"}).json()}
    assert {"渝中区", "忠县", "巫山县"} <= children


def test_region_detail_with_path(api: Any) -> None:
    response = api.get("/api/regions/440305")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "南山区"
    assert [(p["adcode"], p["name"]) for p in body["path"]] == [
        ("440000", "广东省"),
        ("440300", "深圳市"),
        ("440305", "南山区"),
    ]

    province = api.get("/api/regions/440000").json()
    assert [p["name"] for p in province["path"]] == ["广东省"]

    xiantao = api.get("/api/regions/429004").json()
    assert [p["name"] for p in xiantao["path"]] == ["湖北省", "省直辖县级市", "仙桃市"]
    assert xiantao["full_name"] == "湖北省仙桃市"
    assert xiantao["latitude"] is not None


def test_unknown_adcode_is_404(api: Any) -> None:
    assert api.get("/api/regions/999999").status_code == 404
    response = api.get("/api/regions", {"parent": "999999"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_every_region_has_coordinates_and_consistent_names() -> None:
    assert Region.objects.count() > 3000
    assert not Region.objects.filter(latitude__isnull=True).exists()
    assert not Region.objects.filter(name="市辖区").exists()
    # Every city and district hangs under a parent of the level above.
    assert not Region.objects.filter(level__gt=1, parent__isnull=True).exists()
    assert not Region.objects.filter(level=3).exclude(parent__level=2).exists()
    assert not Region.objects.filter(level=2).exclude(parent__level=1).exists()
    assert not Region.objects.filter(level=3, province_name="").exists()


def test_children_query_count_does_not_grow_with_rows(api: Any) -> None:
    with CaptureQueriesContext(connection) as few:
        assert len(api.get("/api/regions", {"parent": "110000"}).json()) == 1
    with CaptureQueriesContext(connection) as many:
        assert len(api.get("/api/regions", {"parent": "440000"}).json()) >= 21
    with CaptureQueriesContext(connection) as provinces:
        api.get("/api/regions")
    assert len(few.captured_queries) == len(many.captured_queries) <= 2
    assert len(provinces.captured_queries) <= 1


def test_regions_are_public_even_with_a_stale_token() -> None:
    from common.testing import ApiClient

    assert ApiClient(token="stale").get("/api/regions/440300").status_code == 200
