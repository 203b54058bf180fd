from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import WORKER_ONLY, AccountTypeIn, require
from listings.models import PostKind
from matching import selectors, services
from matching.models import WorkerPreference
from matching.schemas import (
    BoardQuery,
    DiscoveryFactoryOut,
    DiscoveryPostOut,
    FactoryQuery,
    FavouriteCreatedOut,
    FavouriteOut,
    HistoryOut,
    HomeOut,
    JobPreferenceIn,
    JobPreferenceOut,
    MatchOut,
    SearchOut,
    SearchQuery,
    TargetIn,
    ViewRecordedOut,
)

router = Router(tags=["发现：列表、搜索、推荐与匹配"])


class TypeQuery(Schema):
    type: str | None = Field(None, pattern="^(post|factory)$", description="post 信息 / factory 工厂；不填为全部")


class PointQuery(Schema):
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（可选，用于附近推荐）")
    lng: float | None = Field(None, ge=-180, le=180)


@router.post("/discovery/views", response=ViewRecordedOut, auth=bearer, summary="记录浏览（打开详情时调用）")
def record_view(request: HttpRequest, payload: TargetIn) -> dict[str, bool]:
    event = services.record_view_by_id(
        user=signed_in_user(request), post_id=payload.post_id, factory_id=payload.factory_id
    )
    return {"recorded": event is not None}


@router.get(
    "/discovery/factories", response=list[DiscoveryFactoryOut], auth=optional_bearer, summary="工厂名录（含信任指标）"
)
@paginate(PageNumber)
def discovery_factories(request: HttpRequest, filters: Query[FactoryQuery]) -> Any:
    return selectors.factory_page(selectors.FactoryFilter(**filters.dict()), user=current_user(request))


@router.get(
    "/discovery/{kind}", response=list[DiscoveryPostOut], auth=optional_bearer, summary="板块列表（筛选与排序）"
)
@paginate(PageNumber)
def board(request: HttpRequest, kind: PostKind, filters: Query[BoardQuery]) -> Any:
    return selectors.board_page(kind, selectors.BoardFilter(**filters.dict()), user=current_user(request))


@router.get("/search", response=SearchOut, auth=optional_bearer, summary="关键词搜索（全部板块与工厂）")
def search(request: HttpRequest, params: Query[SearchQuery]) -> Any:
    return selectors.search(params.q, kind=params.kind, page=params.page, page_size=params.page_size)


@router.get("/me/history", response=list[HistoryOut], auth=bearer, summary="我的浏览记录")
@paginate(PageNumber)
def my_history(request: HttpRequest, filters: Query[TypeQuery]) -> Any:
    return selectors.my_history(user=signed_in_user(request), type=filters.type)


@router.delete("/me/history", response={204: None}, auth=bearer, summary="清空浏览记录")
def clear_history(request: HttpRequest) -> Status[None]:
    services.clear_history(user=signed_in_user(request))
    return Status(204, None)


@router.get("/favourites", response=list[FavouriteOut], auth=bearer, summary="我的收藏")
@paginate(PageNumber)
def my_favourites(request: HttpRequest, filters: Query[TypeQuery]) -> Any:
    return selectors.my_favourites(user=signed_in_user(request), type=filters.type)


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
    return selectors.home(user=current_user(request), lat=point.lat, lng=point.lng)


@router.get("/matching/posts/{post_id}", response=list[MatchOut], auth=bearer, summary="我发布的信息的匹配结果")
def matches_of_my_post(request: HttpRequest, post_id: int) -> Any:
    return selectors.matches_of_my_post(user=signed_in_user(request), post_id=post_id)


@router.get("/matching/for-me", response=list[MatchOut], auth=bearer, summary="适合我的需求 / 岗位")
@require(AccountTypeIn("factory", "worker"))
def matches_for_me(request: HttpRequest) -> Any:
    return selectors.matches_for_me(user=signed_in_user(request))


@router.get("/me/job-preferences", response=JobPreferenceOut, auth=bearer, summary="我的求职意向")
@require(WORKER_ONLY)
def my_job_preference(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return selectors.get_job_preference(user=user) or WorkerPreference(user=user)


@router.put("/me/job-preferences", response=JobPreferenceOut, auth=bearer, summary="填写求职意向")
@require(WORKER_ONLY)
def save_job_preference(request: HttpRequest, payload: JobPreferenceIn) -> Any:
    user = signed_in_user(request)
    services.save_job_preference(user=user, **payload.dict())
    return selectors.get_job_preference(user=user)
