"""审核中心 (R-ADM-1, R-FLOW-2, R-OPS-1, R-OPS-2): the queue of new posts and edits, oldest first with
its due time, the keyword hits, approve / reject one by one or in batches, the approved / rejected
history, the reason templates and the repeat-offender list.

Every decision goes through ``listings.services`` (row lock, owner notified, audit log), so a second
reviewer acting on the same item sees "已被其他审核员处理" instead of a double decision.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from unfold.admin import ModelAdmin
from unfold.decorators import action
from unfold.widgets import UnfoldAdminSelectWidget, UnfoldAdminTextareaWidget

from common.errors import AppError
from listings import kinds, selectors, services
from listings.hits_display import hits_html as _hits_html
from listings.models import (
    Post,
    PostStatus,
    ReasonCategory,
    RejectReasonTemplate,
    ReviewDecision,
    ReviewQueueItem,
)
from uploads.links import file_url

if TYPE_CHECKING:
    from accounts.models import User

def _due_html(due: Any) -> str:
    if due is None:
        return "—"
    text = f"{timezone.localtime(due):%m-%d %H:%M}"
    if due < timezone.now():
        return format_html('<span class="overdue" style="color:#dc2626;font-weight:700">{}（已超时）</span>', text)
    return text


def _content_html(post: Post, values: dict[str, Any]) -> str:
    """A two-column table of the post's fields with their labels, as the form shows them."""
    rows = []
    for name in kinds.accepted_fields(post.kind):
        value = values.get(name)
        if value in (None, "", []):
            continue
        if name == "media_ids":
            value = f"{len(value)} 个文件"
        elif isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False)
        rows.append((kinds.label_for(post.kind, name), value))
    return format_html(
        '<table style="border-collapse:collapse">{}</table>',
        format_html_join(
            "",
            '<tr><th style="text-align:left;padding:2px 12px 2px 0;white-space:nowrap">{}</th><td>{}</td></tr>',
            rows,
        ),
    )


def _account_admin_url(user: User) -> str:
    """The account page where an operator restricts the user (one console page per account type)."""
    from django.urls import NoReverseMatch

    model = {"trade": "tradecompanyaccount", "factory": "factoryaccount", "worker": "workeraccount"}.get(
        user.account_type, "user"
    )
    try:
        return reverse(f"admin:accounts_{model}_change", args=[user.pk])
    except NoReverseMatch:
        return ""


class RejectForm(forms.Form):
    template = forms.ModelChoiceField(
        label="驳回原因模板",
        queryset=RejectReasonTemplate.objects.none(),
        required=False,
        empty_label="（不使用模板）",
        widget=UnfoldAdminSelectWidget,
    )
    reason = forms.CharField(
        label="补充说明（会与模板一起推送给用户）",
        max_length=500,
        required=False,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 3, "placeholder": "如：请补充产品规格和交货日期"}),
    )
    category = forms.ChoiceField(
        label="违规类别（不选则按模板）",
        choices=[("", "按模板"), *ReasonCategory.choices],
        required=False,
        widget=UnfoldAdminSelectWidget,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = selectors.reason_templates()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("template") and not (data.get("reason") or "").strip():
            raise forms.ValidationError("驳回必须选择原因模板或填写原因")
        return data


class FlaggedFilter(admin.SimpleListFilter):
    title = "机审标记"
    parameter_name = "flagged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "有标记（敏感词/联系方式）"), ("no", "无标记")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(queue_flagged=self.value() == "yes")
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = "审核时效"
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "已超时"), ("no", "未超时")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(queue_due_at__lt=now)
        if self.value() == "no":
            return queryset.filter(queue_due_at__gte=now)
        return queryset


class EditFilter(admin.SimpleListFilter):
    title = "审核对象"
    parameter_name = "edit"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("new", "新发布"), ("edit", "已发布信息的修改")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "new":
            return queryset.filter(status=PostStatus.PENDING)
        if self.value() == "edit":
            return queryset.exclude(status=PostStatus.PENDING)
        return queryset


class DecisionMixin:
    """Approve / reject actions shared by the queue and the all-posts page."""

    admin_site: Any
    model: Any
    # Provided by ModelAdmin, which follows this mixin in the class bases.
    message_user: Any
    has_change_permission: Any

    @property
    def _url_prefix(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def _approve_ids(self, request: HttpRequest, ids: list[int]) -> None:
        try:
            result = services.batch_approve(reviewer=request.user, post_ids=ids)  # type: ignore[arg-type]
        except AppError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        if result.done:
            self.message_user(request, f"已通过 {len(result.done)} 条，已通知发布者", messages.SUCCESS)
        if result.conflicts:
            ids_text = "、".join(f"#{pk}" for pk in result.conflicts)
            self.message_user(request, f"{ids_text} 已被其他审核员处理或已撤回，未重复操作", messages.WARNING)

    @admin.action(description="审核通过所选信息", permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._approve_ids(request, list(queryset.values_list("pk", flat=True)))

    @admin.action(description="驳回所选信息（选择/填写原因）", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse:
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse(f'admin:{self._url_prefix}_reject')}?ids={ids}")

    @action(description="审核通过", url_path="approve", permissions=["change"])
    def approve_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        back = reverse(f"admin:{self._url_prefix}_changelist")
        if request.method == "POST":
            self._approve_ids(request, [int(object_id)])
            return HttpResponseRedirect(back)
        items = list(Post.objects.filter(pk=int(object_id)))
        return self._render(request, mode="approve", items=items, back_url=back)

    @action(description="驳回", url_path="reject", permissions=["change"])
    def reject_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return HttpResponseRedirect(f"{reverse(f'admin:{self._url_prefix}_reject')}?ids={int(object_id)}")

    def decision_urls(self) -> list[Any]:
        return [path("reject/", self.admin_site.admin_view(self.reject_view), name=f"{self._url_prefix}_reject")]

    def reject_view(self, request: HttpRequest) -> HttpResponse:
        """The intermediate page of a (batch) rejection: one reason, from a template and/or typed."""
        if not self.has_change_permission(request):
            raise DjangoPermissionDenied
        raw = request.POST.get("ids") or request.GET.get("ids") or ""
        ids = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        items = list(Post.objects.filter(pk__in=ids).select_related("owner").order_by("pk"))
        back = reverse(f"admin:{self._url_prefix}_changelist")
        if not items:
            self.message_user(request, "请先选择要驳回的信息", messages.WARNING)
            return HttpResponseRedirect(back)
        form = RejectForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            template = form.cleaned_data.get("template")
            try:
                result = services.batch_reject(
                    reviewer=request.user,  # type: ignore[arg-type]
                    post_ids=[p.pk for p in items],
                    reason=form.cleaned_data.get("reason") or "",
                    template_id=template.pk if template else None,
                    category=form.cleaned_data.get("category") or None,
                )
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return self._render(request, mode="reject", items=items, back_url=back, form=form)
            if result.done:
                self.message_user(request, f"已驳回 {len(result.done)} 条，原因已推送给发布者", messages.SUCCESS)
            if result.conflicts:
                ids_text = "、".join(f"#{pk}" for pk in result.conflicts)
                self.message_user(request, f"{ids_text} 已被其他审核员处理或已撤回，未重复操作", messages.WARNING)
            return HttpResponseRedirect(back)
        return self._render(request, mode="reject", items=items, back_url=back, form=form)

    def _render(
        self, request: HttpRequest, *, mode: str, items: list[Post], back_url: str, form: forms.Form | None = None
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "驳回信息" if mode == "reject" else "确认审核通过",
            "mode": mode,
            "items": items,
            "ids": ",".join(str(p.pk) for p in items),
            "form": form,
            "back_url": back_url,
        }
        return TemplateResponse(request, "admin/listings/decision.html", context)


class ReadOnlyPostFields:
    @admin.display(description="发布者")
    def owner_display(self, obj: Post) -> str:
        return f"{obj.owner}（{obj.owner.get_account_type_display()}）" if obj.owner.account_type else str(obj.owner)

    @admin.display(description="机审命中")
    def hits(self, obj: Post) -> str:
        revision = obj.pending_revision if obj.status != PostStatus.PENDING else None
        return _hits_html(revision.moderation if revision else obj.moderation)

    @admin.display(description="当前展示/提交的内容")
    def content(self, obj: Post) -> str:
        return _content_html(obj, kinds.form_values(obj))

    @admin.display(description="待审核的修改内容")
    def pending_edit(self, obj: Post) -> str:
        revision = obj.pending_revision
        if revision is None:
            return "—"
        current = kinds.form_values(obj)
        changed = {k: v for k, v in revision.data.items() if current.get(k) != v}
        if not changed:
            return "（内容未变化）"
        return _content_html(obj, changed)

    @admin.display(description="图片/图纸")
    def media_previews(self, obj: Post) -> str:
        links = list(obj.media_links.select_related("file"))
        if not links:
            return "—"
        return format_html_join(
            " ",
            '<a href="{}" target="_blank" rel="noopener">'
            '<img src="{}" alt="附件" style="max-height:160px;border:1px solid #ddd;border-radius:6px;margin:4px"></a>',
            ((file_url(link.file), file_url(link.file)) for link in links if link.file.kind == "image"),
        ) or format_html_join(
            " ", '<a href="{}" target="_blank">查看文件</a>', ((file_url(link.file),) for link in links)
        )


POST_READONLY = (
    "kind",
    "status",
    "owner_display",
    "title",
    "content",
    "pending_edit",
    "hits",
    "media_previews",
    "submitted_at",
    "review_due_at",
    "published_at",
    "refreshed_at",
    "valid_until",
    "reject_reason",
    "view_count",
    "contact_count",
)


@admin.register(ReviewQueueItem)
class ReviewQueueAdmin(DecisionMixin, ReadOnlyPostFields, ModelAdmin):
    """审核中心：待审核的新信息和已发布信息的修改，最早提交的在前。"""

    list_display = ("id", "title", "kind", "edit_badge", "owner_display", "flag_badge", "submitted", "due")
    list_display_links = ("id", "title")
    list_filter = ("kind", FlaggedFilter, OverdueFilter, EditFilter)
    search_fields = ("title", "search_text")
    list_per_page = 50
    actions = ["approve_selected", "reject_selected"]
    actions_detail = ["approve_detail", "reject_detail"]
    readonly_fields = POST_READONLY
    fieldsets = (
        ("信息", {"fields": ("kind", "status", "owner_display", "title", "submitted_at", "review_due_at")}),
        ("机审结果", {"fields": ("hits",)}),
        ("内容", {"fields": ("content", "pending_edit", "media_previews")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Same rows as the API's queue, on the proxy model so the console's URLs fit.
        return selectors.review_queue(base=ReviewQueueItem.objects.all())

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # Oldest submission first; the annotation is not a model field, so it cannot be ``ordering``.
        return ["queue_submitted_at", "id"]

    def get_urls(self) -> list[Any]:
        return self.decision_urls() + super().get_urls()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="类型")
    def edit_badge(self, obj: Any) -> str:
        return "修改" if obj.is_edit else "新发布"

    @admin.display(description="机审标记", ordering="queue_flagged")
    def flag_badge(self, obj: Any) -> str:
        if not obj.queue_flagged:
            return "—"
        return self.hits(obj)

    @admin.display(description="提交时间", ordering="queue_submitted_at")
    def submitted(self, obj: Any) -> str:
        return f"{timezone.localtime(obj.queue_submitted_at):%m-%d %H:%M}" if obj.queue_submitted_at else "—"

    @admin.display(description="审核截止", ordering="queue_due_at")
    def due(self, obj: Any) -> str:
        return _due_html(obj.queue_due_at)


@admin.register(Post)
class PostAdmin(DecisionMixin, ReadOnlyPostFields, ModelAdmin):
    """全部信息：按状态查看已通过 / 已驳回 / 已下架 / 已过期，必要时由平台下架。"""

    list_display = ("id", "title", "kind", "status", "owner_display", "is_flagged", "published_at", "valid_until")
    list_display_links = ("id", "title")
    list_filter = ("status", "kind", "is_flagged", "created_at")
    search_fields = ("title", "search_text", "owner__display_name")
    list_select_related = ("owner",)
    ordering = ("-created_at",)
    list_per_page = 50
    actions = ["approve_selected", "reject_selected", "operator_take_down"]
    actions_detail = ["approve_detail", "reject_detail"]
    readonly_fields = POST_READONLY
    fieldsets = (
        ("信息", {"fields": ("kind", "status", "owner_display", "title", "valid_until", "reject_reason")}),
        ("时间", {"fields": ("submitted_at", "review_due_at", "published_at", "refreshed_at")}),
        ("机审结果", {"fields": ("hits",)}),
        ("内容", {"fields": ("content", "pending_edit", "media_previews")}),
        ("数据", {"fields": ("view_count", "contact_count")}),
    )

    def get_urls(self) -> list[Any]:
        return self.decision_urls() + super().get_urls()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="平台下架所选信息（违规）", permissions=["change"])
    def operator_take_down(self, request: HttpRequest, queryset: QuerySet[Post]) -> None:
        done = 0
        for post in queryset.filter(status=PostStatus.PUBLISHED):
            try:
                services.take_down_by_operator(operator=request.user, post_id=post.pk, reason="违反平台发布规则")  # type: ignore[arg-type]
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{post.pk}：{exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"已下架 {done} 条信息，已通知发布者", messages.SUCCESS)


@admin.register(RejectReasonTemplate)
class RejectReasonTemplateAdmin(ModelAdmin):
    list_display = ("title", "text", "category", "sort_order", "is_active")
    list_editable = ("sort_order", "is_active")
    list_filter = ("category", "is_active")
    search_fields = ("title", "text")


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ModelAdmin):
    """审核记录：已通过 / 已驳回列表，谁在何时因何作出决定；以及屡次违规、建议限制发布的账号。"""

    list_display = ("at", "post_link", "decision", "reviewer", "owner", "category", "reason")
    list_filter = ("decision", "category", "at")
    search_fields = ("reason", "post__title")
    list_select_related = ("post", "reviewer", "owner")
    ordering = ("-at",)
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="信息")
    def post_link(self, obj: ReviewDecision) -> str:
        if obj.post is None:
            return "（已删除）"
        url = reverse("admin:listings_post_change", args=[obj.post_id])
        return format_html('<a href="{}">#{} {}</a>', url, obj.post_id, obj.post.title)

    def get_urls(self) -> list[Any]:
        custom = [
            path(
                "offenders/",
                self.admin_site.admin_view(self.offenders_view),
                name="listings_reviewdecision_offenders",
            )
        ]
        return custom + super().get_urls()

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        offenders = selectors.repeat_offenders()
        if offenders:
            url = reverse("admin:listings_reviewdecision_offenders")
            self.message_user(
                request,
                format_html(
                    '有 {} 个账号 30 天内多次因违规内容被驳回，<a href="{}">查看并建议限制发布</a>', len(offenders), url
                ),
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    def offenders_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise DjangoPermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "屡次违规账号（建议限制发布）",
            "offenders": [{"offender": o, "url": _account_admin_url(o.user)} for o in selectors.repeat_offenders()],
        }
        return TemplateResponse(request, "admin/listings/offenders.html", context)
