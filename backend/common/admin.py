"""Console pieces shared by every app's admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin
from unfold.forms import ActionForm
from unfold.widgets import UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextInputWidget

from common.models import AuditEntry


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
