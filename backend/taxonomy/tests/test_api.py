"""GET /api/taxonomy: the seeded tree (R-TAX-1..3), its ETag, and edits showing up at once (R-ADM-4)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taxonomy import services
from taxonomy.tests.factories import attribute_group, category, find, industry

pytestmark = pytest.mark.django_db

INDUSTRY_CODES = {
    "daily_goods": "日用百货制造",
    "electronics_3c": "电子3C制造",
    "apparel": "服装服饰制造",
    "mould": "模具加工服务",
    "print_pack": "印刷包装服务",
    "other_processing": "其他加工服务",
}

GIVEN_CATEGORIES = {
    "daily_goods": ["保温杯", "餐具", "厨具", "收纳用品", "清洁用品", "家居日用"],
    "mould": ["注塑模具", "冲压模具", "压铸模具", "模具设计"],
    "electronics_3c": ["手机配件", "数据线/充电器", "蓝牙耳机", "智能穿戴", "PCBA加工"],
    "apparel": ["T恤/卫衣", "羽绒服", "牛仔", "童装", "箱包"],
    "print_pack": ["彩盒", "纸箱", "标签/不干胶", "手提袋", "说明书印刷"],
    "other_processing": ["五金加工", "塑料制品", "喷涂/电镀", "组装加工"],
}

ATTRIBUTE_GROUPS = {
    ("business_type", "业务类型"): [
        ("production", "生产型"),
        ("oem", "代加工型"),
        ("stock_clearance", "库存清仓型"),
        ("custom_dev", "定制开发型"),
    ],
    ("capacity", "产能"): [("small_batch", "小批量接单"), ("large_batch", "大批量接单"), ("urgent_orders", "急单可接")],
    ("service", "服务"): [
        ("pickup", "上门取货"),
        ("delivery", "送货上门"),
        ("free_sample", "免费打样"),
        ("customisation", "支持定制"),
    ],
}

JOB_TYPES = [
    "缝纫工",
    "普工",
    "包装工",
    "质检员",
    "注塑工",
    "贴片工",
    "装配工",
    "仓管员",
    "叉车工",
    "电焊工",
    "剪线工",
    "印刷机长",
]
PROCESS_TYPES = [
    "注塑",
    "冲压",
    "压铸",
    "CNC",
    "印刷",
    "缝制",
    "SMT贴片",
    "组装",
    "喷涂",
    "电镀",
    "激光切割",
    "模具制造",
]


def _tree(api: Any) -> dict[str, Any]:
    response = api.get("/api/taxonomy")
    assert response.status_code == 200, response
    return response.json()


def test_industries_in_brief_order_with_their_categories_R_TAX_1_R_TAX_2(api: Any) -> None:
    tree = _tree(api)
    assert [(i["code"], i["name"]) for i in tree["industries"]] == list(INDUSTRY_CODES.items())
    for code, names in GIVEN_CATEGORIES.items():
        entry = find(tree["industries"], code=code)
        assert entry is not None
        category_names = [c["name"] for c in entry["categories"]]
        for name in names:
            assert name in category_names, f"{name} missing under {code}"
    daily = find(tree["industries"], code="daily_goods")
    assert daily is not None
    # The four the brief gives come first, in its order.
    assert [c["name"] for c in daily["categories"]][:4] == ["保温杯", "餐具", "厨具", "收纳用品"]
    mould = find(tree["industries"], code="mould")
    assert mould is not None
    assert [c["name"] for c in mould["categories"]] == ["注塑模具", "冲压模具", "压铸模具", "模具设计"]


def test_attribute_groups_with_stable_codes_R_TAX_3(api: Any) -> None:
    tree = _tree(api)
    got = {(g["code"], g["name"]): [(t["code"], t["name"]) for t in g["tags"]] for g in tree["attribute_groups"]}
    assert got == ATTRIBUTE_GROUPS


def test_job_and_process_types_listed(api: Any) -> None:
    tree = _tree(api)
    job_names = [j["name"] for j in tree["job_types"]]
    for name in JOB_TYPES:
        assert name in job_names
    process_names = [p["name"] for p in tree["process_types"]]
    for name in PROCESS_TYPES:
        assert name in process_names
    smt = find(tree["process_types"], name="SMT贴片")
    assert smt is not None and smt["industry_id"] == industry("electronics_3c").pk
    assert find(tree["process_types"], name="CNC")["industry_id"] is None  # type: ignore[index]


def test_etag_and_304_when_unchanged_R_ADM_4(api: Any) -> None:
    first = api.get("/api/taxonomy")
    etag = first.headers["ETag"]
    assert etag == f'W/"taxonomy-{first.json()["version"]}"'
    assert "no-cache" in first.headers["Cache-Control"]

    again = api.get("/api/taxonomy", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.raw.content == b""
    assert again.headers["ETag"] == etag

    # A client holding some other version gets the whole tree.
    stale = api.get("/api/taxonomy", headers={"If-None-Match": 'W/"taxonomy-0"'})
    assert stale.status_code == 200
    assert stale.json()["industries"]


def test_tag_added_by_service_appears_with_new_etag_R_ADM_4(api: Any) -> None:
    before = api.get("/api/taxonomy")
    services.add_category(industry=industry("daily_goods"), name="一次性用品")

    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.json()["version"] > before.json()["version"]
    daily = find(after.json()["industries"], code="daily_goods")
    assert daily is not None
    assert daily["categories"][-1]["name"] == "一次性用品"


def test_disabled_tag_disappears_from_tree_R_ADM_4(api: Any) -> None:
    before = api.get("/api/taxonomy")
    services.disable(item=category("保温杯"))
    services.disable(item=attribute_group("service").tags.get(code="pickup"))

    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    tree = after.json()
    daily = find(tree["industries"], code="daily_goods")
    assert daily is not None
    assert "保温杯" not in [c["name"] for c in daily["categories"]]
    service = find(tree["attribute_groups"], code="service")
    assert service is not None
    assert "pickup" not in [t["code"] for t in service["tags"]]

    services.enable(item=category("保温杯"))
    daily = find(_tree(api)["industries"], code="daily_goods")
    assert daily is not None and "保温杯" in [c["name"] for c in daily["categories"]]


def test_reorder_changes_order_and_version_R_ADM_4(api: Any) -> None:
    before = _tree(api)
    mould = industry("mould")
    ids = list(mould.categories.order_by("-sort_order").values_list("id", flat=True))
    services.reorder(model=type(category("模具设计", industry_code="mould")), ids=ids)

    after = _tree(api)
    assert after["version"] > before["version"]
    entry = find(after["industries"], code="mould")
    assert entry is not None
    assert [c["name"] for c in entry["categories"]] == ["模具设计", "压铸模具", "冲压模具", "注塑模具"]


def test_query_count_constant_as_tags_grow(api: Any) -> None:
    with CaptureQueriesContext(connection) as small:
        _tree(api)
    for n in range(15):
        services.add_category(industry=industry("apparel"), name=f"新品类{n}")
        services.add_attribute_tag(group=attribute_group("capacity"), code=f"cap_{n}", name=f"产能{n}")
        services.add_job_type(name=f"工种{n}")
        services.add_process_type(name=f"工艺{n}", industry=industry("mould"))
    services.add_industry(code="toys", name="玩具制造")
    with CaptureQueriesContext(connection) as large:
        tree = _tree(api)
    assert len(find(tree["industries"], code="apparel")["categories"]) >= 23  # type: ignore[index]
    assert len(large.captured_queries) == len(small.captured_queries) <= 7


def test_taxonomy_is_public_even_with_bad_token() -> None:
    """Forms load the taxonomy before sign-in, so no token is needed (and a stale one is ignored)."""
    from common.testing import ApiClient

    response = ApiClient(token="expired-or-garbage").get("/api/taxonomy")
    assert response.status_code == 200
