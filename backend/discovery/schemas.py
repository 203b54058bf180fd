from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema

from common.pagination import PageNumber
from discovery.cards import FactoryCard, PostCard, TargetEntry
from factories.schemas import FactoryCardOut
from listings.schemas import PostCardOut


class TrustOut(Schema):
    response_rate: float | None = Field(None, description="消息回复率（0-1），暂无数据为 null")
    response_minutes: int | None = Field(None, description="回复时长中位数（分钟）")


class DiscoveryPostOut(PostCardOut):
    """A board row with what discovery adds: distance from the reader, favourite mark, owner's
    responsiveness (R-PLUS-4)."""

    distance_km: float | None = None
    favourite_id: int | None = Field(None, description="已收藏时为收藏 id，用于取消收藏")
    trust: TrustOut
    # What a job card shows as tags (issue #15 item 2): 包吃 包住 18–50岁 已认证.
    meals_provided: bool = Field(False, description="用工：包吃")
    housing_provided: bool = Field(False, description="用工：包住")
    age_min: int | None = Field(None, description="用工：最小年龄")
    age_max: int | None = Field(None, description="用工：最大年龄")
    owner_verified: bool = Field(False, description="发布者为已认证工厂")

    @staticmethod
    def resolve_age_min(obj: Any) -> int | None:
        return _detail_int(obj, "age_min")

    @staticmethod
    def resolve_age_max(obj: Any) -> int | None:
        return _detail_int(obj, "age_max")

    @staticmethod
    def resolve_owner_verified(obj: Any) -> bool:
        # ``owner__factory`` is fetched with the card (``listings.selectors.with_card_relations``).
        factory = getattr(obj.owner, "factory", None) if obj.owner.account_type == "factory" else None
        return bool(factory is not None and factory.is_verified)

    @staticmethod
    def resolve_distance_km(obj: Any) -> float | None:
        value = getattr(obj, "distance_km", None)
        return round(value, 1) if value is not None else None

    @staticmethod
    def resolve_favourite_id(obj: PostCard) -> int | None:
        return obj.favourite_id

    @staticmethod
    def resolve_trust(obj: PostCard) -> dict[str, Any]:
        stats = obj.trust
        return {
            "response_rate": stats.response_rate if stats else None,
            "response_minutes": stats.median_response_minutes if stats else None,
        }


class BoardPageOut(PageNumber.Output):
    """A board page as ``GET /api/discovery/{kind}`` answers it (``PagedDiscoveryPostOut``), rendered
    once for ``discovery.board_cache``."""

    items: list[DiscoveryPostOut]


def _detail_int(obj: Any, name: str) -> int | None:
    value = (obj.details or {}).get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class DiscoveryFactoryOut(FactoryCardOut):
    favourite_id: int | None = None

    @staticmethod
    def resolve_favourite_id(obj: FactoryCard) -> int | None:
        return obj.favourite_id


class TargetIn(Schema):
    post_id: int | None = None
    factory_id: int | None = None


UNAVAILABLE_TITLE = "已失效"


def _target_title(obj: TargetEntry) -> str:
    """An entry whose target the reader may no longer see (``listings.visibility`` /
    ``factories.visibility``) keeps its place as 已失效, without the target's content."""
    if not obj.available:
        return UNAVAILABLE_TITLE
    target = obj.target_post or obj.target_factory
    return str(target) if target is not None else UNAVAILABLE_TITLE


class _TargetOut(Schema):
    id: int
    type: Literal["post", "factory"]
    available: bool = Field(..., description="信息是否仍可查看（已下架/过期/发布者停用或注销为 false）")
    post: DiscoveryPostOut | None = None
    factory: DiscoveryFactoryOut | None = None

    @staticmethod
    def resolve_post(obj: TargetEntry) -> PostCard | None:
        return obj.target_post if obj.available else None

    @staticmethod
    def resolve_factory(obj: TargetEntry) -> FactoryCard | None:
        return obj.target_factory if obj.available else None


class FavouriteOut(_TargetOut):
    created_at: datetime
    title: str = Field(..., description="标题；信息不可查看时为“已失效”，不再显示其内容")

    @staticmethod
    def resolve_title(obj: TargetEntry) -> str:
        return _target_title(obj)


class FavouriteCreatedOut(Schema):
    id: int
    post_id: int | None
    factory_id: int | None
    created_at: datetime


class HistoryOut(_TargetOut):
    at: datetime
    title: str = Field(..., description="标题；信息不可查看时为“已失效”")

    @staticmethod
    def resolve_title(obj: TargetEntry) -> str:
        return _target_title(obj)


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


class ViewRecordedOut(Schema):
    recorded: bool = Field(..., description="已记入浏览记录（仅登录用户）")
    counted: bool = Field(..., description="本次计入浏览量（同一浏览者每天一次，本人不计）")
