"""What each post kind is made of: who publishes it, its form (steps, fields, labels), which fields
submission requires, where each field is stored (a column or ``details``) and which are user text.

The input schemas (``listings.schemas``) validate types and ranges; this module is the one place that
knows the shape of each kind, read by the services (validation, storage), the form-schema endpoint
and the moderation check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from listings.models import Post, PostKind

PUBLISHER: dict[str, str] = {
    PostKind.PROCUREMENT: "trade",
    PostKind.STOCK: "factory",
    PostKind.LABOUR: "factory",
    PostKind.PROCESSING_DEMAND: "factory",
    PostKind.PROCESSING_SERVICE: "factory",
}

COMMON_FIELDS = ["title", "description", "region_id", "address", "latitude", "longitude", "valid_until", "media_ids"]

# Fields each kind accepts beyond the common ones, in form order.
KIND_FIELDS: dict[str, list[str]] = {
    PostKind.PROCUREMENT: [
        "product_name",
        "industry_id",
        "category_id",
        "quantity",
        "quantity_unit",
        "unit_price",
        "currency",
        "delivery_date",
        "quality_requirements",
        "certifications",
        "sample_required",
        "destination_market",
    ],
    PostKind.STOCK: [
        "product_name",
        "industry_id",
        "category_id",
        "quantity",
        "quantity_unit",
        "unit_price",
        "currency",
        "min_order",
        "grade",
        "lot_condition",
    ],
    PostKind.LABOUR: [
        "job_type_id",
        "wage_amount",
        "wage_unit",
        "headcount",
        "period_start",
        "period_end",
        "age_min",
        "age_max",
        "experience",
        "requirements",
        "meals_provided",
        "housing_provided",
    ],
    PostKind.PROCESSING_DEMAND: [
        "process_type_ids",
        "product_name",
        "industry_id",
        "category_id",
        "specification",
        "material",
        "quantity",
        "quantity_unit",
        "delivery_date",
        "material_supplied",
    ],
    PostKind.PROCESSING_SERVICE: [
        "process_type_ids",
        "industry_id",
        "category_id",
        "equipment",
        "capacity_amount",
        "capacity_period",
        "quantity_unit",
        "min_order",
        "price_description",
    ],
}

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

REQUIRED: dict[str, list[str]] = {
    PostKind.PROCUREMENT: [
        "product_name",
        "industry_id",
        "category_id",
        "quantity",
        "quantity_unit",
        "delivery_date",
        "region_id",
    ],
    PostKind.STOCK: [
        "product_name",
        "industry_id",
        "category_id",
        "quantity",
        "quantity_unit",
        "unit_price",
        "region_id",
        "address",
    ],
    PostKind.LABOUR: [
        "job_type_id",
        "wage_amount",
        "wage_unit",
        "headcount",
        "period_start",
        "period_end",
        "region_id",
        "address",
    ],
    PostKind.PROCESSING_DEMAND: [
        "process_type_ids",
        "specification",
        "quantity",
        "quantity_unit",
        "delivery_date",
        "region_id",
    ],
    PostKind.PROCESSING_SERVICE: [
        "process_type_ids",
        "equipment",
        "capacity_amount",
        "capacity_period",
        "quantity_unit",
        "region_id",
    ],
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

# Labels that differ by kind.
LABEL_OVERRIDES: dict[str, dict[str, str]] = {
    PostKind.PROCUREMENT: {"unit_price": "目标单价", "quantity": "采购数量", "media_ids": "样品图片"},
    PostKind.STOCK: {"quantity": "库存数量", "region_id": "货源地", "address": "货源地址", "media_ids": "实拍图片"},
    PostKind.LABOUR: {"region_id": "工作地区", "address": "工作地址", "media_ids": "工作环境照片"},
    PostKind.PROCESSING_DEMAND: {
        "product_name": "产品名称",
        "quantity": "加工数量",
        "media_ids": "图纸/参考图片",
        "industry_id": "所属行业（选填）",
        "category_id": "产品品类（选填）",
    },
    PostKind.PROCESSING_SERVICE: {
        "media_ids": "设备/车间照片",
        "quantity_unit": "产能单位",
        "industry_id": "擅长行业（选填）",
        "category_id": "擅长品类（选填）",
    },
}

MEDIA_ACCEPT: dict[str, list[str]] = {
    PostKind.PROCESSING_DEMAND: ["image", "drawing"],
    PostKind.PROCESSING_SERVICE: ["image", "video"],
    PostKind.PROCUREMENT: ["image", "video", "drawing"],
}

STEPS: dict[str, list[tuple[str, str, list[str]]]] = {
    PostKind.PROCUREMENT: [
        ("product", "采购什么", ["product_name", "industry_id", "category_id", "quantity", "quantity_unit"]),
        (
            "terms",
            "交期与要求",
            [
                "delivery_date",
                "unit_price",
                "currency",
                "quality_requirements",
                "certifications",
                "sample_required",
                "destination_market",
            ],
        ),
        ("more", "补充信息", ["region_id", "media_ids", "description", "title", "valid_until"]),
    ],
    PostKind.STOCK: [
        ("product", "库存货品", ["product_name", "industry_id", "category_id", "grade", "lot_condition"]),
        ("price", "数量与价格", ["quantity", "quantity_unit", "unit_price", "currency", "min_order"]),
        ("source", "货源地", ["region_id", "address", "latitude", "longitude"]),
        ("more", "图片与说明", ["media_ids", "description", "title", "valid_until"]),
    ],
    PostKind.LABOUR: [
        ("job", "岗位与工资", ["job_type_id", "wage_amount", "wage_unit", "headcount"]),
        ("period", "工期与地点", ["period_start", "period_end", "region_id", "address", "latitude", "longitude"]),
        (
            "requirements",
            "要求与待遇",
            ["age_min", "age_max", "experience", "requirements", "meals_provided", "housing_provided"],
        ),
        ("more", "补充信息", ["media_ids", "description", "title", "valid_until"]),
    ],
    PostKind.PROCESSING_DEMAND: [
        ("process", "加工需求", ["process_type_ids", "product_name", "industry_id", "category_id"]),
        (
            "spec",
            "规格与数量",
            ["specification", "material", "material_supplied", "quantity", "quantity_unit", "delivery_date"],
        ),
        ("more", "图纸与地区", ["media_ids", "region_id", "address", "description", "title", "valid_until"]),
    ],
    PostKind.PROCESSING_SERVICE: [
        ("process", "加工能力", ["process_type_ids", "industry_id", "category_id", "equipment"]),
        (
            "capacity",
            "产能与报价",
            ["capacity_amount", "quantity_unit", "capacity_period", "min_order", "price_description"],
        ),
        (
            "more",
            "地区与照片",
            ["region_id", "address", "latitude", "longitude", "media_ids", "description", "title", "valid_until"],
        ),
    ],
}

NOTICES: dict[str, str] = {
    PostKind.LABOUR: "平台承诺：工人无需支付任何费用。发布即表示贵司承诺不向求职者收取押金、中介费等任何费用。",
}

DEFAULT_VALID_DAYS = 30
MAX_VALID_DAYS = 90
# Rough working days per month, used to compare monthly wages with daily ones.
WORK_DAYS_PER_MONTH = Decimal(26)


def accepted_fields(kind: str) -> list[str]:
    return KIND_FIELDS[kind] + COMMON_FIELDS


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
        if name in DETAIL_FIELDS:
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
    for name in REQUIRED[kind]:
        value = values.get(name)
        if value is None or value == "" or value == []:
            missing.append(name)
    return missing


def label_for(kind: str, name: str) -> str:
    return LABEL_OVERRIDES.get(kind, {}).get(name) or FIELD_META[name].label
