"""Input per post kind (every field optional so drafts save incomplete; the kind's ``BoardSpec.required``
says what submission needs) and the output shapes of the boards."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import ValidationError

from accounts.models import AccountType
from common.errors import RULE_MESSAGES, field_error, field_errors
from listings import registry
from listings.edits import edit_can_be_appealed, last_edit
from listings.kinds import FIELD_META, form_values, label_for
from listings.models import CapacityPeriod, Currency, PostStatus, QuantityUnit, RevisionStatus, StockGrade, WageUnit
from uploads.links import file_url, thumbnail_url

if TYPE_CHECKING:
    from accounts.models import User

CERTIFICATIONS = [
    "CE",
    "FDA",
    "BSCI",
    "ISO9001",
    "ISO14001",
    "RoHS",
    "REACH",
    "LFGB",
    "CCC",
    "UL",
    "FCC",
    "GOTS",
    "OEKO-TEX",
    "GRS",
    "SEDEX",
]
CertificationCode = Literal[
    "CE",
    "FDA",
    "BSCI",
    "ISO9001",
    "ISO14001",
    "RoHS",
    "REACH",
    "LFGB",
    "CCC",
    "UL",
    "FCC",
    "GOTS",
    "OEKO-TEX",
    "GRS",
    "SEDEX",
]
MARKETS = {
    "domestic": "国内",
    "north_america": "北美",
    "europe": "欧洲",
    "japan_korea": "日韩",
    "southeast_asia": "东南亚",
    "middle_east": "中东",
    "latin_america": "拉美",
    "africa": "非洲",
    "oceania": "大洋洲",
    "global": "全球",
}
MarketCode = Literal[
    "domestic",
    "north_america",
    "europe",
    "japan_korea",
    "southeast_asia",
    "middle_east",
    "latin_america",
    "africa",
    "oceania",
    "global",
]
EXPERIENCE = {"none": "无经验可", "half_year": "半年以上", "one_year": "1 年以上", "three_years": "3 年以上"}
ExperienceCode = Literal["none", "half_year", "one_year", "three_years"]

Quantity = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
ShortText = Annotated[str, Field(max_length=60)]
MediumText = Annotated[str, Field(max_length=500)]


class PostBaseIn(Schema):
    title: ShortText | None = Field(None, description="标题；留空时按内容自动生成")
    description: Annotated[str, Field(max_length=2000)] | None = None
    region_id: str | None = Field(None, max_length=12, description="行政区划代码（区县级）")
    address: Annotated[str, Field(max_length=200)] | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    valid_until: date | None = Field(None, description="有效期至；不填默认 30 天，最长 90 天")
    media_ids: list[UUID] | None = Field(None, max_length=12, description="上传服务返回的文件 id，按顺序")


class ProcurementIn(PostBaseIn):
    kind: Literal["procurement"]
    product_name: ShortText | None = None
    industry_id: int | None = None
    category_id: int | None = None
    quantity: Quantity | None = None
    quantity_unit: QuantityUnit | None = None
    unit_price: Money | None = Field(None, description="目标单价（可选）")
    currency: Currency | None = None
    delivery_date: date | None = None
    quality_requirements: MediumText | None = None
    certifications: list[CertificationCode] | None = Field(None, max_length=15)
    sample_required: bool | None = None
    destination_market: MarketCode | None = None


class StockIn(PostBaseIn):
    kind: Literal["stock"]
    product_name: ShortText | None = None
    industry_id: int | None = None
    category_id: int | None = None
    quantity: Quantity | None = None
    quantity_unit: QuantityUnit | None = None
    unit_price: Money | None = None
    currency: Currency | None = None
    min_order: Quantity | None = None
    grade: StockGrade | None = None
    lot_condition: MediumText | None = Field(None, description="货品状况：来源、包装、是否可验货")


class LabourIn(PostBaseIn):
    kind: Literal["labour"]
    job_type_id: int | None = None
    wage_amount: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=2)] | None = None
    wage_unit: WageUnit | None = None
    headcount: Annotated[int, Field(ge=1, le=10000)] | None = None
    period_start: date | None = None
    period_end: date | None = None
    age_min: Annotated[int, Field(ge=16, le=70)] | None = None
    age_max: Annotated[int, Field(ge=16, le=70)] | None = None
    experience: ExperienceCode | None = None
    requirements: MediumText | None = None
    meals_provided: bool | None = None
    housing_provided: bool | None = None


class ProcessingDemandIn(PostBaseIn):
    kind: Literal["processing_demand"]
    process_type_ids: list[int] | None = Field(None, max_length=10)
    product_name: ShortText | None = None
    industry_id: int | None = None
    category_id: int | None = None
    specification: MediumText | None = Field(None, description="规格：尺寸、公差、颜色、工艺要求")
    material: Annotated[str, Field(max_length=100)] | None = None
    quantity: Quantity | None = None
    quantity_unit: QuantityUnit | None = None
    delivery_date: date | None = None
    material_supplied: bool | None = Field(None, description="是否来料加工（由我方提供材料）")


class EquipmentIn(Schema):
    name: Annotated[str, Field(min_length=1, max_length=40)]
    model: Annotated[str, Field(max_length=40)] = ""
    count: Annotated[int, Field(ge=1, le=10000)] = 1


class ProcessingServiceIn(PostBaseIn):
    kind: Literal["processing_service"]
    process_type_ids: list[int] | None = Field(None, max_length=10)
    industry_id: int | None = None
    category_id: int | None = None
    equipment: list[EquipmentIn] | None = Field(None, max_length=30)
    capacity_amount: Quantity | None = None
    capacity_period: CapacityPeriod | None = None
    quantity_unit: QuantityUnit | None = Field(None, description="产能与起订量的单位")
    min_order: Quantity | None = None
    price_description: MediumText | None = Field(None, description="报价说明")


PostIn = Annotated[
    ProcurementIn | StockIn | LabourIn | ProcessingDemandIn | ProcessingServiceIn,
    Field(discriminator="kind"),
]


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
    notice: str
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
    display_name: str
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
        "display_name": factory.name if factory else user.display_name,
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
        links = list(obj.media_links.all())
        images = [link.file for link in links if link.file.kind == "image"] or [link.file for link in links]
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
    contact_count: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_media(obj: Any) -> list[dict[str, Any]]:
        return [media_out(link.file) for link in obj.media_links.all()]

    @staticmethod
    def resolve_details(obj: Any) -> dict[str, Any]:
        return {k: v for k, v in obj.details.items() if not k.startswith("_")}

    @staticmethod
    def resolve_no_fee_statement(obj: Any) -> str:
        return registry.get(obj.kind).detail_notice if registry.exists(obj.kind) else ""


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


def parse_post_input(data: Any, *, kind: str | None = None) -> PostBaseIn:
    """The body of a create/edit request, validated by its kind's schema.

    Parsed here rather than by a discriminated union in the signature so that errors name the field
    itself (``quantity_unit``), not the union branch (``procurement.quantity_unit``).
    """
    if not isinstance(data, dict):
        raise field_error("", "type", "请求内容应为 JSON 对象")
    chosen = data.get("kind") or kind
    spec = registry.require_kind(chosen if isinstance(chosen, str) else None)
    try:
        return spec.input_schema.model_validate({**data, "kind": chosen})
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = [str(part) for part in err.get("loc", ())]
            name = ".".join(loc)
            rule = str(err.get("type", "invalid"))
            text = RULE_MESSAGES.get(rule, str(err.get("msg", "")))
            known = bool(loc) and (loc[0] in FIELD_META or loc[0] in spec.extra_field_meta)
            label = label_for(spec.kind, loc[0]) if known else name
            errors.append({"field": name, "rule": rule, "message": f"{label}：{text}"})
        raise field_errors(errors) from None
