"""工厂 console page: the onboarded factories with their verification and order volume."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from unfold.admin import ModelAdmin

from accounts.admin import register_user_list_filter
from accounts.models import User
from common.crypto import mask_phone
from factories.models import FactoryProfile
from regions.models import Region, RegionLevel
from taxonomy.models import Industry
from verification.models import Qualification, QualificationKind, QualificationStatus


class ProvinceFilter(admin.SimpleListFilter):
    """Where the account is: the factory's region, else the region of its latest posts."""

    title = "所在省份"
    parameter_name = "province"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(Region.objects.filter(level=RegionLevel.PROVINCE).values_list("adcode", "name"))

    def queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> QuerySet[User]:
        value = self.value()
        if not value:
            return queryset
        prefix = value[:2]
        return queryset.filter(
            Q(factory__region__adcode__startswith=prefix) | Q(posts__region__adcode__startswith=prefix)
        ).distinct()


class IndustryFilter(admin.SimpleListFilter):
    title = "行业"
    parameter_name = "industry"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(str(pk), name) for pk, name in Industry.objects.values_list("pk", "name")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> QuerySet[User]:
        value = self.value()
        if not value:
            return queryset
        return queryset.filter(Q(factory__industry_id=value) | Q(posts__industry_id=value)).distinct()


register_user_list_filter(ProvinceFilter)
register_user_list_filter(IndustryFilter)


@admin.register(FactoryProfile)
class FactoryProfileAdmin(ModelAdmin):
    list_display = (
        "name",
        "industry",
        "region",
        "licence_status",
        "licence_until",
        "verified_at",
        "completed_deals",
        "created_at",
    )
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

    def get_queryset(self, request: HttpRequest) -> QuerySet[FactoryProfile]:
        """The owner's latest licence (status, expiry) in the list's one query (issue #14 item 5)."""
        latest = Qualification.objects.filter(
            user=OuterRef("owner_id"), kind=QualificationKind.BUSINESS_LICENCE
        ).order_by("-submitted_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .annotate(
                _licence_status=Subquery(latest.values("status")[:1]),
                _licence_until=Subquery(latest.values("valid_until")[:1]),
                _licence_long_term=Subquery(latest.values("is_long_term")[:1]),
            )
        )

    @admin.display(description="执照状态")
    def licence_status(self, obj: FactoryProfile) -> str:
        status = getattr(obj, "_licence_status", None)
        return str(QualificationStatus(status).label) if status else "未提交"

    @admin.display(description="执照有效期至")
    def licence_until(self, obj: FactoryProfile) -> str:
        if not getattr(obj, "_licence_status", None):
            return "—"
        until = getattr(obj, "_licence_until", None)
        return "长期有效" if getattr(obj, "_licence_long_term", False) or not until else f"{until:%Y-%m-%d}"

    @admin.display(description="联系电话")
    def contact_phone_masked(self, obj: FactoryProfile) -> str:
        return mask_phone(obj.contact_phone) if obj.contact_phone else "—"


from factories import admin_edits  # noqa: E402,F401  (工厂资料修改审核)
