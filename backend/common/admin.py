"""Console pieces shared by every app's admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from unfold.admin import ModelAdmin
from unfold.forms import ActionForm
from unfold.widgets import UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextInputWidget

from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import AppError
from common.models import AuditEntry, Effect
from common.tasks import retry_effects


class ReasonActionForm(ActionForm):
    """Adds a reason (and an optional end time) to the bulk-action bar, entered once for the batch."""

    reason = forms.CharField(
        label="原因",
        required=False,
        max_length=500,
        widget=UnfoldAdminTextInputWidget(attrs={"placeholder": "处理原因"}),
    )
    until = forms.SplitDateTimeField(label="截止时间（可选）", required=False, widget=UnfoldAdminSplitDateTimeWidget)


@admin.register(AuditEntry)
class AuditEntryAdmin(ModelAdmin):
    list_display = ("created_at", "actor", "action", "target_type", "target_id", "reason")
    list_filter = ("action", "target_type", "created_at")
    search_fields = ("action", "target_id", "reason", "actor__username")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Effect)
class EffectAdmin(ModelAdmin):
    """后台任务: effects that ran after a request (pushes, image checks, indexing…); failed ones can be
    retried (重试) by an operator holding ``ConsolePermission.RETRY_EFFECTS``."""

    list_display = ("created_at", "task", "target_type", "target_id", "status", "attempts", "short_error")
    list_filter = ("status", "task", "created_at")
    search_fields = ("key", "task", "target_id")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Effect._meta.fields if f.name != "sealed"]
    exclude = ("sealed",)
    actions = ["retry"]

    @admin.display(description="最后错误")
    def short_error(self, obj: Effect) -> str:
        return obj.last_error[:80]

    @admin.action(description="重试所选的失败任务", permissions=["change"])
    def retry(self, request: HttpRequest, queryset: QuerySet[Effect]) -> None:
        try:
            count = retry_effects(operator=request.user, effect_ids=list(queryset.values_list("pk", flat=True)))
        except AppError as exc:
            self.message_user(request, exc.message, level=messages.ERROR)
            return
        self.message_user(request, f"已重新排队 {count} 个任务（只处理已失败的任务）", level=messages.SUCCESS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # The change permission is what 重试 needs; the fields themselves stay read-only.
        return has_console_permission(request.user, ConsolePermission.RETRY_EFFECTS)
