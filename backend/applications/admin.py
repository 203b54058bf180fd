"""应聘管理 in the console: read-only, for support staff looking into a dispute about a job."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from unfold.admin import ModelAdmin, TabularInline

from applications.models import Application, ApplicationEvent, WageReport


class ReadOnlyAdmin(ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ApplicationEventInline(TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "from_status", "to_status")
    readonly_fields = fields
    verbose_name_plural = "进度记录"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("id", "created_at", "worker", "post_link", "status", "updated_at")
    list_display_links = ("id", "created_at")
    list_filter = ("status", ("created_at", admin.DateFieldListFilter))
    search_fields = ("=id", "=post__id", "post__title", "worker__display_name")
    list_select_related = ("worker", "post")
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = (ApplicationEventInline,)
    fields = ("worker", "post_link", "status", "snapshot_display", "created_at", "updated_at")
    readonly_fields = fields

    @admin.display(description="用工信息")
    def post_link(self, obj: Application) -> str:
        url = reverse("admin:listings_post_change", args=[obj.post_id])
        return format_html('<a href="{}">#{} {}</a>', url, obj.post_id, obj.post.title)

    @admin.display(description="申请资料")
    def snapshot_display(self, obj: Application) -> str:
        s = obj.snapshot or {}
        region = (s.get("region") or {}).get("name") or "—"
        job_types = "、".join(j.get("name", "") for j in s.get("job_types") or []) or "—"
        years = s.get("experience_years")
        return format_html(
            "姓名：{}<br>实名认证：{}<br>意向地区：{}<br>意向工种：{}<br>工作经验：{}<br>留言：{}",
            s.get("name") or "—",
            "已认证" if s.get("real_name_verified") else "未认证",
            region,
            job_types,
            f"{years} 年" if years is not None else "—",
            s.get("note") or "—",
        )


@admin.register(WageReport)
class WageReportAdmin(ReadOnlyAdmin):
    list_display = ("id", "created_at", "application", "posted_wage", "actual_wage", "wage_unit", "complaint_link")
    list_select_related = ("application", "complaint")
    list_filter = (("created_at", admin.DateFieldListFilter),)
    fields = ("application", "posted_wage", "actual_wage", "wage_unit", "description", "complaint_link", "created_at")
    readonly_fields = fields

    @admin.display(description="对应投诉")
    def complaint_link(self, obj: WageReport) -> str:
        if obj.complaint_id is None:
            return "—"
        url = reverse("admin:support_complaint_change", args=[obj.complaint_id])
        return format_html('<a href="{}">投诉 #{}</a>', url, obj.complaint_id)
