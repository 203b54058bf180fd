"""审核中心: the queue of new posts and edits, oldest first with its due time (R-ADM-1, R-OPS-2)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from unfold.admin import ModelAdmin
from unfold.decorators import action

from listings import selectors
from listings.admin.decisions import DecisionMixin
from listings.admin.display import POST_READONLY, ReadOnlyPostFields, _due_html
from listings.admin.filters import EditFilter, FlaggedFilter, OverdueFilter
from listings.admin.workbench import QUEUE, WorkbenchMixin
from listings.hits_display import hits_html
from listings.models import PostStatus, ReviewQueueItem
from uploads.links import file_url, thumbnail_url
from verification import claims


@admin.register(ReviewQueueItem)
class ReviewQueueAdmin(WorkbenchMixin, DecisionMixin, ReadOnlyPostFields, ModelAdmin):
    """审核中心：待审核的新信息和已发布信息的修改，最早提交的在前；逐条审核在审核工作台。"""

    list_display = (
        "first_image",
        "title_link",
        "kind",
        "edit_badge",
        "key_fields",
        "owner_display",
        "flag_badge",
        "submitted",
        "due",
        "holder",
    )
    list_display_links = None
    list_filter = ("kind", FlaggedFilter, OverdueFilter, EditFilter)
    search_fields = ("title", "search_text")
    list_per_page = 50
    actions = ["approve_selected", "reject_selected"]
    actions_detail = ["approve_detail", "reject_detail"]
    actions_list = ["open_workbench"]
    readonly_fields = POST_READONLY
    fieldsets = (
        ("信息", {"fields": ("kind", "status", "owner_display", "title", "submitted_at", "review_due_at")}),
        ("机审结果", {"fields": ("hits",)}),
        ("内容", {"fields": ("content", "pending_edit", "media_previews")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Same rows as the API's queue, on the proxy model so the console's URLs fit.
        return (
            selectors.review_queue(base=ReviewQueueItem.objects.all())
            .prefetch_related("media_links__file")
            .annotate(claim_holder=claims.holder_subquery(queue=QUEUE))
        )

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # Oldest submission first; the annotation is not a model field, so it cannot be ``ordering``.
        return ["queue_submitted_at", "id"]

    def get_urls(self) -> list[Any]:
        return self.workbench_urls() + self.decision_urls() + super().get_urls()

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        # One screen per item: the workbench, not a read-only form with 保存 buttons.
        return HttpResponseRedirect(reverse("admin:listings_reviewqueueitem_workbench", args=[int(object_id)]))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @action(
        description="进入审核工作台（A 通过 · R 驳回 · J/K 切换）", url_path="open-workbench", permissions=["change"]
    )
    def open_workbench(self, request: HttpRequest) -> Any:
        return HttpResponseRedirect(reverse("admin:listings_reviewqueueitem_workbench_next"))

    @admin.display(description="审核对象")
    def edit_badge(self, obj: Any) -> str:
        if obj.appealed_at and obj.status == PostStatus.PENDING:
            return "申诉复审"
        if obj.status != PostStatus.PENDING and obj.pending_revision and obj.pending_revision.appealed_at:
            return "修改的申诉复审"
        return "修改" if obj.is_edit else "新发布"

    @admin.display(description="图片")
    def first_image(self, obj: Any) -> str:
        link = next((m for m in obj.media_links.all() if m.file.kind == "image"), None)
        if link is None:
            return "—"
        src = thumbnail_url(link.file) or file_url(link.file)
        return format_html(
            '<img src="{}" alt="首图" style="height:64px;width:64px;object-fit:cover;border-radius:4px">', src
        )

    @admin.display(description="标题", ordering="title")
    def title_link(self, obj: Any) -> str:
        url = reverse("admin:listings_reviewqueueitem_workbench", args=[obj.pk])
        return format_html('<a href="{}" style="font-weight:600">{}</a>', url, obj.title)

    @admin.display(description="主要内容")
    def key_fields(self, obj: Any) -> str:
        parts = [
            obj.industry.name if obj.industry_id else "",
            obj.category.name if obj.category_id else "",
            obj.job_type.name if obj.job_type_id else "",
            obj.region.full_name if obj.region_id else "",
        ]
        if obj.quantity is not None:
            parts.append(f"{obj.quantity.normalize():f} {obj.quantity_unit}".strip())
        if obj.wage_amount is not None:
            parts.append(f"{obj.wage_amount.normalize():f} {obj.get_wage_unit_display()}")
        text = " · ".join(p for p in parts if p)
        description = (obj.description or "")[:60]
        return format_html('{}<br><span style="color:#6b7280">{}</span>', text or "—", description)

    @admin.display(description="机审标记", ordering="queue_flagged")
    def flag_badge(self, obj: Any) -> str:
        if not obj.queue_flagged:
            return "—"
        revision = obj.pending_revision if obj.status != PostStatus.PENDING else None
        return hits_html(revision.moderation if revision else obj.moderation, kind=obj.kind)

    @admin.display(description="审核中")
    def holder(self, obj: Any) -> str:
        return obj.claim_holder or "—"

    @admin.display(description="提交时间", ordering="queue_submitted_at")
    def submitted(self, obj: Any) -> str:
        return f"{timezone.localtime(obj.queue_submitted_at):%m-%d %H:%M}" if obj.queue_submitted_at else "—"

    @admin.display(description="审核截止", ordering="queue_due_at")
    def due(self, obj: Any) -> str:
        return _due_html(obj.queue_due_at)
