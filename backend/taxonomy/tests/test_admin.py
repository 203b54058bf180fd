"""The console's taxonomy pages (R-ADM-4): an operator's edit reaches the user side at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff
from taxonomy.models import AttributeTag, CategoryTag, Industry
from taxonomy.tests.factories import attribute_group, category, find, industry

pytestmark = pytest.mark.django_db

PASSWORD = "console-pass-123"


def _console(*, superuser: bool = True, groups: tuple[str, ...] = ()) -> Client:
    staff = make_staff(superuser=superuser, groups=groups, password=PASSWORD)
    client = Client()
    assert client.login(username=staff.username, password=PASSWORD)
    return client


def test_category_added_in_console_appears_with_new_etag_R_ADM_4(api: Any) -> None:
    before = api.get("/api/taxonomy")
    console = _console()

    response = console.post(
        "/admin/taxonomy/categorytag/add/",
        # 0 is the form's default: the new tag is placed last rather than first.
        {"industry": industry("mould").pk, "name": "治具夹具", "sort_order": 0, "is_active": "on"},
    )
    assert response.status_code == 302, response.content[:500]

    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    mould = find(after.json()["industries"], code="mould")
    assert mould is not None
    assert [c["name"] for c in mould["categories"]][-1] == "治具夹具"


def test_operator_role_can_add_attribute_tag_R_ADM_4(api: Any) -> None:
    """Not only superusers: the 运营管理员 role manages the taxonomy."""
    before = api.get("/api/taxonomy")
    console = _console(superuser=False, groups=(Role.ADMIN.value,))

    response = console.post(
        "/admin/taxonomy/attributetag/add/",
        {
            "group": attribute_group("service").pk,
            "name": "提供发票",
            "code": "invoice",
            "sort_order": 60,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content[:500]
    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    service = find(after.json()["attribute_groups"], code="service")
    assert service is not None
    assert find(service["tags"], code="invoice", name="提供发票") is not None


def test_reviewer_cannot_edit_taxonomy_R_ADM_4() -> None:
    console = _console(superuser=False, groups=(Role.REVIEWER.value,))
    response = console.post(
        "/admin/taxonomy/categorytag/add/", {"industry": industry().pk, "name": "不该出现", "sort_order": 1}
    )
    assert response.status_code == 403
    assert not CategoryTag.objects.filter(name="不该出现").exists()


def test_list_editable_disable_hides_tag_R_ADM_4(api: Any) -> None:
    """Unticking 启用 in the category list and saving removes the tag from the user side."""
    console = _console()
    tags = list(CategoryTag.objects.filter(industry__code="mould").order_by("sort_order", "id"))
    target = category("模具设计", industry_code="mould")
    data: dict[str, Any] = {
        "form-TOTAL_FORMS": str(len(tags)),
        "form-INITIAL_FORMS": str(len(tags)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "保存",
    }
    for i, tag in enumerate(tags):
        data[f"form-{i}-id"] = str(tag.pk)
        data[f"form-{i}-sort_order"] = str(tag.sort_order)
        if tag.pk != target.pk:
            data[f"form-{i}-is_active"] = "on"
    before = api.get("/api/taxonomy")

    response = console.post(f"/admin/taxonomy/categorytag/?industry__id__exact={industry('mould').pk}", data)
    assert response.status_code == 302, response.content[:800]

    target.refresh_from_db()
    assert target.is_active is False
    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    mould = find(after.json()["industries"], code="mould")
    assert mould is not None and "模具设计" not in [c["name"] for c in mould["categories"]]


def test_industry_page_edits_inline_categories_R_ADM_4(api: Any) -> None:
    console = _console()
    mould = industry("mould")
    existing = list(mould.categories.order_by("sort_order", "id"))
    page = console.get(f"/admin/taxonomy/industry/{mould.pk}/change/")
    assert page.status_code == 200
    assert "注塑模具" in page.content.decode()

    data: dict[str, Any] = {
        "name": mould.name,
        "sort_order": mould.sort_order,
        "is_active": "on",
        "categories-TOTAL_FORMS": str(len(existing) + 1),
        "categories-INITIAL_FORMS": str(len(existing)),
        "categories-MIN_NUM_FORMS": "0",
        "categories-MAX_NUM_FORMS": "1000",
    }
    for i, tag in enumerate(existing):
        data.update(
            {
                f"categories-{i}-id": tag.pk,
                f"categories-{i}-industry": mould.pk,
                f"categories-{i}-name": tag.name,
                f"categories-{i}-sort_order": tag.sort_order,
                f"categories-{i}-is_active": "on",
            }
        )
    n = len(existing)
    data.update(
        {
            f"categories-{n}-industry": mould.pk,
            f"categories-{n}-name": "热流道",
            f"categories-{n}-sort_order": 0,  # left at the default: goes last
            f"categories-{n}-is_active": "on",
        }
    )
    before = api.get("/api/taxonomy")
    response = console.post(f"/admin/taxonomy/industry/{mould.pk}/change/", data)
    assert response.status_code == 302, response.content[:800]

    after = api.get("/api/taxonomy", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    entry = find(after.json()["industries"], code="mould")
    assert entry is not None and entry["categories"][-1]["name"] == "热流道"
    # The code is fixed once created: matching rules and clients key on it.
    assert Industry.objects.get(pk=mould.pk).code == "mould"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/taxonomy/industry/",
        "/admin/taxonomy/categorytag/",
        "/admin/taxonomy/attributegroup/",
        "/admin/taxonomy/attributetag/",
        "/admin/taxonomy/jobtype/",
        "/admin/taxonomy/processtype/",
        "/admin/taxonomy/taxonomyversion/",
        "/admin/taxonomy/categorytag/add/",
        "/admin/taxonomy/industry/add/",
    ],
)
def test_console_pages_render(path: str) -> None:
    response = _console().get(path)
    assert response.status_code == 200


def test_category_list_filters_by_industry() -> None:
    response = _console().get(f"/admin/taxonomy/categorytag/?industry__id__exact={industry('mould').pk}")
    body = response.content.decode()
    assert "注塑模具" in body
    assert "保温杯" not in body


def test_disable_action_hides_tags_R_ADM_4(api: Any) -> None:
    console = _console()
    tag = AttributeTag.objects.get(code="urgent_orders")
    response = console.post(
        "/admin/taxonomy/attributetag/", {"action": "disable_selected", "_selected_action": [tag.pk]}
    )
    assert response.status_code == 302
    capacity = find(api.get("/api/taxonomy").json()["attribute_groups"], code="capacity")
    assert capacity is not None and "urgent_orders" not in [t["code"] for t in capacity["tags"]]
