"""The output shapes of the boards; the input per post kind is in ``listings.schemas_in``."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ninja import Field, Schema

from accounts.identity import is_verified, public_name
from accounts.models import AccountType
from listings import compliance, registry
from listings.edits import edit_can_be_appealed, last_edit
from listings.kinds import form_values
from listings.models import PostStatus, RevisionStatus
from listings.schemas_in import (  # noqa: F401  (re-exported: the input schemas' old home)
    CERTIFICATIONS,
    EXPERIENCE,
    MARKETS,
    CertificationCode,
    EquipmentIn,
    ExperienceCode,
    LabourIn,
    MarketCode,
    MediumText,
    Money,
    PostBaseIn,
    PostIn,
    ProcessingDemandIn,
    ProcessingServiceIn,
    ProcurementIn,
    Quantity,
    ShortText,
    StockIn,
    parse_post_input,
)
from uploads.links import file_url, thumbnail_url

if TYPE_CHECKING:
    from accounts.models import User


class SortOut(Schema):
    key: str
    label: str
    needs_location: bool


class OptionOut(Schema):
    value: str
    label: str


class FilterOut(Schema):
    name: str = Field(..., description="GET /api/discovery/{kind} 的查询参数名")
    label: str
    type: str = Field(
        ..., description="region / industry / category / job_type / process_type / select / boolean / number"
    )
    options: list[OptionOut]


class LicenceOut(Schema):
    number: str = Field(..., description="人力资源服务许可证编号")
    issuer: str = Field(..., description="发证机关")
    valid_until: date
    text: str = Field(..., description="展示用的一行文字")


class BoardOut(Schema):
    """One board's definition (from the board registry)."""

    kind: str
    label: str
    short_name: str
    board_name: str
    icon: str
    hint: str
    publisher_account_type: str
    group: str = Field(..., description="同组的板块在首页合为一个入口、在板块页为标签页（如 processing 代加工）")
    group_label: str
    on_home: bool
    accepts_applications: bool
    recommended_to: list[str] = Field(
        ..., description="首页优先向这些账号类型展示本板块（worker 的首页以其为主，issue #15）"
    )
    notice: str
    available: bool = Field(..., description="false：板块暂停服务（如用工板块缺少有效的人力资源服务许可证）")
    unavailable_message: str = Field(..., description="暂停服务时向用户展示的说明")
    licence: LicenceOut | None = Field(None, description="用工板块展示的平台人力资源服务许可证")
    sorts: list[SortOut]
    filters: list[FilterOut]


class PostIdsIn(Schema):
    post_ids: list[int] = Field(..., min_length=1, max_length=200)


# --- Output ---


class NamedOut(Schema):
    id: int
    name: str


class RegionOut(Schema):
    adcode: str
    name: str
    full_name: str


class MediaOut(Schema):
    id: UUID
    kind: str
    url: str
    thumbnail_url: str


class OwnerOut(Schema):
    id: int
    display_name: str = Field(..., description="对外名称（accounts.identity：认证企业名称 > 企业名称 > 昵称）")
    verified: bool = Field(False, description="企业已认证：名称旁显示认证标识")
    account_type: str
    factory_id: int | None = None
    factory_name: str = ""


NO_FEE_STATEMENT = "本岗位不向求职者收取任何费用（押金、中介费、服装费等），如遇收费请立即投诉。"


def media_out(stored_file: Any) -> dict[str, Any]:
    return {
        "id": stored_file.pk,
        "kind": stored_file.kind,
        "url": file_url(stored_file),
        "thumbnail_url": thumbnail_url(stored_file) or file_url(stored_file),
    }


def owner_out(user: User) -> dict[str, Any]:
    factory = getattr(user, "factory", None) if user.account_type == AccountType.FACTORY else None
    return {
        "id": user.pk,
        "display_name": public_name(user),
        "verified": is_verified(user),
        "account_type": user.account_type,
        "factory_id": factory.pk if factory else None,
        "factory_name": factory.name if factory else "",
    }


class PostCardOut(Schema):
    """One row of a board."""

    id: int
    kind: str
    kind_label: str
    summary: str = Field(..., description="卡片要点（按板块定义生成，如「采购 2000 个 · 交期 2026-05-01」）")
    title: str
    status: str
    product_name: str
    industry: NamedOut | None
    category: NamedOut | None
    region: RegionOut | None
    quantity: float | None
    quantity_unit: str
    unit_price: float | None
    currency: str
    delivery_date: date | None
    job_type: NamedOut | None
    wage_amount: float | None
    wage_unit: str
    wage_unit_label: str
    headcount: int | None
    is_full: bool
    period_start: date | None
    period_end: date | None
    process_types: list[NamedOut]
    capacity_per_day: float | None
    cover: MediaOut | None
    owner: OwnerOut
    valid_until: date | None
    published_at: datetime | None
    refreshed_at: datetime | None
    view_count: int

    @staticmethod
    def resolve_summary(obj: Any) -> str:
        if not registry.exists(obj.kind):
            return ""
        spec = registry.get(obj.kind)
        processes = [p.name for p in obj.process_types.all()] if "process_type_ids" in spec.fields else []
        return " · ".join(part for part in spec.summary(obj, processes) if part)[:200]

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_wage_unit_label(obj: Any) -> str:
        return str(obj.get_wage_unit_display()) if obj.wage_unit else ""

    @staticmethod
    def resolve_process_types(obj: Any) -> list[Any]:
        return list(obj.process_types.all())

    @staticmethod
    def resolve_cover(obj: Any) -> dict[str, Any] | None:
        # The card's picture (issue #15 item 3): the first photo; a video or drawing is no cover.
        images = [link.file for link in obj.media_links.all() if link.file.kind == "image"]
        return media_out(images[0]) if images else None

    @staticmethod
    def resolve_owner(obj: Any) -> dict[str, Any]:
        return owner_out(obj.owner)


class PostOut(PostCardOut):
    """The detail page (R-APP-5)."""

    description: str
    address: str
    latitude: float | None
    longitude: float | None
    min_order: float | None
    certifications: list[str]
    sample_required: bool | None
    grade: str
    meals_provided: bool
    housing_provided: bool
    hired_count: int
    material_supplied: bool | None
    details: dict[str, Any]
    media: list[MediaOut]
    no_fee_statement: str
    recruitment_licence: LicenceOut | None = Field(None, description="招聘信息页展示的平台人力资源服务许可证")
    contact_count: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_recruitment_licence(obj: Any) -> dict[str, Any] | None:
        return compliance.licence_for(obj.kind) if registry.exists(obj.kind) else None

    @staticmethod
    def resolve_media(obj: Any) -> list[dict[str, Any]]:
        return [media_out(link.file) for link in obj.media_links.all()]

    @staticmethod
    def resolve_details(obj: Any) -> dict[str, Any]:
        return {k: v for k, v in obj.details.items() if not k.startswith("_")}

    @staticmethod
    def resolve_no_fee_statement(obj: Any) -> str:
        return registry.get(obj.kind).detail_notice if registry.exists(obj.kind) else ""


class ViewerApplicationOut(Schema):
    id: int
    status: str = Field(..., description="new / contacted / hired / declined / withdrawn（见 status_label）")
    status_label: str


class PostViewerOut(Schema):
    """What the page says about its reader (issue #15 item 8); all empty for anonymous readers."""

    is_own: bool = Field(..., description="当前用户发布的信息")
    favourite_id: int | None = Field(None, description="当前用户收藏该信息时的收藏 ID")
    application: ViewerApplicationOut | None = Field(None, description="当前用户（工人）对该岗位的报名")


class PostDetailOut(PostOut):
    viewer: PostViewerOut


class PendingEditOut(Schema):
    id: int
    submitted_at: datetime
    review_due_at: datetime
    data: dict[str, Any]


class RejectedEditOut(Schema):
    """The post's latest edit when it was rejected (or its appeal is under review): issue #14."""

    id: int
    reason: str
    reviewed_at: datetime | None
    appealed_at: datetime | None
    appeal_note: str


class MyPostOut(PostOut):
    """What the owner sees of their own post: its review state and the pending edit."""

    status_label: str
    reject_reason: str
    submitted_at: datetime | None
    review_due_at: datetime | None
    pending_edit: PendingEditOut | None
    form: dict[str, Any] = Field(..., description="表单当前值（与提交格式一致），用于继续编辑")
    appealed_at: datetime | None = Field(None, description="申诉时间（每条信息只能申诉一次）")
    appeal_note: str = ""
    can_appeal: bool = Field(False, description="被驳回（或修改被驳回）且尚未申诉：可以申诉")
    rejected_edit: RejectedEditOut | None = Field(None, description="最近一次修改被驳回时：驳回原因与申诉情况")

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_pending_edit(obj: Any) -> Any:
        return obj.pending_revision

    @staticmethod
    def resolve_form(obj: Any) -> dict[str, Any]:
        return form_values(obj)

    @staticmethod
    def resolve_can_appeal(obj: Any) -> bool:
        if obj.status == PostStatus.PUBLISHED:
            return edit_can_be_appealed(last_edit(obj))
        return obj.status == PostStatus.REJECTED and obj.appealed_at is None

    @staticmethod
    def resolve_rejected_edit(obj: Any) -> Any:
        edit = last_edit(obj) if obj.status == PostStatus.PUBLISHED else None
        if edit is None or not (edit.status == RevisionStatus.REJECTED or edit.appealed_at):
            return None
        return edit


class BatchResultOut(Schema):
    done: list[int]
    conflicts: list[int]


class FormStepOut(Schema):
    key: str
    title: str
    fields: list[dict[str, Any]]


class FormSchemaOut(Schema):
    kind: str
    label: str
    publisher_account_type: str
    taxonomy_version: int
    steps: list[FormStepOut]
    notice: str = ""
    median_review_minutes: int | None = Field(
        None, description="近 30 天审核用时中位数（分钟，按审核决定计算）；尚无审核记录时为空"
    )


class AppealIn(Schema):
    note: str = Field(..., description="申诉理由（5–500 字）", max_length=500)
