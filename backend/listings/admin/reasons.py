"""Reject-reason templates and the decision history with the repeat-offender list (R-OPS-1)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from unfold.admin import ModelAdmin

from listings import selectors
from listings.admin.display import _account_admin_url
from listings.models import RejectReasonTemplate, ReviewDecision


@admin.register(RejectReasonTemplate)
class RejectReasonTemplateAdmin(ModelAdmin):
    list_display = ("title", "text", "category", "sort_order", "is_active")
    list_editable = ("sort_order", "is_active")
    list_filter = ("category", "is_active")
    search_fields = ("title", "text")


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ModelAdmin):
    """审核记录：已通过 / 已驳回列表，谁在何时因何作出决定；以及屡次违规、建议限制发布的账号。"""

    list_display = ("at", "post_link", "decision", "reviewer", "owner", "category", "reason")
    list_filter = ("decision", "category", "at")
    search_fields = ("reason", "post__title")
    list_select_related = ("post", "reviewer", "owner")
    ordering = ("-at",)
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="信息")
    def post_link(self, obj: ReviewDecision) -> str:
        if obj.post is None:
            return "（已删除）"
        url = reverse("admin:listings_post_change", args=[obj.post_id])
        return format_html('<a href="{}">#{} {}</a>', url, obj.post_id, obj.post.title)

    def get_urls(self) -> list[Any]:
        custom = [
            path(
                "offenders/",
                self.admin_site.admin_view(self.offenders_view),
                name="listings_reviewdecision_offenders",
            )
        ]
        return custom + super().get_urls()

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        offenders = selectors.repeat_offenders()
        if offenders:
            url = reverse("admin:listings_reviewdecision_offenders")
            self.message_user(
                request,
                format_html(
                    '有 {} 个账号 30 天内多次因违规内容被驳回，<a href="{}">查看并建议限制发布</a>', len(offenders), url
                ),
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    def offenders_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise DjangoPermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "屡次违规账号（建议限制发布）",
            "offenders": [{"offender": o, "url": _account_admin_url(o.user)} for o in selectors.repeat_offenders()],
        }
        return TemplateResponse(request, "admin/listings/offenders.html", context)
