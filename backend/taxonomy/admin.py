"""标签体系设置 (R-ADM-4): industries with their categories, attribute tags, job and process types.

Every save or delete here bumps the taxonomy version (taxonomy.signals), so the user side's forms show
the change on their next load without a release. Codes are fixed once created because matching rules
and clients recognise tags by code.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from unfold.admin import ModelAdmin, TabularInline

from taxonomy import services
from taxonomy.models import (
    AttributeGroup,
    AttributeTag,
    CategoryTag,
    Industry,
    JobType,
    ProcessType,
    TaxonomyVersion,
)


class OrderedTagAdmin(ModelAdmin):
    """Lists in the order users see them, with order and on/off editable right in the list."""

    list_editable: tuple[str, ...] = ("sort_order", "is_active")
    list_filter: tuple[Any, ...] = ("is_active",)
    search_fields: tuple[str, ...] = ("name",)
    list_per_page = 100
    actions = ("enable_selected", "disable_selected")
    warn_unsaved_form = True

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and any(f.name == "code" for f in self.model._meta.fields):
            return (*readonly, "code")
        return readonly

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        services.place_last_if_unset(obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # New inline rows left at 0 go after the existing ones, in the order they were entered.
        top = max((f.instance.sort_order for f in formset.initial_forms if f.instance.pk), default=0)
        for inline_form in formset.extra_forms:
            data = getattr(inline_form, "cleaned_data", None)
            if inline_form.has_changed() and data and not data.get("DELETE") and not data.get("sort_order"):
                top += services.SORT_STEP
                inline_form.instance.sort_order = top  # the instance was built from the form at validation
        super().save_formset(request, form, formset, change)

    def _set_active(self, request: HttpRequest, queryset: QuerySet[Any], *, active: bool) -> None:
        # One by one through the service so each change is saved (and versioned) like a form edit.
        changed = 0
        for item in queryset:
            if item.is_active != active:
                services.set_active(item=item, active=active)
                changed += 1
        label = "启用" if active else "停用"
        self.message_user(request, f"已{label} {changed} 项", messages.SUCCESS)

    @admin.action(description="启用所选项")
    def enable_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._set_active(request, queryset, active=True)

    @admin.action(description="停用所选项")
    def disable_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._set_active(request, queryset, active=False)


class CategoryInline(TabularInline):
    ordering_field = "sort_order"  # drag rows to reorder; the number stays editable too
    hide_title = True
    show_count = True
    model = CategoryTag
    fields = ("name", "sort_order", "is_active")
    extra = 1
    ordering = ("sort_order", "id")
    verbose_name = "二级品类"
    verbose_name_plural = "该行业下的二级品类"


@admin.register(Industry)
class IndustryAdmin(OrderedTagAdmin):
    ordering_field = "sort_order"
    list_display = ("name", "code", "category_count", "sort_order", "is_active")
    search_fields = ("name", "code")
    fields = ("name", "code", "sort_order", "is_active")
    inlines = (CategoryInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Industry]:
        return (
            super()
            .get_queryset(request)
            .annotate(_active_categories=Count("categories", filter=Q(categories__is_active=True)))
        )

    @admin.display(description="启用的品类数", ordering="_active_categories")
    def category_count(self, obj: Industry) -> int:
        return int(getattr(obj, "_active_categories", 0))


@admin.register(CategoryTag)
class CategoryTagAdmin(OrderedTagAdmin):
    list_display = ("name", "industry", "sort_order", "is_active")
    list_filter = ("industry", "is_active")
    list_select_related = ("industry",)
    search_fields = ("name", "industry__name")
    fields = ("industry", "name", "sort_order", "is_active")
    ordering = ("industry__sort_order", "industry_id", "sort_order", "id")


class AttributeTagInline(TabularInline):
    ordering_field = "sort_order"  # drag rows to reorder; the number stays editable too
    hide_title = True
    show_count = True
    model = AttributeTag
    fields = ("name", "code", "sort_order", "is_active")
    extra = 1
    ordering = ("sort_order", "id")
    verbose_name = "属性标签"
    verbose_name_plural = "该组下的属性标签"


@admin.register(AttributeGroup)
class AttributeGroupAdmin(OrderedTagAdmin):
    ordering_field = "sort_order"
    list_display = ("name", "code", "sort_order", "is_active")
    search_fields = ("name", "code")
    fields = ("name", "code", "sort_order", "is_active")
    inlines = (AttributeTagInline,)


@admin.register(AttributeTag)
class AttributeTagAdmin(OrderedTagAdmin):
    list_display = ("name", "code", "group", "sort_order", "is_active")
    list_filter = ("group", "is_active")
    list_select_related = ("group",)
    search_fields = ("name", "code")
    fields = ("group", "name", "code", "sort_order", "is_active")
    ordering = ("group__sort_order", "group_id", "sort_order", "id")


@admin.register(JobType)
class JobTypeAdmin(OrderedTagAdmin):
    ordering_field = "sort_order"
    list_display = ("name", "sort_order", "is_active")
    fields = ("name", "sort_order", "is_active")


@admin.register(ProcessType)
class ProcessTypeAdmin(OrderedTagAdmin):
    ordering_field = "sort_order"
    list_display = ("name", "industry", "sort_order", "is_active")
    list_filter = ("industry", "is_active")
    list_select_related = ("industry",)
    fields = ("name", "industry", "sort_order", "is_active")


@admin.register(TaxonomyVersion)
class TaxonomyVersionAdmin(ModelAdmin):
    """Shows operators which version the user side is on; the number moves by itself."""

    list_display = ("__str__", "version", "updated_at")
    readonly_fields = ("version", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
