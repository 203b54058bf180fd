from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.errors import field_error
from common.pagination import PageNumber
from common.permissions import FACTORY_ONLY, require
from factories import selectors, services
from factories.models import FactoryProfile
from factories.schemas import FactoryCardOut, FactoryDetailOut, FactoryIn
from matching.selectors import DecoratedPage, decorate_factories
from matching.services import record_view as record_history

router = Router(tags=["工厂入驻与名录"])


class DirectoryQuery(Schema):
    industry: int | None = Field(None, description="一级行业 id")
    category: int | None = Field(None, description="二级品类 id")
    region: str | None = Field(None, description="省 / 市 / 区县行政区划代码，按前缀匹配下辖地区")
    attributes: list[int] = Field(default_factory=list, description="属性标签 id，可多个，须全部满足")
    q: str | None = Field(None, max_length=50, description="按工厂名称或主营产品搜索")
    lat: float | None = Field(None, ge=-90, le=90, description="当前位置纬度（按距离排序时必填）")
    lng: float | None = Field(None, ge=-180, le=180, description="当前位置经度")
    within_km: float | None = Field(None, gt=0, le=5000, description="只看该距离内的工厂")
    sort: Literal["deals", "distance"] = Field("deals", description="deals 按接单量，distance 按距离")


def _mark_owner(profile: FactoryProfile, user: Any) -> FactoryProfile:
    profile.viewer_is_owner = user is not None and profile.owner_id == user.pk  # type: ignore[attr-defined]
    return profile


@router.get("/factories/mine", response=FactoryDetailOut, auth=bearer, summary="我的工厂入驻信息")
@require(FACTORY_ONLY)
def my_factory(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return _mark_owner(selectors.my_factory(user=user), user)


@router.put("/factories/mine", response=FactoryDetailOut, auth=bearer, summary="填写或修改工厂入驻信息")
@require(FACTORY_ONLY)
def save_my_factory(request: HttpRequest, payload: FactoryIn) -> Any:
    user = signed_in_user(request)
    services.save_factory_profile(owner=user, **payload.dict())
    return _mark_owner(selectors.my_factory(user=user), user)


@router.get("/factories", response=list[FactoryCardOut], auth=optional_bearer, summary="工厂名录（仅已认证工厂）")
@paginate(PageNumber)
def factory_directory(request: HttpRequest, filters: Query[DirectoryQuery]) -> Any:
    if filters.sort == "distance" and (filters.lat is None or filters.lng is None):
        raise field_error("lat", "required", "按距离排序需要提供当前位置（lat、lng）")
    page = selectors.directory(
        selectors.DirectoryFilter(
            industry_id=filters.industry,
            category_id=filters.category,
            region=filters.region,
            attribute_ids=filters.attributes,
            keyword=filters.q,
            latitude=filters.lat,
            longitude=filters.lng,
            within_km=filters.within_km,
            sort=filters.sort,
        )
    )
    user = current_user(request)
    return DecoratedPage(page, lambda rows: decorate_factories(rows, user=user))


@router.get("/factories/{factory_id}", response=FactoryDetailOut, auth=optional_bearer, summary="工厂详情")
def factory_detail(request: HttpRequest, factory_id: int) -> Any:
    user = current_user(request)
    profile = selectors.get_factory_for(user=user, factory_id=factory_id)
    record_history(user=user, factory=profile)
    decorate_factories([profile], user=user)
    return _mark_owner(profile, user)
