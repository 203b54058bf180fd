"""Reads of a user's own notifications and subscription grants."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import QuerySet

from notifications.models import Notification, SubscriptionGrant

if TYPE_CHECKING:
    from accounts.models import User

# What the user is asked to allow, per purpose of WECHAT_SUBSCRIBE_TEMPLATES.
PURPOSE_LABELS = {
    "review_result": "审核结果通知",
    "new_message": "新消息提醒",
    "new_match": "新匹配提醒",
    "application_update": "应聘进度提醒",
}


def notifications_for(*, user: User, unread: bool | None = None, kind: str | None = None) -> QuerySet[Notification]:
    """Only the user's own notifications, newest first."""
    qs = Notification.objects.filter(recipient=user)
    if unread is not None:
        qs = qs.filter(read_at__isnull=unread)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at", "-id")


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@dataclass(frozen=True)
class SubscriptionState:
    purpose: str
    label: str
    template_id: str
    remaining: int


def subscription_states(*, user: User) -> list[SubscriptionState]:
    """Each subscription message the app may ask for (template ids for wx.requestSubscribeMessage)
    and how many sends the user's taps have left."""
    remaining = dict(SubscriptionGrant.objects.filter(user=user).values_list("purpose", "remaining"))
    return [
        SubscriptionState(
            purpose=purpose,
            label=PURPOSE_LABELS.get(purpose, purpose),
            template_id=template_id,
            remaining=remaining.get(purpose, 0),
        )
        for purpose, template_id in settings.WECHAT_SUBSCRIBE_TEMPLATES.items()
    ]
