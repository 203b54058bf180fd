"""纠纷处理 (R-OPS-4): the complaint queue, mediation and outcomes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from unfold.admin import ModelAdmin, TabularInline
from unfold.decorators import action

from accounts.identity import public_name
from common.errors import AppError
from support import selectors, services
from support.admin.display import STATUS_COLOURS, _files_html, _operator
from support.admin.forms import DismissForm, NoteForm, ResolveForm
from support.models import (
    OPEN_STATUSES,
    Complaint,
    ComplaintNote,
    TargetType,
)
from uploads.links import file_url


class OpenFilter(admin.SimpleListFilter):
    title = "是否办结"
    parameter_name = "open"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "未办结（已提交/处理中）"), ("no", "已办结")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "yes":
            return queryset.filter(status__in=OPEN_STATUSES)
        if self.value() == "no":
            return queryset.exclude(status__in=OPEN_STATUSES)
        return queryset


class ComplaintNoteInline(TabularInline):
    model = ComplaintNote
    extra = 0
    can_delete = False
    fields = ("created_at", "author", "kind", "text")
    readonly_fields = fields
    verbose_name_plural = "处理记录（备注、联系记录）"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Complaint)
class ComplaintAdmin(ModelAdmin):
    """纠纷处理：未办结的投诉在前，最早提交的在前。"""

    list_display = (
        "id",
        "created_at",
        "category",
        "status_badge",
        "complainant",
        "target_user",
        "target_summary",
        "assignee",
        "outcome",
    )
    list_display_links = ("id", "created_at")
    list_filter = (OpenFilter, "status", "category", "outcome", ("created_at", admin.DateFieldListFilter))
    search_fields = ("=id", "description", "complainant__display_name", "target_user__display_name")
    list_per_page = 50
    inlines = (ComplaintNoteInline,)
    actions = ["assign_to_me"]
    actions_detail = ["assign_detail", "note_detail", "resolve_detail", "dismiss_detail"]
    fieldsets = (
        (
            "投诉",
            {"fields": ("status_badge", "category", "complainant", "created_at", "description", "evidence_previews")},
        ),
        ("被投诉对象", {"fields": ("target_type", "target_user", "target_summary", "conversation_link")}),
        ("处理", {"fields": ("assignee", "outcome", "outcome_note", "resolved_at")}),
    )
    readonly_fields = (
        "status_badge",
        "category",
        "complainant",
        "created_at",
        "description",
        "evidence_previews",
        "target_type",
        "target_user",
        "target_summary",
        "conversation_link",
        "assignee",
        "outcome",
        "outcome_note",
        "resolved_at",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Complaint]:
        # Not super(): it orders by ``is_closed`` before the annotation exists.
        return selectors.complaint_queue().order_by(*self.get_ordering(request))

    def get_ordering(self, request: HttpRequest) -> list[str]:
        return ["is_closed", "created_at", "id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions_detail(self, request: HttpRequest, object_id: Any) -> list[Any]:
        actions = super().get_actions_detail(request, object_id)
        if Complaint.objects.filter(pk=object_id, status__in=OPEN_STATUSES).exists():
            return actions
        # A closed complaint only takes further notes.
        return [a for a in actions if a.action_name.endswith("_note_detail")]

    def changeform_view(
        self, request: HttpRequest, object_id: str | None = None, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    # --- columns and fields ---
    @admin.display(description="状态", ordering="status")
    def status_badge(self, obj: Complaint) -> str:
        return format_html(
            '<span style="color:{};font-weight:600">{}</span>',
            STATUS_COLOURS.get(obj.status, "inherit"),
            obj.get_status_display(),
        )

    @admin.display(description="投诉对象")
    def target_summary(self, obj: Complaint) -> str:
        if obj.target_type == TargetType.POST:
            if obj.post_id is None:
                return "信息（已删除）"
            url = reverse("admin:listings_post_change", args=[obj.post_id])
            return format_html('信息 <a href="{}">#{} {}</a>', url, obj.post_id, obj.post.title if obj.post else "")
        if obj.target_type == TargetType.CONNECTION:
            return f"对接 #{obj.connection_id}" if obj.connection_id else "对接（已删除）"
        return f"用户 #{obj.target_user_id}"

    @admin.display(description="证据")
    def evidence_previews(self, obj: Complaint) -> SafeString | str:
        return _files_html(list(obj.evidence.all()))

    @admin.display(description="争议会话")
    def conversation_link(self, obj: Complaint) -> str:
        if obj.target_type != TargetType.CONNECTION or obj.connection_id is None:
            return "—（仅针对对接记录的投诉可查看会话）"
        url = reverse("admin:support_complaint_conversation", args=[obj.pk])
        return format_html(
            '<a href="{}" class="font-semibold text-primary-600">查看争议会话</a>（查看将记入操作日志）', url
        )

    # --- actions ---
    def _assign(self, request: HttpRequest, complaints: list[Complaint]) -> None:
        done = 0
        for complaint in complaints:
            try:
                services.assign(operator=_operator(request), complaint_id=complaint.pk)
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{complaint.pk}：{exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"已领取 {done} 条投诉，状态改为处理中", messages.SUCCESS)

    @admin.action(description="分配给我（开始处理）", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Complaint]) -> None:
        self._assign(request, list(queryset))

    def _change_url(self, object_id: Any) -> str:
        return reverse("admin:support_complaint_change", args=[object_id])

    @action(description="分配给我", url_path="assign", permissions=["change"])
    def assign_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method == "POST":
            self._assign(request, list(Complaint.objects.filter(pk=int(object_id))))
            return HttpResponseRedirect(self._change_url(object_id))
        complaint = self._complaint(request, object_id)
        return self._render_form(
            request, complaint, heading="领取这条投诉并开始处理？", form=forms.Form(), submit_label="确认领取"
        )

    @action(description="添加处理记录", url_path="add-note", permissions=["change"])
    def note_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        complaint = self._complaint(request, object_id)
        form = NoteForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.add_note(
                    operator=_operator(request),
                    complaint_id=complaint.pk,
                    text=form.cleaned_data["text"],
                    kind=form.cleaned_data["kind"],
                )
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
            else:
                self.message_user(request, "已添加处理记录", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(complaint.pk))
        return self._render_form(request, complaint, heading="添加处理记录", form=form, submit_label="保存记录")

    @action(description="处理（选择结果）", url_path="resolve", permissions=["change"])
    def resolve_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        complaint = self._complaint(request, object_id)
        form = ResolveForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.resolve(
                    operator=_operator(request),
                    complaint_id=complaint.pk,
                    outcome=form.cleaned_data["outcome"],
                    note=form.cleaned_data["note"],
                    until=form.cleaned_data.get("until"),
                )
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
            else:
                self.message_user(request, "投诉已处理，处理结果已通知投诉双方", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(complaint.pk))
        return self._render_form(
            request,
            complaint,
            heading="处理投诉",
            form=form,
            submit_label="确认处理并通知双方",
            hint="下架信息会下架被投诉的信息；限制发布 / 禁用账号作用于被投诉方账号，可设截止时间。",
        )

    @action(description="不予受理", url_path="dismiss", permissions=["change"])
    def dismiss_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        complaint = self._complaint(request, object_id)
        form = DismissForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.dismiss(operator=_operator(request), complaint_id=complaint.pk, note=form.cleaned_data["note"])
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
            else:
                self.message_user(request, "已不予受理，原因已通知投诉人", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(complaint.pk))
        return self._render_form(request, complaint, heading="不予受理", form=form, submit_label="确认不予受理")

    # --- custom pages ---
    def get_urls(self) -> list[Any]:
        custom = [
            path(
                "<int:object_id>/conversation/",
                self.admin_site.admin_view(self.conversation_view),
                name="support_complaint_conversation",
            )
        ]
        return custom + super().get_urls()

    def _complaint(self, request: HttpRequest, object_id: Any) -> Complaint:
        complaint = self.get_object(request, str(object_id))
        if complaint is None or not self.has_view_permission(request, complaint):
            raise DjangoPermissionDenied
        return complaint

    def _summary(self, complaint: Complaint) -> list[str]:
        return [
            f"投诉 #{complaint.pk} · {complaint.get_category_display()} · {complaint.get_status_display()}",
            f"投诉人：{complaint.complainant}　被投诉方：{complaint.target_user}",
            f"内容：{complaint.description[:200]}",
        ]

    def _render_form(
        self,
        request: HttpRequest,
        complaint: Complaint,
        *,
        heading: str,
        form: forms.Form,
        submit_label: str,
        hint: str = "",
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": heading,
            "heading": heading,
            "summary": self._summary(complaint),
            "hint": hint,
            "form": form,
            "submit_label": submit_label,
            "back_url": self._change_url(complaint.pk),
        }
        return TemplateResponse(request, "admin/support/form.html", context)

    def conversation_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """The disputed conversation, opened through messaging's audited access (R-OPS-3)."""
        complaint = self._complaint(request, object_id)
        try:
            rows = services.view_disputed_conversation(operator=_operator(request), complaint_id=complaint.pk)
        except AppError as exc:
            if exc.status_code == 403:
                raise DjangoPermissionDenied(exc.message) from exc
            self.message_user(request, exc.message, messages.ERROR)
            return HttpResponseRedirect(self._change_url(complaint.pk))
        roles = {complaint.complainant_id: "投诉人", complaint.target_user_id: "被投诉方"}
        shown = [
            {
                "at": timezone.localtime(m.created_at),
                "sender": public_name(m.sender, fallback=f"用户 #{m.sender_id}"),
                "role": roles.get(m.sender_id, ""),
                "text": m.text or ("" if m.file_id else "（已删除）"),
                "file": format_html(
                    '<a href="{}" target="_blank" rel="noopener">[{}]</a> ', file_url(m.file), m.get_kind_display()
                )
                if m.file_id and m.file is not None
                else "",
            }
            for m in rows
        ]
        heading = f"争议会话（投诉 #{complaint.pk}）"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": heading,
            "heading": heading,
            "complaint": complaint,
            "rows": shown,
            "back_url": self._change_url(complaint.pk),
        }
        return TemplateResponse(request, "admin/support/conversation.html", context)
