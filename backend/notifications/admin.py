"""站内通知 in the console: read-only, so operators can answer "did the user get told?"."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from notifications.models import Notification, SubscriptionGrant


class ReadFilter(admin.SimpleListFilter):
    title = "是否已读"
    parameter_name = "read"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "已读"), ("no", "未读")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "yes":
            return queryset.filter(read_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(read_at__isnull=True)
        return queryset


class ReadOnlyAdmin(ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "recipient", "is_read", "created_at", "read_at")
    list_filter = ("kind", ReadFilter, ("created_at", admin.DateFieldListFilter))
    search_fields = ("title", "recipient__username", "recipient__display_name", "=target_id")
    list_select_related = ("recipient",)
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notification._meta.fields]

    @admin.display(description="已读", boolean=True)
    def is_read(self, obj: Notification) -> bool:
        return obj.read_at is not None


@admin.register(SubscriptionGrant)
class SubscriptionGrantAdmin(ReadOnlyAdmin):
    list_display = ("user", "purpose", "remaining", "updated_at")
    list_filter = ("purpose",)
    search_fields = ("user__username", "user__display_name")
    list_select_related = ("user",)
    readonly_fields = [f.name for f in SubscriptionGrant._meta.fields]
