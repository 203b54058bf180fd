"""List filters of the review queue and the post list (flagged, overdue, edits)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from listings.models import PostStatus


class FlaggedFilter(admin.SimpleListFilter):
    title = "机审标记"
    parameter_name = "flagged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "有标记（敏感词/联系方式）"), ("no", "无标记")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(queue_flagged=self.value() == "yes")
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = "审核时效"
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "已超时"), ("no", "未超时")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(queue_due_at__lt=now)
        if self.value() == "no":
            return queryset.filter(queue_due_at__gte=now)
        return queryset


class EditFilter(admin.SimpleListFilter):
    title = "审核对象"
    parameter_name = "edit"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("new", "新发布"), ("edit", "已发布信息的修改")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "new":
            return queryset.filter(status=PostStatus.PENDING)
        if self.value() == "edit":
            return queryset.exclude(status=PostStatus.PENDING)
        return queryset
