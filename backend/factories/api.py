from typing import Any

from django.http import HttpRequest
from ninja import Router

from accounts.permissions import FACTORY_ONLY
from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.permissions import require
from factories import selectors, services
from factories.schemas import FactoryDetailOut, FactoryIn

router = Router(tags=["工厂入驻与详情"])


@router.get("/factories/mine", response=FactoryDetailOut, auth=bearer, summary="我的工厂入驻信息")
@require(FACTORY_ONLY)
def my_factory(request: HttpRequest) -> Any:
    user = signed_in_user(request)
    return selectors.page_for(selectors.my_factory(user=user), user=user)


@router.put("/factories/mine", response=FactoryDetailOut, auth=bearer, summary="填写或修改工厂入驻信息")
@require(FACTORY_ONLY)
def save_my_factory(request: HttpRequest, payload: FactoryIn) -> Any:
    user = signed_in_user(request)
    services.save_factory_profile(owner=user, **payload.dict())
    return selectors.page_for(selectors.my_factory(user=user), user=user)


@router.get(
    "/factories/{factory_id}",
    response=FactoryDetailOut,
    auth=optional_bearer,
    summary="工厂详情（含当前用户的收藏；只读，浏览由 POST /api/discovery/views 记录）",
)
def factory_detail(request: HttpRequest, factory_id: int) -> Any:
    user = current_user(request)
    profile = selectors.get_factory_for(user=user, factory_id=factory_id)
    return selectors.page_for(selectors.decorate_cards([profile], user=user)[0], user=user)
