"""工厂 console page: the onboarded factories with their verification and order volume."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from common.crypto import mask_phone
from factories.models import FactoryProfile


@admin.register(FactoryProfile)
class FactoryProfileAdmin(ModelAdmin):
    list_display = ("name", "industry", "region", "is_verified", "verified_at", "completed_deals", "created_at")
    list_filter = ("is_verified", "industry", ("created_at", admin.DateFieldListFilter))
    search_fields = ("name", "main_products", "owner__display_name")
    list_select_related = ("industry", "region", "owner")
    ordering = ("-created_at",)
    fields = (
        "owner",
        "name",
        "industry",
        "categories",
        "attributes",
        "region",
        "address",
        "latitude",
        "longitude",
        "main_products",
        "equipment_summary",
        "capacity_summary",
        "employee_count",
        "description",
        "contact_name",
        "contact_phone_masked",
        "is_verified",
        "verified_at",
        "completed_deals",
        "created_at",
        "updated_at",
    )
    # The factory owns its profile and verification follows the licence review; the console only reads.
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="联系电话")
    def contact_phone_masked(self, obj: FactoryProfile) -> str:
        return mask_phone(obj.contact_phone) if obj.contact_phone else "—"
