"""对接记录 in the console, read-only, for support staff. Conversations and messages have no console
page on purpose (R-OPS-3): operators read one only while handling a complaint about it, through
``messaging.services.open_conversation_for_complaint``, which is audit-logged."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin, TabularInline

from messaging.models import Connection, ConnectionEvent


class ConnectionEventInline(TabularInline):
    model = ConnectionEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "from_status", "to_status")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Connection)
class ConnectionAdmin(ModelAdmin):
    list_display = ("id", "initiator", "counterpart", "subject", "status", "created_at", "first_reply_at", "deal_at")
    list_filter = ("status", ("created_at", admin.DateFieldListFilter), ("deal_at", admin.DateFieldListFilter))
    list_select_related = ("initiator", "counterpart", "post", "factory")
    search_fields = ("=id", "=initiator__id", "=counterpart__id")
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = (ConnectionEventInline,)
    fields = (
        "initiator",
        "counterpart",
        "post",
        "factory",
        "status",
        "created_at",
        "first_reply_at",
        "status_changed_at",
        "deal_at",
        "credited_factory",
    )
    readonly_fields = fields

    @admin.display(description="对接对象")
    def subject(self, obj: Connection) -> str:
        if obj.post_id is not None:
            return f"信息：{obj.post}"
        if obj.factory_id is not None:
            return f"工厂：{obj.factory}"
        return "（已删除）"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
