"""The fields posts are made of, shared by every kind: their metadata (label, control type), where
each is stored (a column or ``details``) and which are user text. What a kind *is* (its fields, steps,
labels, required fields, ...) is its ``BoardSpec`` in ``listings.boards``, read through
``listings.registry``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from listings import registry
from listings.models import Post

COMMON_FIELDS = ["title", "description", "region_id", "address", "latitude", "longitude", "valid_until", "media_ids"]

# Fields kept in ``Post.details`` rather than in a column of their own.
DETAIL_FIELDS = {
    "quality_requirements",
    "destination_market",
    "lot_condition",
    "age_min",
    "age_max",
    "experience",
    "requirements",
    "specification",
    "material",
    "equipment",
    "capacity_amount",
    "capacity_period",
    "price_description",
}

# User-written text, checked for banned keywords and contact details at submission.
TEXT_FIELDS = [
    "title",
    "product_name",
    "description",
    "address",
    "quality_requirements",
    "lot_condition",
    "requirements",
    "specification",
    "material",
    "price_description",
]


@dataclass(frozen=True)
class FieldMeta:
    label: str
    type: str
    help: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


FIELD_META: dict[str, FieldMeta] = {
    "title": FieldMeta("标题", "text", "留空时按内容自动生成", {"max_length": 60}),
    "description": FieldMeta("详细说明", "textarea", "", {"max_length": 2000}),
    "region_id": FieldMeta("所在地区", "region", "选择到区县", {"options_source": "/api/regions"}),
    "address": FieldMeta("详细地址", "text", "", {"max_length": 200}),
    "latitude": FieldMeta("纬度", "location", "", {"pair": "longitude"}),
    "longitude": FieldMeta("经度", "location", "", {"pair": "latitude"}),
    "valid_until": FieldMeta("有效期至", "date", "默认 30 天，最长 90 天"),
    "media_ids": FieldMeta("图片/视频", "media", "", {"multiple": True, "max_items": 12, "accept": ["image", "video"]}),
    "product_name": FieldMeta("产品名称", "text", "", {"max_length": 60}),
    "industry_id": FieldMeta("所属行业", "industry", ""),
    "category_id": FieldMeta("产品品类", "category", "", {"depends_on": "industry_id"}),
    "quantity": FieldMeta("数量", "quantity", "", {"unit_field": "quantity_unit", "min_exclusive": 0}),
    "quantity_unit": FieldMeta("单位", "unit", ""),
    "unit_price": FieldMeta("单价", "money", "", {"currency_field": "currency", "min": 0}),
    "currency": FieldMeta("币种", "select", ""),
    "min_order": FieldMeta("起订量", "quantity", "", {"unit_field": "quantity_unit", "min_exclusive": 0}),
    "delivery_date": FieldMeta("交货日期", "date", ""),
    "quality_requirements": FieldMeta("质量要求", "textarea", "材质、检验标准、包装要求等", {"max_length": 500}),
    "certifications": FieldMeta("认证要求", "multiselect", ""),
    "sample_required": FieldMeta("需要打样", "boolean", ""),
    "destination_market": FieldMeta("目标市场", "select", ""),
    "grade": FieldMeta("货品等级", "select", ""),
    "lot_condition": FieldMeta("货品状况", "textarea", "来源、包装、是否可验货", {"max_length": 500}),
    "job_type_id": FieldMeta("工种", "job_type", ""),
    "wage_amount": FieldMeta("工资", "money", "", {"unit_field": "wage_unit", "min_exclusive": 0}),
    "wage_unit": FieldMeta("计薪方式", "select", ""),
    "headcount": FieldMeta("招聘人数", "integer", "", {"min": 1, "max": 10000}),
    "period_start": FieldMeta("开始日期", "date", ""),
    "period_end": FieldMeta("结束日期", "date", "", {"min_field": "period_start"}),
    "age_min": FieldMeta("最小年龄", "integer", "", {"min": 16, "max": 70}),
    "age_max": FieldMeta("最大年龄", "integer", "", {"min": 16, "max": 70}),
    "experience": FieldMeta("经验要求", "select", ""),
    "requirements": FieldMeta("其他要求", "textarea", "技能、体力、证件等", {"max_length": 500}),
    "meals_provided": FieldMeta("包吃", "boolean", ""),
    "housing_provided": FieldMeta("包住", "boolean", ""),
    "process_type_ids": FieldMeta("加工工艺", "process_types", "", {"multiple": True}),
    "specification": FieldMeta("规格要求", "textarea", "尺寸、公差、颜色、工艺要求", {"max_length": 500}),
    "material": FieldMeta("材料", "text", "如 PP、304 不锈钢", {"max_length": 100}),
    "material_supplied": FieldMeta("来料加工", "boolean", "由我方提供材料"),
    "equipment": FieldMeta(
        "设备清单",
        "list",
        "",
        {
            "item_fields": [
                {"name": "name", "label": "设备名称", "type": "text", "required": True, "max_length": 40},
                {"name": "model", "label": "型号", "type": "text", "required": False, "max_length": 40},
                {"name": "count", "label": "台数", "type": "integer", "required": True, "min": 1},
            ],
            "max_items": 30,
        },
    ),
    "capacity_amount": FieldMeta("产能", "quantity", "", {"unit_field": "quantity_unit", "min_exclusive": 0}),
    "capacity_period": FieldMeta("产能周期", "select", ""),
    "price_description": FieldMeta("报价说明", "textarea", "按件/按模次计价、打样费等", {"max_length": 500}),
}

DEFAULT_VALID_DAYS = 30
MAX_VALID_DAYS = 90
# Rough working days per month, used to compare monthly wages with daily ones.
WORK_DAYS_PER_MONTH = Decimal(26)


def accepted_fields(kind: str) -> list[str]:
    return list(registry.get(kind).fields) + COMMON_FIELDS


def is_detail(kind: str, name: str) -> bool:
    """Stored in ``Post.details``: the shared detail fields and every field only this kind has."""
    return name in DETAIL_FIELDS or name in registry.get(kind).extra_field_meta


def meta_for(kind: str, name: str) -> FieldMeta:
    extra = registry.get(kind).extra_field_meta.get(name)
    return extra if extra is not None else FIELD_META[name]


def text_fields(kind: str) -> list[str]:
    """User-written text of a kind, checked for banned keywords and contact details at submission."""
    spec = registry.get(kind)
    own = [name for name, meta in spec.extra_field_meta.items() if meta.type in {"text", "textarea"}]
    return TEXT_FIELDS + own


def _json(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        normalised = value.normalize()
        return int(normalised) if normalised == normalised.to_integral() else float(normalised)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def form_values(post: Post) -> dict[str, Any]:
    """The post's current content in the input format (what a PUT would send), JSON-ready.

    Uses prefetched ``process_types`` and ``media_links`` when present.
    """
    values: dict[str, Any] = {"kind": post.kind}
    for name in accepted_fields(post.kind):
        if is_detail(post.kind, name):
            value = post.details.get(name)
        elif name == "media_ids":
            value = [str(link.file_id) for link in post.media_links.all()]
        elif name == "process_type_ids":
            value = [p.pk for p in post.process_types.all()]
        elif name == "region_id":
            value = post.region_id
        elif name == "title":
            # A generated title is not the owner's: leave it empty so it follows later edits.
            value = None if post.details.get("_title_auto", True) else post.title
        else:
            value = getattr(post, name)
            if name in {"quantity_unit", "wage_unit", "grade"} and value == "":
                value = None
        values[name] = _json(value)
    return values


def missing_required(kind: str, values: dict[str, Any]) -> list[str]:
    missing = []
    for name in registry.get(kind).required:
        value = values.get(name)
        if value is None or value == "" or value == []:
            missing.append(name)
    return missing


def label_for(kind: str, name: str) -> str:
    return registry.get(kind).label_for(name, meta_for(kind, name).label)
