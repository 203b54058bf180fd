from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from notifications.links import GONE_BODY, MarkedNotification
from notifications.models import Notification


class NotificationOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    body: str
    link: str
    target_type: str
    target_id: str
    is_read: bool
    read_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_body(obj: MarkedNotification) -> str:
        return GONE_BODY if obj.target_gone else obj.body

    @staticmethod
    def resolve_link(obj: MarkedNotification) -> str:
        return "" if obj.target_gone else obj.link

    @staticmethod
    def resolve_kind_label(obj: Notification) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_is_read(obj: Notification) -> bool:
        return obj.read_at is not None


class NotificationUnreadCountOut(Schema):
    count: int = Field(..., description="未读通知数")


class MarkReadIn(Schema):
    ids: list[int] | None = Field(None, max_length=500, description="要标记已读的通知；不传则全部标记已读")


class MarkReadOut(Schema):
    marked: int
    unread_count: int


class SubscriptionsIn(Schema):
    purposes: list[str] = Field(..., min_length=1, max_length=10, description="用户在订阅弹窗中点了「允许」的用途")


class SubscriptionStateOut(Schema):
    purpose: str
    label: str
    template_id: str
    remaining: int
