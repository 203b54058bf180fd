"""The one filter definition of each public list (R-ROLE-1..3, R-APP-3), as Ninja ``FilterSchema``s:
plain lookups are declared on the field (``FilterLookup``), the rest are ``filter_<field>`` methods.
The same classes are the endpoints' query parameters, so what a client may send and what the list
filters by cannot drift apart. Sorting and the reader's position are separate (``*Order``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from django.db.models import Exists, OuterRef, Q
from ninja import Field, FilterLookup, FilterSchema, Schema

from factories.models import FactoryProfile
from listings.models import Post, WageUnit
from regions.selectors import region_prefix
from search.selectors import matching_factory_ids, matching_post_ids


def in_region(adcode: str, *, column: str = "region_id", field: str = "region") -> Q:
    """Rows whose region lies in the named province / city / county: a range on the adcode column
    (index-friendly) built from the one ``regions.selectors.region_prefix`` rule."""
    prefix = region_prefix(adcode, field=field)
    upper = str(int(prefix) + 1).zfill(len(prefix))
    return Q(**{f"{column}__gte": prefix, f"{column}__lt": upper})


class BoardFilters(FilterSchema):
    """The shared filter vocabulary of every board; a filter a board has no data for simply matches
    nothing, so clients can send the same parameters everywhere."""

    industry: Annotated[int | None, FilterLookup("industry_id")] = Field(None, description="一级行业 id")
    category: Annotated[int | None, FilterLookup("category_id")] = Field(None, description="二级品类 id")
    region: str | None = Field(None, description="省 / 市 / 区县行政区划代码，含下辖地区")
    q: str | None = Field(None, max_length=50, description="关键词（在本板块内搜索）")
    owner: Annotated[int | None, FilterLookup("owner_id")] = Field(None, description="只看某位发布者的信息（用户 id）")
    quantity_min: Annotated[Decimal | None, FilterLookup("quantity__gte")] = Field(None, ge=0, description="数量下限")
    quantity_max: Annotated[Decimal | None, FilterLookup("quantity__lte")] = Field(None, ge=0, description="数量上限")
    price_min: Annotated[Decimal | None, FilterLookup("unit_price__gte")] = Field(None, ge=0, description="单价下限")
    price_max: Annotated[Decimal | None, FilterLookup("unit_price__lte")] = Field(None, ge=0, description="单价上限")
    currency: Literal["CNY", "USD", "EUR"] | None = None
    wage_min: Annotated[Decimal | None, FilterLookup("wage_per_day__gte")] = Field(
        None, ge=0, description="折合日薪下限（元/天）"
    )
    wage_max: Annotated[Decimal | None, FilterLookup("wage_per_day__lte")] = Field(
        None, ge=0, description="折合日薪上限（元/天）"
    )
    delivery_before: Annotated[date | None, FilterLookup("delivery_date__lte")] = Field(None, description="交期不晚于")
    delivery_after: Annotated[date | None, FilterLookup("delivery_date__gte")] = Field(None, description="交期不早于")
    # Work periods that overlap [period_from, period_to].
    period_from: Annotated[date | None, FilterLookup("period_end__gte")] = Field(
        None, description="用工期与此区间有重叠：开始"
    )
    period_to: Annotated[date | None, FilterLookup("period_start__lte")] = Field(
        None, description="用工期与此区间有重叠：结束"
    )
    job_type: list[int] = Field(default_factory=list, description="工种 id，可多个")
    wage_unit: Annotated[WageUnit | None, FilterLookup("wage_unit")] = Field(
        None, description="工资单位：hour 时薪 / day 日薪 / piece 计件 / month 月薪"
    )
    process_type: list[int] = Field(default_factory=list, description="加工工艺 id，可多个（任一）")
    meals: Annotated[bool | None, FilterLookup("meals_provided")] = Field(None, description="包吃")
    housing: Annotated[bool | None, FilterLookup("housing_provided")] = Field(None, description="包住")
    certification: str | None = Field(None, max_length=20, description="认证代码，如 CE、FDA")
    grade: Literal["A", "B", "C"] | None = Field(None, description="库存货品等级")
    sample_required: bool | None = None
    capacity_min: Annotated[Decimal | None, FilterLookup("capacity_per_day__gte")] = Field(
        None, ge=0, description="日产能下限"
    )
    include_full: bool = Field(False, description="用工：包含已招满的岗位")

    def filter_region(self, value: str | None) -> Q:
        return in_region(value) if value else Q()

    def filter_q(self, value: str | None) -> Q:
        return Q(pk__in=matching_post_ids(value)) if value and value.strip() else Q()

    def filter_job_type(self, value: list[int]) -> Q:
        return Q(job_type_id__in=value) if value else Q()

    def filter_process_type(self, value: list[int]) -> Q:
        if not value:
            return Q()
        through = Post.process_types.through.objects.filter(post_id=OuterRef("pk"), processtype_id__in=value)
        return Q(Exists(through))

    def filter_certification(self, value: str | None) -> Q:
        return Q(certification_codes__contains=f" {value.strip().upper()} ") if value and value.strip() else Q()

    def filter_include_full(self, value: bool) -> Q:
        # Only labour posts fill up (headcount reached); the others are never ``is_full``.
        return Q() if value else Q(is_full=False)


class BoardOrder(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（按距离排序时必填）")
    lng: float | None = Field(None, ge=-180, le=180, description="当前位置经度")
    within_km: float | None = Field(None, gt=0, le=5000, description="只看该距离以内")
    sort: str = Field(
        "newest", max_length=20, description="排序键：该板块在 GET /api/boards 中列出的 sorts（如 newest、nearest）"
    )


class FactoryFilters(FilterSchema):
    """The factory directory's filters. Tags: a factory must carry every requested attribute."""

    industry: Annotated[int | None, FilterLookup("industry_id")] = Field(None, description="一级行业 id")
    category: int | None = Field(None, description="二级品类 id")
    region: str | None = Field(None, description="省 / 市 / 区县行政区划代码，含下辖地区")
    attributes: list[int] = Field(default_factory=list, description="属性标签 id，须全部满足")
    q: str | None = Field(None, max_length=50, description="关键词（名称、主营产品、品类）")

    def filter_category(self, value: int | None) -> Q:
        if not value:
            return Q()
        through = FactoryProfile.categories.through.objects.filter(
            factoryprofile_id=OuterRef("pk"), categorytag_id=value
        )
        return Q(Exists(through))

    def filter_region(self, value: str | None) -> Q:
        return in_region(value) if value else Q()

    def filter_attributes(self, value: list[int]) -> Q:
        q = Q()
        for tag_id in dict.fromkeys(value):
            through = FactoryProfile.attributes.through.objects.filter(
                factoryprofile_id=OuterRef("pk"), attributetag_id=tag_id
            )
            q &= Q(Exists(through))
        return q

    def filter_q(self, value: str | None) -> Q:
        return Q(pk__in=matching_factory_ids(value)) if value and value.strip() else Q()


class FactoryOrder(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（按距离排序时必填）")
    lng: float | None = Field(None, ge=-180, le=180, description="当前位置经度")
    within_km: float | None = Field(None, gt=0, le=5000, description="只看该距离以内的工厂")
    sort: Literal["deals", "distance", "newest"] = Field(
        "deals", description="deals 接单量 / distance 距离 / newest 最新认证"
    )


class TargetFilters(FilterSchema):
    """Favourites and history: all, or only posts, or only factories."""

    type: Literal["post", "factory"] | None = Field(None, description="post 信息 / factory 工厂；不填为全部")

    def filter_type(self, value: str | None) -> Q:
        return Q(**{f"{value}__isnull": False}) if value else Q()
