"""The checks other apps run on submitted taxonomy ids (R-TAX-1..3): only active, matching choices."""

from __future__ import annotations

import pytest

from common.errors import AppError
from taxonomy import selectors, services
from taxonomy.tests.factories import attribute_tag, category, industry, job_type, process_type

pytestmark = pytest.mark.django_db


def _field(exc: pytest.ExceptionInfo[AppError]) -> tuple[str, str]:
    assert exc.value.status_code == 422
    assert exc.value.code == "validation_error"
    detail = exc.value.detail[0]
    return detail["field"], detail["rule"]


def test_categories_of_the_chosen_industry_accepted_R_TAX_2() -> None:
    cup, bowl = category("保温杯"), category("餐具")
    chosen_industry, categories = selectors.validate_industry_and_categories(
        industry_id=industry("daily_goods").pk, category_ids=[bowl.pk, cup.pk, bowl.pk]
    )
    assert chosen_industry.code == "daily_goods"
    assert categories == [bowl, cup]


def test_category_from_another_industry_rejected_naming_field_R_TAX_2() -> None:
    mould_tag = category("注塑模具", industry_code="mould")
    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(
            industry_id=industry("daily_goods").pk, category_ids=[category("保温杯").pk, mould_tag.pk]
        )
    assert _field(exc) == ("category_ids", "invalid_choice")
    assert "日用百货制造" in exc.value.message

    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(
            industry_id=industry("daily_goods").pk, category_ids=[mould_tag.pk], field_prefix="profile."
        )
    assert _field(exc) == ("profile.category_ids", "invalid_choice")


def test_no_category_or_no_industry_rejected_R_TAX_1() -> None:
    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(industry_id=industry().pk, category_ids=[])
    assert _field(exc) == ("category_ids", "required")

    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(industry_id=None, category_ids=[category("保温杯").pk])
    assert _field(exc) == ("industry_id", "invalid_choice")

    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(industry_id=999_999, category_ids=[category("保温杯").pk])
    assert _field(exc) == ("industry_id", "invalid_choice")


def test_disabled_choices_rejected_R_ADM_4() -> None:
    cup = category("保温杯")
    services.disable(item=cup)
    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(industry_id=industry().pk, category_ids=[cup.pk])
    assert _field(exc) == ("category_ids", "invalid_choice")

    services.disable(item=industry("apparel"))
    with pytest.raises(AppError) as exc:
        selectors.validate_industry_and_categories(
            industry_id=industry("apparel").pk, category_ids=[category("童装", industry_code="apparel").pk]
        )
    assert _field(exc) == ("industry_id", "invalid_choice")


def test_attribute_tags_validated_R_TAX_3() -> None:
    urgent, oem = attribute_tag("urgent_orders"), attribute_tag("oem")
    assert selectors.validate_attribute_tags(tag_ids=[urgent.pk, oem.pk]) == [urgent, oem]
    assert selectors.validate_attribute_tags(tag_ids=[]) == []

    with pytest.raises(AppError) as exc:
        selectors.validate_attribute_tags(tag_ids=[], required=True)
    assert _field(exc) == ("attribute_tag_ids", "required")

    services.disable(item=oem)
    with pytest.raises(AppError) as exc:
        selectors.validate_attribute_tags(tag_ids=[urgent.pk, oem.pk], field="attributes")
    assert _field(exc) == ("attributes", "invalid_choice")

    with pytest.raises(AppError) as exc:
        selectors.validate_attribute_tags(tag_ids=[123_456])
    assert _field(exc) == ("attribute_tag_ids", "invalid_choice")


def test_job_and_process_types_validated() -> None:
    assert selectors.active_job_type(job_type("缝纫工").pk).name == "缝纫工"
    services.disable(item=job_type("叉车工"))
    with pytest.raises(AppError) as exc:
        selectors.active_job_type(job_type("叉车工").pk)
    assert _field(exc) == ("job_type_id", "invalid_choice")

    injection, cnc = process_type("注塑"), process_type("CNC")
    assert selectors.active_process_types([cnc.pk, injection.pk]) == [cnc, injection]
    services.disable(item=cnc)
    with pytest.raises(AppError) as exc:
        selectors.active_process_types([cnc.pk, injection.pk])
    assert _field(exc) == ("process_type_ids", "invalid_choice")


def test_attribute_tag_by_code() -> None:
    tag = selectors.attribute_tag_by_code("urgent_orders")
    assert tag is not None and tag.name == "急单可接"
    assert selectors.attribute_tag_by_code("nope") is None
