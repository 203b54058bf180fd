"""The five boards, one ``BoardSpec`` each (registered in ``listings.registry``).

Everything kind-specific lives here: who publishes, the form (fields, steps, labels, required),
automatic title and card summary, search text, sorts and filters, matcher and notice, 接单量 side,
group, labels. Field metadata shared by every kind is in ``listings.kinds``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import F

from accounts.models import AccountType
from listings.kinds import FieldMeta
from listings.models import Post, PostKind, StockGrade, WageUnit
from listings.registry import BoardSpec, FilterSpec, SortSpec, Step, register
from listings.schemas import NO_FEE_STATEMENT, LabourIn, ProcessingDemandIn, ProcessingServiceIn, ProcurementIn, StockIn

NO_FEE_NOTICE = "平台承诺：工人无需支付任何费用。发布即表示贵司承诺不向求职者收取押金、中介费等任何费用。"


def number(value: Any) -> str:
    """A decimal without trailing zeros ("5000", "2.5")."""
    if value is None:
        return ""
    normalised = Decimal(str(value)).normalize()
    return f"{normalised:f}" if normalised != normalised.to_integral() else str(int(normalised))


def quantity_text(post: Post) -> str:
    return f"{number(post.quantity)} {post.quantity_unit}".strip() if post.quantity is not None else ""


def title_quantity(post: Post) -> str:
    # A product name that already states the amount ("保温杯 5000 个") is not repeated.
    if post.quantity is not None and number(post.quantity) not in (post.product_name or ""):
        return f" {number(post.quantity)}{post.quantity_unit}"
    return ""


def delivery(post: Post) -> str:
    return f"交期 {post.delivery_date:%Y-%m-%d}" if post.delivery_date else ""


# Sorts shared by several boards.
NEWEST = SortSpec("newest", "最新发布")
NEAREST = SortSpec("nearest", "离我最近", (F("distance_km").asc(nulls_last=True), "-id"), needs_location=True)
SOONEST = SortSpec("soonest", "交期最近", (F("delivery_date").asc(nulls_last=True), "-id"))
CHEAPEST = SortSpec("cheapest", "价格最低", (F("unit_price").asc(nulls_last=True), "-id"))
WAGE = SortSpec("wage", "工资最高", (F("wage_per_day").desc(nulls_last=True), "-id"))
CAPACITY = SortSpec("capacity", "产能最大", (F("capacity_per_day").desc(nulls_last=True), "-id"))

# Filters shared by several boards (names are ``discovery.filters.BoardFilters`` parameters).
INDUSTRY = FilterSpec("industry", "行业", "industry")
CATEGORY = FilterSpec("category", "品类", "category")
REGION = FilterSpec("region", "地区", "region")
JOB_TYPE = FilterSpec("job_type", "工种", "job_type")
PROCESS_TYPE = FilterSpec("process_type", "加工工艺", "process_type")


# How workers name a wage unit when they filter jobs (issue #15 item 1).
WAGE_UNIT_FILTER_LABELS = {WageUnit.HOUR: "时薪", WageUnit.DAY: "日薪", WageUnit.PIECE: "计件", WageUnit.MONTH: "月薪"}


register(
    BoardSpec(
        kind=PostKind.PROCUREMENT,
        label="采购需求",
        short_name="采购",
        board_name="采购需求",
        icon="cart",
        hint="外贸公司发布产品、数量、交期，匹配对口工厂",
        publisher=AccountType.TRADE,
        input_schema=ProcurementIn,
        fields=(
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
        ),
        required=(
            "product_name",
            "industry_id",
            "category_id",
            "quantity",
            "quantity_unit",
            "delivery_date",
            "region_id",
        ),
        steps=(
            Step("product", "采购什么", ("product_name", "industry_id", "category_id", "quantity", "quantity_unit")),
            Step(
                "terms",
                "交期与要求",
                (
                    "delivery_date",
                    "unit_price",
                    "currency",
                    "quality_requirements",
                    "certifications",
                    "sample_required",
                    "destination_market",
                ),
            ),
            Step("more", "补充信息", ("region_id", "media_ids", "description", "title", "valid_until")),
        ),
        labels={"unit_price": "目标单价", "quantity": "采购数量", "media_ids": "样品图片"},
        media_accept=("image", "video", "drawing"),
        title=lambda post, _processes: f"求购{post.product_name}{title_quantity(post)}".strip(),
        summary=lambda post, _processes: [
            f"采购 {quantity_text(post)}" if post.quantity is not None else "",
            delivery(post),
        ],
        search_text_fields=("quality_requirements",),
        sorts=(NEWEST, SOONEST, NEAREST),
        filters=(INDUSTRY, CATEGORY, REGION, FilterSpec("sample_required", "需要打样", "boolean")),
        matcher="factories_for_demand",
        match_side="demand",
        match_fit="category",
        recommended_to=(AccountType.FACTORY,),
        match_notice="有新的采购需求适合您的工厂",
        supplier="initiator",
    )
)

register(
    BoardSpec(
        kind=PostKind.STOCK,
        label="库存",
        short_name="库存",
        board_name="库存信息",
        icon="goods",
        hint="工厂发布库存尾货，面向外贸与电商买家",
        publisher=AccountType.FACTORY,
        input_schema=StockIn,
        fields=(
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
        ),
        required=(
            "product_name",
            "industry_id",
            "category_id",
            "quantity",
            "quantity_unit",
            "unit_price",
            "region_id",
            "address",
        ),
        steps=(
            Step("product", "库存货品", ("product_name", "industry_id", "category_id", "grade", "lot_condition")),
            Step("price", "数量与价格", ("quantity", "quantity_unit", "unit_price", "currency", "min_order")),
            Step("source", "货源地", ("region_id", "address", "latitude", "longitude")),
            Step("more", "图片与说明", ("media_ids", "description", "title", "valid_until")),
        ),
        labels={"quantity": "库存数量", "region_id": "货源地", "address": "货源地址", "media_ids": "实拍图片"},
        min_images=1,
        title=lambda post, _processes: f"库存{post.product_name}{title_quantity(post)}".strip(),
        summary=lambda post, _processes: [
            f"¥{number(post.unit_price)}/{post.quantity_unit}" if post.unit_price is not None else "",
            f"库存 {quantity_text(post)}" if post.quantity is not None else "",
            f"{post.grade} 级" if post.grade else "",
        ],
        search_text_fields=("lot_condition",),
        sorts=(NEWEST, CHEAPEST, NEAREST),
        filters=(
            INDUSTRY,
            CATEGORY,
            REGION,
            FilterSpec("grade", "货品等级", "select", tuple((g.value, str(g.label)) for g in StockGrade)),
        ),
        supplier="owner",
        recommended_to=(AccountType.TRADE,),
    )
)

register(
    BoardSpec(
        kind=PostKind.LABOUR,
        label="用工",
        short_name="用工",
        board_name="用工需求",
        icon="user-talk",
        hint="工厂招聘临时工：工种、工资、人数、工期",
        publisher=AccountType.FACTORY,
        input_schema=LabourIn,
        fields=(
            "employer_name",
            "job_type_id",
            "work_content",
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
        ),
        # What the recruitment rules require every job post to state (issue #16 item 4): employer,
        # headcount, requirements, work content, workplace, basic pay and a validity period.
        required=(
            "employer_name",
            "job_type_id",
            "work_content",
            "wage_amount",
            "wage_unit",
            "headcount",
            "period_start",
            "period_end",
            "requirements",
            "region_id",
            "address",
            "valid_until",
        ),
        steps=(
            Step(
                "job",
                "岗位与工资",
                ("employer_name", "job_type_id", "work_content", "wage_amount", "wage_unit", "headcount"),
            ),
            Step(
                "period", "工期与地点", ("period_start", "period_end", "region_id", "address", "latitude", "longitude")
            ),
            Step(
                "requirements",
                "要求与待遇",
                ("age_min", "age_max", "experience", "requirements", "meals_provided", "housing_provided"),
            ),
            Step("more", "补充信息", ("valid_until", "media_ids", "description", "title")),
        ),
        labels={
            "region_id": "工作地区",
            "address": "工作地点",
            "media_ids": "工作环境照片",
            "wage_amount": "基本工资",
            "requirements": "招聘要求",
            "valid_until": "招聘有效期至",
        },
        extra_field_meta={
            "employer_name": FieldMeta("用人单位", "text", "用人单位全称（与营业执照一致）", {"max_length": 60}),
            "work_content": FieldMeta("工作内容", "textarea", "岗位职责、工作时间、劳动强度等", {"max_length": 500}),
        },
        needs_recruitment_licence=True,
        notice=NO_FEE_NOTICE,
        detail_notice=NO_FEE_STATEMENT,
        title=lambda post, _processes: (
            f"招{post.job_type.name if post.job_type_id and post.job_type else '工人'}"
            f"{f' {post.headcount}人' if post.headcount else ''}"
        ),
        summary=lambda post, _processes: [
            post.job_type.name if post.job_type else "",
            f"{number(post.wage_amount)} {post.get_wage_unit_display()}" if post.wage_amount is not None else "",
            f"招 {post.headcount} 人" if post.headcount else "",
        ],
        search_text_fields=("requirements",),
        sorts=(NEWEST, WAGE, NEAREST),
        filters=(
            JOB_TYPE,
            REGION,
            FilterSpec(
                "wage_unit", "工资单位", "select", tuple((u.value, WAGE_UNIT_FILTER_LABELS[u]) for u in WageUnit)
            ),
            FilterSpec("meals", "包吃", "boolean"),
            FilterSpec("housing", "包住", "boolean"),
            FilterSpec("include_full", "含已招满", "boolean"),
        ),
        matcher="workers_for_labour",
        match_side="demand",
        match_fit="job",
        match_notice="有新的招工信息符合您的求职意向",
        accepts_applications=True,
        screen_fee_requests=True,
        recommended_to=(AccountType.WORKER,),
        retained=True,
    )
)

register(
    BoardSpec(
        kind=PostKind.PROCESSING_DEMAND,
        label="代加工需求",
        short_name="加工需求",
        board_name="代加工需求",
        icon="setting",
        screen_fee_requests=True,
        hint="缺设备或产能？发布工艺、规格、数量与交期",
        publisher=AccountType.FACTORY,
        input_schema=ProcessingDemandIn,
        fields=(
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
        ),
        required=("process_type_ids", "specification", "quantity", "quantity_unit", "delivery_date", "region_id"),
        steps=(
            Step("process", "加工需求", ("process_type_ids", "product_name", "industry_id", "category_id")),
            Step(
                "spec",
                "规格与数量",
                ("specification", "material", "material_supplied", "quantity", "quantity_unit", "delivery_date"),
            ),
            Step("more", "图纸与地区", ("media_ids", "region_id", "address", "description", "title", "valid_until")),
        ),
        labels={
            "product_name": "产品名称",
            "quantity": "加工数量",
            "media_ids": "图纸/参考图片",
            "industry_id": "所属行业（选填）",
            "category_id": "产品品类（选填）",
        },
        media_accept=("image", "drawing"),
        title=lambda post, processes: (
            f"{'/'.join(processes[:3])}代加工需求 {post.product_name or (post.details.get('specification') or '')[:16]}"
        ).strip(),
        summary=lambda post, processes: ["、".join(processes[:3]), quantity_text(post), delivery(post)],
        search_text_fields=("specification", "material"),
        sorts=(NEWEST, SOONEST, NEAREST),
        filters=(PROCESS_TYPE, REGION),
        matcher="services_for_processing_demand",
        match_side="demand",
        match_fit="process",
        counterpart_kinds=(PostKind.PROCESSING_SERVICE,),
        recommended_to=(AccountType.FACTORY,),
        match_notice="有新的代加工需求适合您",
        supplier="initiator",
        group="processing",
        group_label="代加工",
    )
)

register(
    BoardSpec(
        kind=PostKind.PROCESSING_SERVICE,
        label="代加工服务",
        short_name="加工服务",
        board_name="代加工服务",
        icon="tools",
        hint="有闲置设备和产能？发布设备、产能与报价",
        publisher=AccountType.FACTORY,
        input_schema=ProcessingServiceIn,
        fields=(
            "process_type_ids",
            "industry_id",
            "category_id",
            "equipment",
            "capacity_amount",
            "capacity_period",
            "quantity_unit",
            "min_order",
            "price_description",
        ),
        required=("process_type_ids", "equipment", "capacity_amount", "capacity_period", "quantity_unit", "region_id"),
        steps=(
            Step("process", "加工能力", ("process_type_ids", "industry_id", "category_id", "equipment")),
            Step(
                "capacity",
                "产能与报价",
                ("capacity_amount", "quantity_unit", "capacity_period", "min_order", "price_description"),
            ),
            Step(
                "more",
                "地区与照片",
                ("region_id", "address", "latitude", "longitude", "media_ids", "description", "title", "valid_until"),
            ),
        ),
        labels={
            "media_ids": "设备/车间照片",
            "quantity_unit": "产能单位",
            "industry_id": "擅长行业（选填）",
            "category_id": "擅长品类（选填）",
        },
        media_accept=("image", "video"),
        title=lambda post, processes: f"承接{'/'.join(processes[:3])}加工".strip(),
        summary=lambda post, processes: [
            "、".join(processes[:3]),
            f"日产能 {number(post.capacity_per_day)} {post.quantity_unit}" if post.capacity_per_day else "",
        ],
        sorts=(NEWEST, CAPACITY, NEAREST),
        filters=(PROCESS_TYPE, REGION, FilterSpec("capacity_min", "日产能不低于", "number")),
        matcher="demands_for_processing_service",
        match_side="supply",
        match_fit="process",
        counterpart_kinds=(PostKind.PROCESSING_DEMAND,),
        match_notice="有新的代加工服务适合您的需求",
        supplier="owner",
        group="processing",
        group_label="代加工",
    )
)
