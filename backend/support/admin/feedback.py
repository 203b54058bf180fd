"""意见反馈 (R-APP-4): feedback and the operator's reply."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from unfold.admin import ModelAdmin
from unfold.decorators import action

from common.errors import AppError
from support import services
from support.admin.display import _files_html, _operator
from support.admin.forms import ReplyForm
from support.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(ModelAdmin):
    """意见反馈：待回复的在前；回复后用户在「意见反馈」中可见。"""

    list_display = ("id", "created_at", "category", "status", "user", "excerpt", "contact_ok", "replied_at")
    list_display_links = ("id", "created_at")
    list_filter = ("status", "category", ("created_at", admin.DateFieldListFilter))
    search_fields = ("=id", "content", "user__display_name")
    list_select_related = ("user",)
    ordering = ("-status", "created_at")
    list_per_page = 50
    actions_detail = ["reply_detail"]
    fields = (
        "user",
        "category",
        "status",
        "created_at",
        "content",
        "image_previews",
        "contact_ok",
        "reply",
        "replied_by",
        "replied_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

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

    @admin.display(description="内容")
    def excerpt(self, obj: Feedback) -> str:
        return obj.content[:40] + ("…" if len(obj.content) > 40 else "")

    @admin.display(description="图片")
    def image_previews(self, obj: Feedback) -> SafeString | str:
        return _files_html(list(obj.images.all()))

    @action(description="回复", url_path="reply", permissions=["change"])
    def reply_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        feedback = self.get_object(request, object_id)
        if feedback is None:
            raise DjangoPermissionDenied
        change_url = reverse("admin:support_feedback_change", args=[feedback.pk])
        form = ReplyForm(request.POST if request.method == "POST" else None, initial={"reply": feedback.reply})
        if request.method == "POST" and form.is_valid():
            try:
                services.reply_feedback(
                    operator=_operator(request), feedback_id=feedback.pk, reply=form.cleaned_data["reply"]
                )
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
            else:
                self.message_user(request, "已回复，用户会收到通知", messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "回复意见反馈",
            "heading": "回复意见反馈",
            "summary": [
                f"反馈 #{feedback.pk} · {feedback.get_category_display()} · {feedback.user}"
                + ("（同意客服联系）" if feedback.contact_ok else ""),
                f"内容：{feedback.content[:500]}",
            ],
            "form": form,
            "submit_label": "发送回复",
            "back_url": change_url,
        }
        return TemplateResponse(request, "admin/support/form.html", context)
