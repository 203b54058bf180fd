"""The one ``region_prefix`` rule and the filters both public lists share (R-ROLE-3, R-APP-3, R-BOARD-1..4).

Both lists answer a region the same way, as the regions table nests it: a province holds its cities and
counties, a prefecture-level unit holds its districts — a municipality's one city (500100 重庆市) holds all of
its districts and counties, 5002xx included — a county is itself, and an adcode that is not in the regions
table is a 422 naming the field.
"""

from __future__ import annotations

import pytest

from accounts.tests.factories import make_user
from search.tests.factories import ids, make_factory, make_post

pytestmark = pytest.mark.django_db

WANZHOU = "500101"  # 重庆市辖区 (500100)
YUZHONG = "500103"  # 重庆市辖区 (500100)
CHENGKOU = "500229"  # 城口县 (5002xx), also a child of 500100 in the regions table
SHENZHEN_NANSHAN = "440305"  # 南山区, under 440300 深圳市


@pytest.fixture
def chongqing_posts() -> dict[str, int]:
    return {code: make_post(region=code).pk for code in (WANZHOU, YUZHONG, CHENGKOU)}


@pytest.fixture
def chongqing_factories() -> dict[str, int]:
    return {code: make_factory(region=code).pk for code in (WANZHOU, YUZHONG, CHENGKOU)}


@pytest.mark.parametrize("path", ["/api/discovery/procurement", "/api/discovery/factories"])
def test_municipality_city_500100_holds_all_its_districts_and_counties_R_ROLE_3(
    api, chongqing_posts, chongqing_factories, path
) -> None:
    made = chongqing_posts if "procurement" in path else chongqing_factories
    assert set(ids(api.get(path, {"region": "500100"}))) == set(made.values())


@pytest.mark.parametrize("path", ["/api/discovery/procurement", "/api/discovery/factories"])
def test_prefecture_city_holds_its_districts_only_R_ROLE_3(api, path) -> None:
    make = make_post if "procurement" in path else make_factory
    inside = make(region=SHENZHEN_NANSHAN).pk
    make(region="440106")  # 天河区, 广州市
    assert ids(api.get(path, {"region": "440300"})) == [inside]


@pytest.mark.parametrize("path", ["/api/discovery/procurement", "/api/discovery/factories"])
def test_province_holds_everything_under_it_R_ROLE_3(api, chongqing_posts, chongqing_factories, path) -> None:
    made = chongqing_posts if "procurement" in path else chongqing_factories
    assert set(ids(api.get(path, {"region": "500000"}))) == set(made.values())


@pytest.mark.parametrize("path", ["/api/discovery/procurement", "/api/discovery/factories"])
def test_county_is_itself_R_ROLE_3(api, chongqing_posts, chongqing_factories, path) -> None:
    made = chongqing_posts if "procurement" in path else chongqing_factories
    assert ids(api.get(path, {"region": CHENGKOU})) == [made[CHENGKOU]]


@pytest.mark.parametrize("path", ["/api/discovery/procurement", "/api/discovery/factories"])
def test_unknown_adcode_is_a_422_naming_the_field_R_ROLE_3(api, chongqing_posts, path) -> None:
    response = api.get(path, {"region": "999999"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert [item["field"] for item in body["detail"]] == ["region"]


def test_board_lists_one_publishers_posts_R_BOARD_1(api) -> None:
    """The ``owner`` filter the removed ``/api/listings/{kind}`` copy offered (a publisher's other posts)."""
    owner = make_user(account_type="trade")
    mine = [make_post(owner=owner).pk for _ in range(2)]
    make_post()
    assert set(ids(api.get("/api/discovery/procurement", {"owner": owner.pk}))) == set(mine)
