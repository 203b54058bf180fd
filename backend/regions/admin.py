"""行政区划 in the console: read-only (the table comes from the seed migration), searchable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from regions.models import Region


@admin.register(Region)
class RegionAdmin(ModelAdmin):
    list_display = ("adcode", "name", "level", "province_name", "city_name", "latitude", "longitude")
    list_filter = ("level",)
    search_fields = ("adcode", "name", "province_name", "city_name")
    ordering = ("adcode",)
    list_per_page = 50
    readonly_fields = ("adcode", "name", "level", "parent", "province_name", "city_name", "latitude", "longitude")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
