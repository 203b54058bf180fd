"""Input per post kind: every field optional so drafts save incomplete (the kind's ``BoardSpec.required``
says what submission needs), and the parsing that names the field in each error. The output shapes are in
``listings.schemas``, which re-exports these for its importers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import ValidationError

from common.errors import RULE_MESSAGES, field_error, field_errors
from listings import registry
from listings.kinds import FIELD_META, label_for
from listings.models import CapacityPeriod, Currency, QuantityUnit, StockGrade, WageUnit

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
    employer_name: Annotated[str, Field(max_length=60)] | None = Field(None, description="用人单位（全称）")
    work_content: MediumText | None = Field(None, description="工作内容")


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
