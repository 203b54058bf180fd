"""Builders for factory tests over the seeded taxonomy and regions."""

from __future__ import annotations

from typing import Any

from factories.models import FactoryProfile
from factories.services import save_factory_profile
from taxonomy.tests.factories import attribute_tag, category, industry


def workshop_photo(owner: Any) -> str:
    """A workshop photo uploaded by ``owner`` (a profile needs at least one, issue #15 item 3)."""
    from uploads.models import FilePurpose
    from uploads.tests.factories import make_stored_file

    return str(make_stored_file(owner=owner, purpose=FilePurpose.FACTORY_PHOTO, name="车间.jpg").pk)


def profile_payload(owner: Any = None, **overrides: Any) -> dict[str, Any]:
    """The body of PUT /api/factories/mine for a 保温杯 factory in 宁波鄞州; with ``owner``, one
    workshop photo of theirs (without, no photo: the profile is refused)."""
    payload: dict[str, Any] = {
        "name": "宁波市鄞州恒达不锈钢制品厂",
        "industry_id": industry("daily_goods").pk,
        "category_ids": [category("保温杯").pk, category("餐具").pk],
        "attribute_ids": [attribute_tag("production").pk, attribute_tag("urgent_orders").pk],
        "region_adcode": "330212",
        "address": "姜山镇工业园区东区 18 号",
        "latitude": None,
        "longitude": None,
        "main_products": "不锈钢保温杯、焖烧罐",
        "equipment_summary": "拉伸机 12 台，抛光线 3 条",
        "capacity_summary": "日产保温杯 2 万只",
        "employee_count": 160,
        "description": "专业生产不锈钢真空保温杯十五年。",
        "photo_ids": [workshop_photo(owner)] if owner is not None and "photo_ids" not in overrides else [],
        "contact_name": "王建国",
        "contact_phone": "13957400001",
    }
    payload.update(overrides)
    return payload


def make_factory(owner: Any, **overrides: Any) -> FactoryProfile:
    return save_factory_profile(owner=owner, **profile_payload(owner, **overrides))


def make_verified_factory(owner: Any | None = None, **overrides: Any) -> FactoryProfile:
    from accounts.tests.factories import make_user
    from verification.tests.factories import make_licence

    owner = owner or make_user(account_type="factory")
    make_licence(owner)
    return make_factory(owner, **overrides)
