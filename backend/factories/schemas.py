from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from common.crypto import mask_phone
from factories.models import EditStatus
from uploads.links import file_url, thumbnail_url


class FactoryIn(Schema):
    name: str = Field(..., description="工厂名称")
    industry_id: int = Field(..., description="一级行业（单选）")
    category_ids: list[int] = Field(..., description="二级品类（多选，须属于所选行业，至少一个）")
    attribute_ids: list[int] = Field(default_factory=list, description="属性标签：业务类型 / 产能 / 服务")
    region_adcode: str = Field(..., description="所在市或区县的行政区划代码")
    address: str = Field(..., description="详细地址")
    latitude: float | None = Field(None, description="纬度；不填时用所在区县的坐标")
    longitude: float | None = Field(None, description="经度")
    main_products: str = Field(..., description="主营产品")
    equipment_summary: str = ""
    capacity_summary: str = ""
    employee_count: int | None = None
    description: str = ""
    photo_ids: list[UUID] = Field(
        default_factory=list, description="工厂照片（purpose=factory_photo）：至少 1 张车间照片，最多 9 张"
    )
    contact_name: str
    contact_phone: str = Field(..., description="手机号或带区号的固定电话；对其他用户打码显示")


class TagOut(Schema):
    id: int
    name: str


class AttributeOut(Schema):
    id: int
    name: str
    code: str
    group: str

    @staticmethod
    def resolve_group(obj: Any) -> str:
        return obj.group.code


class RegionOut(Schema):
    adcode: str
    name: str
    full_name: str


class PhotoOut(Schema):
    id: UUID
    url: str
    thumbnail_url: str | None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return file_url(obj)

    @staticmethod
    def resolve_thumbnail_url(obj: Any) -> str | None:
        return thumbnail_url(obj)


class TrustSignals(Schema):
    """Evidence shown on every factory (R-PLUS-4), computed from events by discovery.decorate_factories."""

    is_verified: bool
    verified_at: datetime | None
    completed_deals: int = Field(..., description="接单量（成交的对接数）")
    response_rate: float | None = Field(None, description="消息回复率，暂无数据时为 null")
    response_minutes: float | None = Field(None, description="回复时长中位数（分钟），暂无数据时为 null")
    upheld_complaints: int = Field(0, description="成立的投诉数")
    favourite_id: int | None = Field(None, description="当前用户收藏该工厂时的收藏 ID")


class FactoryCardOut(TrustSignals):
    id: int
    name: str
    industry: TagOut
    categories: list[TagOut]
    attributes: list[AttributeOut]
    region: RegionOut
    main_products: str
    cover_url: str | None
    distance_km: float | None = None

    @staticmethod
    def resolve_categories(obj: Any) -> list[Any]:
        return list(obj.categories.all())

    @staticmethod
    def resolve_attributes(obj: Any) -> list[Any]:
        return list(obj.attributes.all())

    @staticmethod
    def resolve_cover_url(obj: Any) -> str | None:
        photos = list(obj.photos.all())
        if not photos:
            return None
        return thumbnail_url(photos[0]) or file_url(photos[0])

    @staticmethod
    def resolve_distance_km(obj: Any) -> float | None:
        value = getattr(obj, "distance_km", None)
        return round(value, 1) if value is not None else None


class EditReviewOut(Schema):
    status: str = Field(..., description="pending 待审核 / approved 已通过 / rejected 已驳回")
    submitted_at: datetime
    reject_reason: str


class FactoryViewerOut(Schema):
    """What the page says about its reader (issue #15 item 8); empty for anonymous readers."""

    is_own: bool = Field(..., description="当前用户的工厂")
    favourite_id: int | None = Field(None, description="当前用户收藏该工厂时的收藏 ID")


class FactoryDetailOut(FactoryCardOut):
    address: str
    latitude: float | None
    longitude: float | None
    equipment_summary: str
    capacity_summary: str
    employee_count: int | None
    description: str
    photos: list[PhotoOut]
    contact_name: str
    contact_phone: str = Field(..., description="工厂本人可见完整号码，其他用户打码")
    is_owner: bool
    created_at: datetime
    edit_review: EditReviewOut | None = Field(
        None, description="工厂本人可见：最近一次资料修改的审核状态（已认证工厂的修改审核通过后才展示）"
    )

    viewer: FactoryViewerOut

    @staticmethod
    def resolve_viewer(obj: Any) -> dict[str, Any]:
        return {"is_own": bool(obj.viewer_is_owner), "favourite_id": getattr(obj, "favourite_id", None)}

    @staticmethod
    def resolve_edit_review(obj: Any) -> Any:
        if not getattr(obj, "viewer_is_owner", False):
            return None
        return obj.edits.exclude(status=EditStatus.WITHDRAWN).order_by("-submitted_at", "-pk").first()

    @staticmethod
    def resolve_photos(obj: Any) -> list[Any]:
        return list(obj.photos.all())

    @staticmethod
    def resolve_is_owner(obj: Any) -> bool:
        return bool(obj.viewer_is_owner)

    @staticmethod
    def resolve_contact_phone(obj: Any) -> str:
        phone = obj.contact_phone or ""
        if obj.viewer_is_owner:
            return phone
        return mask_phone(phone) if phone else ""
