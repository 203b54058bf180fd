"""Read-only views of workers' job preferences in the console."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from matching.models import WorkerPreference


@admin.register(WorkerPreference)
class WorkerPreferenceAdmin(ModelAdmin):
    list_display = ("user", "region", "available_from", "updated_at")
    search_fields = ("user__display_name",)
    readonly_fields = ("user", "job_types", "region", "available_from", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
