"""Taxonomy writes (R-ADM-4): every change moves the version; bad input is refused with a reason."""

from __future__ import annotations

import pytest

from common.errors import AppError
from taxonomy import selectors, services
from taxonomy.models import CategoryTag, JobType
from taxonomy.tests.factories import attribute_group, category, industry, job_type

pytestmark = pytest.mark.django_db


def test_every_kind_of_change_bumps_version_R_ADM_4() -> None:
    seen = [selectors.current_version()]

    def moved() -> bool:
        seen.append(selectors.current_version())
        return seen[-1] > seen[-2]

    tag = services.add_category(industry=industry(), name="水杯")
    assert moved()
    services.rename(item=tag, name="随手杯")
    assert moved()
    services.disable(item=tag)
    assert moved()
    services.enable(item=tag)
    assert moved()
    services.reorder(model=JobType, ids=[job_type("叉车工").pk, job_type("普工").pk])
    assert moved()
    group = services.add_attribute_group(code="payment", name="结算方式")
    assert moved()
    group.delete()  # console deletes go through the same signal
    assert moved()
    services.add_job_type(name="保洁员")
    assert moved()


def test_no_op_changes_leave_version_alone() -> None:
    version = selectors.current_version()
    services.rename(item=category("保温杯"), name="保温杯")
    services.enable(item=category("保温杯"))
    assert selectors.current_version() == version


def test_new_items_go_last() -> None:
    tag = services.add_category(industry=industry("mould"), name="热流道")
    assert list(industry("mould").categories.order_by("sort_order", "id"))[-1] == tag


def test_duplicate_and_blank_names_refused() -> None:
    with pytest.raises(AppError) as exc:
        services.add_category(industry=industry(), name=" 保温杯 ")
    assert exc.value.status_code == 409
    # The same name under another industry is a different tag.
    services.add_category(industry=industry("electronics_3c"), name="保温杯")

    with pytest.raises(AppError) as exc:
        services.rename(item=category("餐具"), name="厨具")
    assert exc.value.code == "duplicate_name"

    with pytest.raises(AppError) as exc:
        services.add_job_type(name="   ")
    assert exc.value.detail[0]["rule"] == "required"
    with pytest.raises(AppError) as exc:
        services.add_job_type(name="工" * 33)
    assert exc.value.detail[0]["rule"] == "max_length"


def test_codes_must_be_slugs_and_unique_R_TAX_3() -> None:
    with pytest.raises(AppError) as exc:
        services.add_attribute_tag(group=attribute_group("service"), code="发票", name="提供发票")
    assert exc.value.detail[0]["field"] == "code"
    with pytest.raises(AppError) as exc:
        services.add_attribute_tag(group=attribute_group("service"), code="urgent_orders", name="加急")
    assert exc.value.status_code == 409


def test_reorder_refuses_unknown_or_repeated_ids() -> None:
    cup = category("保温杯")
    with pytest.raises(AppError) as exc:
        services.reorder(model=CategoryTag, ids=[cup.pk, cup.pk])
    assert exc.value.detail[0]["rule"] == "duplicate"
    with pytest.raises(AppError) as exc:
        services.reorder(model=CategoryTag, ids=[cup.pk, 987_654])
    assert exc.value.status_code == 404
