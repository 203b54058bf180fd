"""All posts in the console: status, history of decisions, take-down (R-ADM-1)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from common.errors import AppError
from listings import services
from listings.admin.decisions import DecisionMixin
from listings.admin.display import POST_READONLY, ReadOnlyPostFields
from listings.models import Post, PostStatus


@admin.register(Post)
class PostAdmin(DecisionMixin, ReadOnlyPostFields, ModelAdmin):
    """全部信息：按状态查看已通过 / 已驳回 / 已下架 / 已过期，必要时由平台下架。"""

    list_display = ("id", "title", "kind", "status", "owner_display", "is_flagged", "published_at", "valid_until")
    list_display_links = ("id", "title")
    list_filter = ("status", "kind", "is_flagged", "created_at")
    search_fields = ("title", "search_text", "owner__display_name")
    list_select_related = ("owner",)
    ordering = ("-created_at",)
    list_per_page = 50
    actions = ["approve_selected", "reject_selected", "operator_take_down"]
    actions_detail = ["approve_detail", "reject_detail"]
    readonly_fields = POST_READONLY
    fieldsets = (
        ("信息", {"fields": ("kind", "status", "owner_display", "title", "valid_until", "reject_reason")}),
        ("时间", {"fields": ("submitted_at", "review_due_at", "published_at", "refreshed_at")}),
        ("机审结果", {"fields": ("hits",)}),
        ("内容", {"fields": ("content", "pending_edit", "media_previews")}),
        ("数据", {"fields": ("view_count", "contact_count")}),
    )

    def get_urls(self) -> list[Any]:
        return self.decision_urls() + super().get_urls()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="平台下架所选信息（违规）", permissions=["change"])
    def operator_take_down(self, request: HttpRequest, queryset: QuerySet[Post]) -> None:
        done = 0
        for post in queryset.filter(status=PostStatus.PUBLISHED):
            try:
                services.take_down_by_operator(operator=request.user, post_id=post.pk, reason="违反平台发布规则")  # type: ignore[arg-type]
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{post.pk}：{exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"已下架 {done} 条信息，已通知发布者", messages.SUCCESS)
