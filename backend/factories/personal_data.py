"""The factory profile in the personal-data registry (R-PLUS-5): exported in full, deleted on 注销.

Deleting the profile removes the contact person, contact phone, address and coordinates; the photos go
with the user's files. Connections that were about the factory keep their row (the other party's
history) with the factory link cleared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import register
from factories.models import FactoryProfile, FactoryProfileEdit
from uploads.personal_data import archive_path

if TYPE_CHECKING:
    from accounts.models import User


def export_factory(user: User) -> dict[str, Any] | None:
    factory = (
        FactoryProfile.objects.filter(owner=user)
        .select_related("industry", "region")
        .prefetch_related("categories", "attributes", "photos")
        .first()
    )
    if factory is None:
        return None
    return {
        "工厂名称": factory.name,
        "一级行业": factory.industry.name,
        "二级品类": [c.name for c in factory.categories.all()],
        "属性标签": [a.name for a in factory.attributes.all()],
        "所在地区": factory.region.full_name,
        "详细地址": factory.address,
        "纬度": factory.latitude,
        "经度": factory.longitude,
        "主营产品": factory.main_products,
        "设备情况": factory.equipment_summary,
        "产能说明": factory.capacity_summary,
        "员工人数": factory.employee_count,
        "工厂介绍": factory.description,
        "工厂照片": [archive_path(p) for p in factory.photos.all()],
        "联系人": factory.contact_name,
        "联系电话": factory.contact_phone,
        "已认证": factory.is_verified,
        "接单量": factory.completed_deals,
        "入驻时间": factory.created_at.isoformat(),
        "更新时间": factory.updated_at.isoformat(),
    }


def erase_factory(user: User) -> None:
    FactoryProfile.objects.filter(owner=user).delete()


def register_all() -> None:
    register(FactoryProfile, section="工厂资料", exporter=export_factory, eraser=erase_factory)
    # Pending and past edits of the profile go with it (CASCADE) when the profile is erased.
    register(FactoryProfileEdit, eraser=erase_factory, part_of="factories.FactoryProfile")
