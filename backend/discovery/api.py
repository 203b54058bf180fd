from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from ninja.renderers import JSONRenderer

from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.pagination import PageNumber
from common.request import client_ip
from discovery import board_cache, selectors, services
from discovery import home as home_selectors
from discovery.filters import BoardFilters, BoardOrder, FactoryFilters, FactoryOrder, TargetFilters
from discovery.schemas import (
    BoardPageOut,
    DiscoveryFactoryOut,
    DiscoveryPostOut,
    FavouriteCreatedOut,
    FavouriteOut,
    HistoryOut,
    HomeOut,
    TargetIn,
    ViewRecordedOut,
)

_RENDERER = JSONRenderer()  # config.api's (Ninja's default)
router = Router(tags=["发现：列表、名录、收藏、浏览记录与首页"])


class PointQuery(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（可选，用于附近推荐）")
    lng: float | None = Field(None, ge=-180, le=180)


@router.post(
    "/discovery/views",
    response=ViewRecordedOut,
    auth=optional_bearer,
    summary="记录浏览（详情页展示后调用；同一浏览者每天计一次）",
)
def record_view(request: HttpRequest, payload: TargetIn) -> Any:
    return services.record_view_by_id(
        user=current_user(request), post_id=payload.post_id, factory_id=payload.factory_id, ip=client_ip(request)
    )


@router.get(
    "/discovery/factories", response=list[DiscoveryFactoryOut], auth=optional_bearer, summary="工厂名录（含信任指标）"
)
@paginate(PageNumber)
def discovery_factories(request: HttpRequest, filters: Query[FactoryFilters], order: Query[FactoryOrder]) -> Any:
    return selectors.factory_page(filters, order, user=current_user(request))


def _render_board_page(request: HttpRequest, page: Any) -> bytes:
    """The page as Ninja renders ``PagedDiscoveryPostOut``, for ``board_cache``."""
    data = BoardPageOut.model_validate(page, context={"request": request}).model_dump(by_alias=True)
    return _RENDERER.render(request, data, response_status=200).encode()  # type: ignore[no-any-return]


@router.get(
    "/discovery/{kind}", response=list[DiscoveryPostOut], auth=optional_bearer, summary="板块列表（筛选与排序）"
)
@board_cache.cached_anonymous(_render_board_page)
@paginate(PageNumber)
def board(request: HttpRequest, kind: str, filters: Query[BoardFilters], order: Query[BoardOrder]) -> Any:
    return selectors.board_page(kind, filters, order, user=current_user(request))


@router.get("/me/history", response=list[HistoryOut], auth=bearer, summary="我的浏览记录")
@paginate(PageNumber)
def my_history(request: HttpRequest, filters: Query[TargetFilters]) -> Any:
    return selectors.my_history(user=signed_in_user(request), filters=filters)


@router.delete("/me/history", response={204: None}, auth=bearer, summary="清空浏览记录")
def clear_history(request: HttpRequest) -> Status[None]:
    services.clear_history(user=signed_in_user(request))
    return Status(204, None)


@router.get("/favourites", response=list[FavouriteOut], auth=bearer, summary="我的收藏")
@paginate(PageNumber)
def my_favourites(request: HttpRequest, filters: Query[TargetFilters]) -> Any:
    return selectors.my_favourites(user=signed_in_user(request), filters=filters)


@router.post("/favourites", response={200: FavouriteCreatedOut, 201: FavouriteCreatedOut}, auth=bearer, summary="收藏")
def add_favourite(request: HttpRequest, payload: TargetIn) -> Status[Any]:
    favourite, created = services.add_favourite(
        user=signed_in_user(request), post_id=payload.post_id, factory_id=payload.factory_id
    )
    return Status(201 if created else 200, favourite)


@router.delete("/favourites/{favourite_id}", response={204: None}, auth=bearer, summary="取消收藏")
def remove_favourite(request: HttpRequest, favourite_id: int) -> Status[None]:
    services.remove_favourite(user=signed_in_user(request), favourite_id=favourite_id)
    return Status(204, None)


@router.get("/home", response=HomeOut, auth=optional_bearer, summary="首页：各板块数量、公告、推荐")
def home(request: HttpRequest, point: Query[PointQuery]) -> Any:
    return home_selectors.home(user=current_user(request), lat=point.lat, lng=point.lng)
