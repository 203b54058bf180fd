"""对接记录 in the console, read-only, for support staff. Conversations have no console page on purpose
(R-OPS-3): operators read one only while handling a complaint about it, through
``messaging.services.open_conversation_for_complaint``, which is audit-logged. The one exception is
审核中心 → 待审聊天消息: single messages the moderation pipeline held, shown to reviewers (``REVIEW_CHAT``)
to release or reject (``messaging.review``, issue #12)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from unfold.admin import ModelAdmin, TabularInline

from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import AppError
from messaging import review
from messaging.models import Connection, ConnectionEvent, HeldMessage, MessageKind


class ConnectionEventInline(TabularInline):
    model = ConnectionEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "from_status", "to_status")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Connection)
class ConnectionAdmin(ModelAdmin):
    list_display = ("id", "initiator", "counterpart", "subject", "status", "created_at", "first_reply_at", "deal_at")
    list_filter = ("status", ("created_at", admin.DateFieldListFilter), ("deal_at", admin.DateFieldListFilter))
    list_select_related = ("initiator", "counterpart", "post", "factory")
    search_fields = ("=id", "=initiator__id", "=counterpart__id")
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = (ConnectionEventInline,)
    fields = (
        "initiator",
        "counterpart",
        "post",
        "factory",
        "status",
        "created_at",
        "first_reply_at",
        "status_changed_at",
        "deal_at",
        "credited_factory",
    )
    readonly_fields = fields

    @admin.display(description="对接对象")
    def subject(self, obj: Connection) -> str:
        if obj.post_id is not None:
            return f"信息：{obj.post}"
        if obj.factory_id is not None:
            return f"工厂：{obj.factory}"
        return "（已删除）"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(HeldMessage)
class HeldMessageAdmin(ModelAdmin):
    list_display = ("id", "created_at", "sender", "recipient", "content", "reasons")
    list_select_related = ("sender", "conversation__user_low", "conversation__user_high", "file")
    fields = ("created_at", "sender", "recipient", "content", "reasons")
    readonly_fields = fields
    actions = ["release_selected", "reject_selected"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[HeldMessage]:
        return review.held_messages().select_related("conversation__user_low", "conversation__user_high")

    # Only reviewers open this page (support's view rights on messaging do not reach chat content).
    def _reviewer(self, request: HttpRequest) -> bool:
        return has_console_permission(request.user, ConsolePermission.REVIEW_CHAT)  # type: ignore[arg-type]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._reviewer(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._reviewer(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._reviewer(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="接收人")
    def recipient(self, obj: HeldMessage) -> Any:
        conversation = obj.conversation
        return conversation.user_high if obj.sender_id == conversation.user_low_id else conversation.user_low

    @admin.display(description="内容")
    def content(self, obj: HeldMessage) -> str:
        if obj.kind in (MessageKind.IMAGE, MessageKind.FILE):
            name = obj.file.original_name if obj.file is not None else "（文件已删除）"
            return f"[{obj.get_kind_display()}] {name}"
        return str(obj.text)

    @admin.display(description="拦截原因")
    def reasons(self, obj: HeldMessage) -> str:
        moderation = obj.moderation or {}
        reasons = list(moderation.get("reasons") or [])
        if moderation.get("wechat_media") is not None:
            reasons.append(f"微信图片安全检测疑似违规（标签 {moderation['wechat_media']}）")
        if not reasons:
            return "—"
        return format_html_join(mark_safe("<br>"), "{}", ((r,) for r in reasons))

    @admin.action(description="放行所选消息（送达对方）", permissions=["change"])
    def release_selected(self, request: HttpRequest, queryset: QuerySet[HeldMessage]) -> None:
        done = 0
        for message_id in queryset.values_list("pk", flat=True):
            try:
                review.release_message(reviewer=request.user, message_id=message_id)  # type: ignore[arg-type]
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{message_id}：{exc.message}", messages.WARNING)
        if done:
            self.message_user(request, f"已放行 {done} 条消息，对方现在可以看到", messages.SUCCESS)

    @admin.action(description="驳回所选消息（填写原因，告知发送人）", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[HeldMessage]) -> HttpResponse | None:
        reason = (request.POST.get("reason") or "").strip()
        error = ""
        if request.POST.get("confirm") == "yes":
            try:
                for message_id in queryset.values_list("pk", flat=True):
                    review.reject_message(reviewer=request.user, message_id=message_id, reason=reason)  # type: ignore[arg-type]
            except AppError as exc:
                error = exc.message
            else:
                self.message_user(request, "已驳回并告知发送人，对方不会收到这些消息", messages.SUCCESS)
                return None
        return TemplateResponse(
            request,
            "admin/messaging/reject_message.html",
            {
                **self.admin_site.each_context(request),
                "items": list(queryset.select_related("sender")),
                "reason": reason,
                "error": error,
                "back_url": reverse("admin:messaging_heldmessage_changelist"),
                "title": "驳回聊天消息",
            },
        )
