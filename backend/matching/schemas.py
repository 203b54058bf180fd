from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema

from factories.schemas import FactoryCardOut
from listings.schemas import NamedOut, PostCardOut, RegionOut

PostKindName = Literal["procurement", "stock", "labour", "processing_demand", "processing_service"]
BoardName = Literal["procurement", "stock", "labour", "processing_demand", "processing_service", "factory"]


class TrustOut(Schema):
    response_rate: float | None = Field(None, description="消息回复率（0-1），暂无数据为 null")
    response_minutes: int | None = Field(None, description="回复时长中位数（分钟）")


class DiscoveryPostOut(PostCardOut):
    """A board row with what discovery adds: distance from the reader, favourite mark, owner's
    responsiveness (R-PLUS-4)."""

    distance_km: float | None = None
    favourite_id: int | None = Field(None, description="已收藏时为收藏 id，用于取消收藏")
    trust: TrustOut

    @staticmethod
    def resolve_distance_km(obj: Any) -> float | None:
        value = getattr(obj, "distance_km", None)
        return round(value, 1) if value is not None else None

    @staticmethod
    def resolve_favourite_id(obj: Any) -> int | None:
        return getattr(obj, "favourite_id", None)

    @staticmethod
    def resolve_trust(obj: Any) -> dict[str, Any]:
        stats = getattr(obj, "trust", None)
        return {
            "response_rate": stats.response_rate if stats else None,
            "response_minutes": stats.median_response_minutes if stats else None,
        }


class DiscoveryFactoryOut(FactoryCardOut):
    favourite_id: int | None = None

    @staticmethod
    def resolve_favourite_id(obj: Any) -> int | None:
        return getattr(obj, "favourite_id", None)


class BoardQuery(Schema):
    """The shared filter vocabulary of every board (R-ROLE-1..3)."""

    industry: int | None = Field(None, description="一级行业 id")
    category: int | None = Field(None, description="二级品类 id")
    region: str | None = Field(None, description="省 / 市 / 区县行政区划代码，含下辖地区")
    q: str | None = Field(None, max_length=50, description="关键词（在本板块内搜索）")
    quantity_min: Decimal | None = Field(None, ge=0, description="数量下限")
    quantity_max: Decimal | None = Field(None, ge=0, description="数量上限")
    price_min: Decimal | None = Field(None, ge=0, description="单价下限")
    price_max: Decimal | None = Field(None, ge=0, description="单价上限")
    currency: Literal["CNY", "USD", "EUR"] | None = None
    wage_min: Decimal | None = Field(None, ge=0, description="折合日薪下限（元/天）")
    wage_max: Decimal | None = Field(None, ge=0, description="折合日薪上限（元/天）")
    delivery_before: date | None = Field(None, description="交期不晚于")
    delivery_after: date | None = Field(None, description="交期不早于")
    period_from: date | None = Field(None, description="用工期与此区间有重叠：开始")
    period_to: date | None = Field(None, description="用工期与此区间有重叠：结束")
    job_type: list[int] = Field(default_factory=list, description="工种 id，可多个")
    process_type: list[int] = Field(default_factory=list, description="加工工艺 id，可多个（任一）")
    meals: bool | None = Field(None, description="包吃")
    housing: bool | None = Field(None, description="包住")
    certification: str | None = Field(None, max_length=20, description="认证代码，如 CE、FDA")
    grade: Literal["A", "B", "C"] | None = Field(None, description="库存货品等级")
    sample_required: bool | None = None
    capacity_min: Decimal | None = Field(None, ge=0, description="日产能下限")
    include_full: bool = Field(False, description="用工：包含已招满的岗位")
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（按距离排序时必填）")
    lng: float | None = Field(None, ge=-180, le=180, description="当前位置经度")
    within_km: float | None = Field(None, gt=0, le=5000, description="只看该距离以内")
    sort: Literal["newest", "soonest", "nearest", "cheapest", "wage", "capacity"] = Field(
        "newest",
        description=(
            "newest 最新 / soonest 交期最近 / nearest 最近 / cheapest 最便宜 / wage 工资最高 / capacity 产能最大"
        ),
    )


class FactoryQuery(Schema):
    industry: int | None = None
    category: int | None = None
    region: str | None = Field(None, description="省 / 市 / 区县行政区划代码")
    attributes: list[int] = Field(default_factory=list, description="属性标签 id，须全部满足")
    q: str | None = Field(None, max_length=50, description="关键词（名称、主营产品、品类）")
    lat: float | None = Field(None, ge=-90, le=90)
    lng: float | None = Field(None, ge=-180, le=180)
    within_km: float | None = Field(None, gt=0, le=5000)
    sort: Literal["deals", "distance", "newest"] = Field(
        "deals", description="deals 接单量 / distance 距离 / newest 最新认证"
    )


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=50, description="关键词：产品、工种、工艺、工厂名")
    kind: BoardName | None = Field(None, description="只看某个板块；分面计数始终覆盖全部板块")
    page: int = Field(1, ge=1, le=100)
    page_size: int = Field(20, ge=1, le=50)


class SearchHitOut(Schema):
    type: Literal["post", "factory"]
    id: int
    board: str
    board_label: str
    title: str
    title_highlights: list[tuple[int, int]] = Field(..., description="标题中命中词的 [起, 止) 字符区间")
    snippet: str = Field(..., description="纯文本摘要（客户端按区间高亮，勿当作 HTML）")
    highlights: list[tuple[int, int]] = Field(..., description="摘要中命中词的 [起, 止) 字符区间")
    summary: str
    region_name: str
    published_at: datetime | None


class SearchOut(Schema):
    query: str
    terms: list[str] = Field(..., description="分词后用于匹配的词")
    relaxed: bool = Field(..., description="完整词无结果时，放宽为词内的短词匹配")
    facets: dict[str, int] = Field(..., description="各板块命中数（含 factory 工厂）")
    items: list[SearchHitOut]
    count: int
    page: int
    page_size: int


class TargetIn(Schema):
    post_id: int | None = None
    factory_id: int | None = None


class _TargetOut(Schema):
    id: int
    type: Literal["post", "factory"]
    available: bool = Field(..., description="信息是否仍可查看（已下架/过期为 false）")
    post: DiscoveryPostOut | None = None
    factory: DiscoveryFactoryOut | None = None

    @staticmethod
    def resolve_post(obj: Any) -> Any:
        return obj.target_post if obj.available else None

    @staticmethod
    def resolve_factory(obj: Any) -> Any:
        return obj.target_factory if obj.available else None


class FavouriteOut(_TargetOut):
    created_at: datetime
    title: str = Field(..., description="标题；信息不可查看时也保留，便于用户辨认")

    @staticmethod
    def resolve_title(obj: Any) -> str:
        target = getattr(obj, "target_post", None) or getattr(obj, "target_factory", None)
        return str(target) if target is not None else ""


class FavouriteCreatedOut(Schema):
    id: int
    post_id: int | None
    factory_id: int | None
    created_at: datetime


class HistoryOut(_TargetOut):
    at: datetime
    title: str

    @staticmethod
    def resolve_title(obj: Any) -> str:
        target = getattr(obj, "target_post", None) or getattr(obj, "target_factory", None)
        return str(target) if target is not None else ""


class AnnouncementOut(Schema):
    id: int
    title: str
    body: str
    link: str
    pinned: bool
    starts_at: datetime | None
    ends_at: datetime | None


class RecommendationOut(Schema):
    type: Literal["post", "factory"]
    reason: str
    post: DiscoveryPostOut | None = None
    factory: DiscoveryFactoryOut | None = None


class HomeOut(Schema):
    counts: dict[str, int] = Field(..., description="各板块当前可见数量（factory 为已认证工厂数）")
    announcements: list[AnnouncementOut]
    recommendations: list[RecommendationOut]


class WorkerOut(Schema):
    id: int
    display_name: str
    region: RegionOut | None
    job_types: list[NamedOut]
    available_from: date | None


class MatchOut(Schema):
    type: Literal["post", "factory", "worker"]
    score: int = Field(..., description="匹配度 0-100")
    reasons: list[str] = Field(..., description="匹配理由，如 同品类：保温杯、距离 12 公里、可接急单")
    distance_km: float | None
    post: DiscoveryPostOut | None = None
    factory: DiscoveryFactoryOut | None = None
    worker: WorkerOut | None = None

    @staticmethod
    def resolve_distance_km(obj: Any) -> float | None:
        return round(obj.distance_km, 1) if obj.distance_km is not None else None

    @staticmethod
    def resolve_worker(obj: Any) -> dict[str, Any] | None:
        if obj.worker is None:
            return None
        preference = obj.preference
        return {
            "id": obj.worker.pk,
            "display_name": obj.worker.display_name,
            "region": preference.region if preference else None,
            "job_types": list(preference.job_types.all()) if preference else [],
            "available_from": preference.available_from if preference else None,
        }


class JobPreferenceIn(Schema):
    job_type_ids: list[int] = Field(default_factory=list, description="意向工种 id（最多 10 个）")
    region_adcode: str | None = Field(None, description="意向地区（省 / 市 / 区县）")
    available_from: date | None = Field(None, description="可到岗日期")


class JobPreferenceOut(Schema):
    job_types: list[NamedOut]
    region: RegionOut | None
    available_from: date | None
    updated_at: datetime | None

    @staticmethod
    def resolve_job_types(obj: Any) -> list[Any]:
        return list(obj.job_types.all()) if obj.pk else []


class ViewRecordedOut(Schema):
    recorded: bool
