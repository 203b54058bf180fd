"""审核中心: the queue of new posts and edits, oldest first with its due time (R-ADM-1, R-OPS-2)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from unfold.admin import ModelAdmin

from listings import selectors
from listings.admin.decisions import DecisionMixin
from listings.admin.display import POST_READONLY, ReadOnlyPostFields, _due_html
from listings.admin.filters import EditFilter, FlaggedFilter, OverdueFilter
from listings.models import ReviewQueueItem


@admin.register(ReviewQueueItem)
class ReviewQueueAdmin(DecisionMixin, ReadOnlyPostFields, ModelAdmin):
    """审核中心：待审核的新信息和已发布信息的修改，最早提交的在前。"""

    list_display = ("id", "title", "kind", "edit_badge", "owner_display", "flag_badge", "submitted", "due")
    list_display_links = ("id", "title")
    list_filter = ("kind", FlaggedFilter, OverdueFilter, EditFilter)
    search_fields = ("title", "search_text")
    list_per_page = 50
    actions = ["approve_selected", "reject_selected"]
    actions_detail = ["approve_detail", "reject_detail"]
    readonly_fields = POST_READONLY
    fieldsets = (
        ("信息", {"fields": ("kind", "status", "owner_display", "title", "submitted_at", "review_due_at")}),
        ("机审结果", {"fields": ("hits",)}),
        ("内容", {"fields": ("content", "pending_edit", "media_previews")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Same rows as the API's queue, on the proxy model so the console's URLs fit.
        return selectors.review_queue(base=ReviewQueueItem.objects.all())

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # Oldest submission first; the annotation is not a model field, so it cannot be ``ordering``.
        return ["queue_submitted_at", "id"]

    def get_urls(self) -> list[Any]:
        return self.decision_urls() + super().get_urls()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="类型")
    def edit_badge(self, obj: Any) -> str:
        return "修改" if obj.is_edit else "新发布"

    @admin.display(description="机审标记", ordering="queue_flagged")
    def flag_badge(self, obj: Any) -> str:
        if not obj.queue_flagged:
            return "—"
        return self.hits(obj)

    @admin.display(description="提交时间", ordering="queue_submitted_at")
    def submitted(self, obj: Any) -> str:
        return f"{timezone.localtime(obj.queue_submitted_at):%m-%d %H:%M}" if obj.queue_submitted_at else "—"

    @admin.display(description="审核截止", ordering="queue_due_at")
    def due(self, obj: Any) -> str:
        return _due_html(obj.queue_due_at)
