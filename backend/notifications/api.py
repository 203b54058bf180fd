# No `from __future__ import annotations` here: @paginate wraps the view, and Ninja then resolves
# string annotations against ninja.pagination, where our schemas do not exist.
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from common.auth import bearer, signed_in_user
from common.pagination import PageNumber
from notifications import selectors, services
from notifications.links import MarkedPage
from notifications.models import NotificationKind
from notifications.schemas import (
    MarkReadIn,
    MarkReadOut,
    NotificationOut,
    NotificationUnreadCountOut,
    SubscriptionsIn,
    SubscriptionStateOut,
)

router = Router(tags=["通知"])


class NotificationFilter(Schema):
    unread: bool | None = None
    kind: NotificationKind | None = None


@router.get("/notifications", response=list[NotificationOut], auth=bearer, summary="我的通知（最新在前）")
@paginate(PageNumber)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilter]) -> Any:
    user = signed_in_user(request)
    return MarkedPage(selectors.notifications_for(user=user, unread=filters.unread, kind=filters.kind), user=user)


@router.get("/notifications/unread-count", response=NotificationUnreadCountOut, auth=bearer, summary="未读通知数")
def unread_count(request: HttpRequest) -> dict[str, int]:
    return {"count": selectors.unread_count(user=signed_in_user(request))}


@router.post("/notifications/read", response=MarkReadOut, auth=bearer, summary="标记已读（不传 ids 则全部已读）")
def mark_read(request: HttpRequest, payload: MarkReadIn) -> dict[str, int]:
    user = signed_in_user(request)
    marked = services.mark_read(user=user, notification_ids=payload.ids)
    return {"marked": marked, "unread_count": selectors.unread_count(user=user)}


@router.get(
    "/notifications/subscriptions", response=list[SubscriptionStateOut], auth=bearer, summary="可订阅的微信消息"
)
def subscriptions(request: HttpRequest) -> Any:
    """模板 ID 供 wx.requestSubscribeMessage 使用；remaining 为剩余可发送次数。"""
    return selectors.subscription_states(user=signed_in_user(request))


@router.post(
    "/notifications/subscriptions",
    response=list[SubscriptionStateOut],
    auth=bearer,
    summary="记录用户同意的订阅消息",
)
def record_subscriptions(request: HttpRequest, payload: SubscriptionsIn) -> Any:
    """用户在 wx.requestSubscribeMessage 中点「允许」后调用；每次允许可发送一条。"""
    user = signed_in_user(request)
    services.record_subscription_grants(user=user, purposes=payload.purposes)
    return selectors.subscription_states(user=user)
