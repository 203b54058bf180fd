"""Notifications in the personal-data registry (R-PLUS-5): exported, deleted on 注销."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import register
from notifications.models import Notification, SubscriptionGrant

if TYPE_CHECKING:
    from accounts.models import User

EXPORT_LIMIT = 1000


def export_notifications(user: User) -> list[dict[str, Any]]:
    return [
        {
            "类型": n.get_kind_display(),
            "标题": n.title,
            "内容": n.body,
            "时间": n.created_at.isoformat(),
            "已读时间": n.read_at.isoformat() if n.read_at else None,
        }
        for n in Notification.objects.filter(recipient=user).order_by("-created_at", "-id")[:EXPORT_LIMIT]
    ]


def erase_notifications(user: User) -> None:
    Notification.objects.filter(recipient=user).delete()


def erase_grants(user: User) -> None:
    SubscriptionGrant.objects.filter(user=user).delete()


def register_all() -> None:
    register(Notification, section="通知", exporter=export_notifications, eraser=erase_notifications)
    # A grant is a counter of WeChat subscription sends left; it says nothing a person would read.
    register(SubscriptionGrant, eraser=erase_grants, part_of="notifications.Notification")
