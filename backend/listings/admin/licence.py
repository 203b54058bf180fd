"""系统设置 → 人力资源服务许可证 (issue #16 item 4): the licence online recruitment needs. Without an
active, unexpired one the labour board and its publishing are off in the app (``listings.compliance``).
Only operators holding ``MANAGE_RECRUITMENT_LICENCE`` (运营管理员) change it; reviewers may look."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from unfold.admin import ModelAdmin

from common import audit
from common.console_permissions import ConsolePermission, has_console_permission
from listings.models import RecruitmentLicence


@admin.register(RecruitmentLicence)
class RecruitmentLicenceAdmin(ModelAdmin):
    list_display = ("number", "issuer", "valid_from", "valid_until", "is_active", "state", "updated_at")
    list_filter = ("is_active",)
    fields = ("number", "issuer", "valid_from", "valid_until", "is_active", "note")

    def _manager(self, request: HttpRequest) -> bool:
        return has_console_permission(request.user, ConsolePermission.MANAGE_RECRUITMENT_LICENCE)  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._manager(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._manager(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._manager(request)

    @admin.display(description="当前状态")
    def state(self, obj: RecruitmentLicence) -> str:
        if not obj.is_active:
            return "已停用"
        return "有效" if obj.valid_until >= timezone.localdate() else "已过期（用工板块暂停）"

    def save_model(self, request: HttpRequest, obj: RecruitmentLicence, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record(
            actor=request.user,  # type: ignore[arg-type]
            action="listings.recruitment_licence_changed" if change else "listings.recruitment_licence_added",
            target=obj,
        )
