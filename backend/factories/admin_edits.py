"""工厂资料修改审核 (console review center, issue #12): a verified factory's pending profile edits, each with
a diff against the version on its page and the moderation pipeline's findings; approve / reject notify the
owner (``factories.review``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from unfold.admin import ModelAdmin

from common.crypto import mask_phone
from common.errors import AppError
from factories import review
from factories.models import EditStatus, FactoryProfile, FactoryProfileEdit
from factories.services import edit_values

LABELS = {
    "name": "工厂名称",
    "industry": "一级行业",
    "categories": "二级品类",
    "attributes": "属性标签",
    "region": "所在地区",
    "address": "详细地址",
    "latitude": "纬度",
    "longitude": "经度",
    "main_products": "主营产品",
    "equipment_summary": "设备情况",
    "capacity_summary": "产能说明",
    "employee_count": "员工人数",
    "description": "工厂介绍",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "photos": "工厂照片",
}


def _shown(name: str, value: Any) -> str:
    if name == "contact_phone":
        return mask_phone(value) if value else ""
    if name in {"categories", "attributes"}:
        return "、".join(sorted(str(v) for v in value))
    if name == "photos":
        return f"{len(value)} 张（{'、'.join(str(p.pk)[:8] for p in value)}）"
    if name == "region":
        return str(value.full_name) if value is not None else ""
    return "" if value is None else str(value)


def _current(profile: FactoryProfile) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(profile, name) for name in LABELS if name not in {"categories", "attributes", "photos"}
    }
    values |= {
        "categories": list(profile.categories.all()),
        "attributes": list(profile.attributes.all()),
        "photos": list(profile.photos.all()),
    }
    return values


def diff_rows(edit: FactoryProfileEdit) -> list[tuple[str, str, str]]:
    """(label, shown now, after the edit) for each field the edit changes."""
    before, after = _current(edit.profile), edit_values(edit)
    rows = []
    for name, label in LABELS.items():
        old, new = _shown(name, before[name]), _shown(name, after[name])
        if old != new:
            rows.append((label, old, new))
    return rows


def diff_html(edit: FactoryProfileEdit) -> str:
    rows = diff_rows(edit)
    if not rows:
        return "（与当前展示的资料相同）"
    body = format_html_join(
        "",
        '<tr><th style="text-align:left;padding:4px 8px">{}</th>'
        '<td style="padding:4px 8px;color:#6b7280"><del>{}</del></td>'
        '<td style="padding:4px 8px;color:#15803d">{}</td></tr>',
        rows,
    )
    return format_html(
        '<table><tr><th style="text-align:left">字段</th><th style="text-align:left">当前展示</th>'
        '<th style="text-align:left">修改后</th></tr>{}</table>',
        body,
    )


def findings_html(edit: FactoryProfileEdit) -> str:
    reasons = (edit.moderation or {}).get("reasons") or []
    if not reasons:
        return "—"
    return format_html_join(mark_safe("<br>"), "{}", ((r,) for r in reasons))


@admin.register(FactoryProfileEdit)
class FactoryProfileEditAdmin(ModelAdmin):
    list_display = ("id", "profile", "status", "findings", "submitted_at", "reviewer", "reviewed_at")
    list_filter = ("status",)
    list_select_related = ("profile", "reviewer")
    search_fields = ("profile__name",)
    fields = ("profile", "status", "submitted_at", "findings", "diff", "reviewer", "reviewed_at", "reject_reason")
    readonly_fields = fields
    actions = ["approve_selected", "reject_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[FactoryProfileEdit]:
        return super().get_queryset(request).exclude(status=EditStatus.WITHDRAWN)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="修改对比")
    def diff(self, obj: FactoryProfileEdit) -> str:
        return diff_html(obj)

    @admin.display(description="机审命中")
    def findings(self, obj: FactoryProfileEdit) -> str:
        return findings_html(obj)

    @admin.action(description="审核通过所选修改（通知工厂）", permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[FactoryProfileEdit]) -> None:
        done = 0
        for edit_id in queryset.values_list("pk", flat=True):
            try:
                review.approve_profile_edit(reviewer=request.user, edit_id=edit_id)  # type: ignore[arg-type]
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{edit_id}：{exc.message}", messages.WARNING)
        if done:
            self.message_user(request, f"已通过 {done} 条修改，工厂名录已更新并通知工厂", messages.SUCCESS)

    @admin.action(description="驳回所选修改（填写原因）", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[FactoryProfileEdit]) -> HttpResponse | None:
        reason = (request.POST.get("reason") or "").strip()
        error = ""
        if request.POST.get("confirm") == "yes":
            try:
                for edit_id in queryset.values_list("pk", flat=True):
                    review.reject_profile_edit(reviewer=request.user, edit_id=edit_id, reason=reason)  # type: ignore[arg-type]
            except AppError as exc:
                error = exc.message
            else:
                self.message_user(request, "已驳回并通知工厂，工厂名录仍展示修改前的资料", messages.SUCCESS)
                return None
        return TemplateResponse(
            request,
            "admin/factories/reject_edit.html",
            {
                **self.admin_site.each_context(request),
                "edits": list(queryset.select_related("profile")),
                "reason": reason,
                "error": error,
                "back_url": reverse("admin:factories_factoryprofileedit_changelist"),
                "title": "驳回工厂资料修改",
            },
        )
