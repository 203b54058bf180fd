"""The step-by-step publish forms come from the API, with options read live (R-APP-2, R-ADM-4)."""

from __future__ import annotations

import pytest

from listings import kinds, registry
from listings.models import PostKind
from taxonomy.models import CategoryTag, Industry, JobType

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", list(PostKind.values))
def test_form_has_every_field_once_with_required_flags_R_APP_2(api, kind: str) -> None:
    body = api.get(f"listings/form-schema/{kind}").json()
    fields = [f for step in body["steps"] for f in step["fields"]]
    names = [f["name"] for f in fields]
    assert len(names) == len(set(names))
    assert set(kinds.accepted_fields(kind)) - set(names) <= {"address", "latitude", "longitude"}
    assert set(names) <= set(registry.get(kind).input_schema.model_fields), "every form field is accepted by the API"
    photos = {"media_ids"} if registry.get(kind).min_images else set()  # stock's 实拍图 (issue #15 item 3)
    assert {f["name"] for f in fields if f["required"]} == set(registry.get(kind).required) | photos
    assert all(f["label"] for f in fields)
    assert len(body["steps"]) >= 3
    assert body["publisher_account_type"] == registry.get(kind).publisher


def test_units_are_fixed_choices_R_APP_2(api) -> None:
    fields = {f["name"]: f for step in api.get("listings/form-schema/labour").json()["steps"] for f in step["fields"]}
    assert [o["value"] for o in fields["wage_unit"]["options"]] == ["hour", "day", "piece", "month"]
    stock = {f["name"]: f for step in api.get("listings/form-schema/stock").json()["steps"] for f in step["fields"]}
    assert {"个", "件", "套", "箱", "吨", "千克", "米", "平方米", "台"} <= {
        o["value"] for o in stock["quantity_unit"]["options"]
    }
    assert [o["value"] for o in stock["currency"]["options"]] == ["CNY", "USD", "EUR"]


def test_a_new_tag_shows_in_the_form_at_once_R_ADM_4(api) -> None:
    daily = Industry.objects.get(code="daily_goods")
    before = api.get("listings/form-schema/procurement").json()
    CategoryTag.objects.create(industry=daily, name="硅胶折叠杯", sort_order=99)
    JobType.objects.create(name="丝印工", sort_order=99)
    after = api.get("listings/form-schema/procurement").json()
    categories = next(f for s in after["steps"] for f in s["fields"] if f["name"] == "category_id")["options"]
    assert {"label": "硅胶折叠杯", "industry_id": daily.pk}.items() <= next(
        o for o in categories if o["label"] == "硅胶折叠杯"
    ).items()
    assert after["taxonomy_version"] > before["taxonomy_version"]
    labour = api.get("listings/form-schema/labour").json()
    jobs = next(f for s in labour["steps"] for f in s["fields"] if f["name"] == "job_type_id")["options"]
    assert "丝印工" in {o["label"] for o in jobs}


def test_a_disabled_tag_leaves_the_form_and_is_refused(api) -> None:
    from listings.tests.factories import publisher_client, valid_payload

    cup = CategoryTag.objects.get(name="保温杯")
    cup.is_active = False
    cup.save()
    body = api.get("listings/form-schema/procurement").json()
    categories = next(f for s in body["steps"] for f in s["fields"] if f["name"] == "category_id")["options"]
    assert "保温杯" not in {o["label"] for o in categories}
    refused = publisher_client("trade").post("listings/posts", valid_payload(PostKind.PROCUREMENT))
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "category_id"


def test_unknown_kind_is_refused(api) -> None:
    assert api.get("listings/form-schema/rental").status_code == 422
