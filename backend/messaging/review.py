"""Human review of chat messages the moderation pipeline held (issue #12): a held message is stored and
shown to its sender, the recipient reads ``pipeline.HELD_TEXT``. A reviewer (``REVIEW_CHAT``) releases it —
the recipient then sees it as sent, pushed over the WebSocket like a new message — or rejects it, and the
sender is told why (a notification and the message's ``review_reason``). Each decision is audit-logged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import Conflict, NotFound, field_error
from messaging import realtime
from messaging.display import review_state
from messaging.models import HeldMessage, Message
from notifications.models import NotificationKind
from notifications.services import notify

if TYPE_CHECKING:
    from accounts.models import User


def held_messages() -> QuerySet[HeldMessage]:
    """Messages waiting for a reviewer, oldest first (the console's 待审聊天消息)."""
    return (
        HeldMessage.objects.filter(moderation__held=True)
        .select_related("sender", "conversation", "file")
        .order_by("created_at", "id")
    )


def _held(message_id: int) -> Message:
    message = Message.objects.select_for_update().select_related("conversation").filter(pk=message_id).first()
    if message is None:
        raise NotFound("消息不存在")
    state = review_state(message)
    if state != "held":
        done = "已驳回" if state == "rejected" else "已送达"
        raise Conflict("already_reviewed", f"该消息{done}，无需重复处理")
    return message


def _decided(message: Message, *, reviewer: User, **changes: object) -> None:
    message.moderation = {
        **(message.moderation or {}),
        **changes,
        "reviewer_id": reviewer.pk,
        "reviewed_at": timezone.now().isoformat(),
    }
    message.save(update_fields=["moderation"])


@transaction.atomic
def release_message(*, reviewer: User, message_id: int) -> Message:
    """Delivers a held message: the recipient sees it (masked as usual) and both sockets get it again."""
    require_console_permission(reviewer, ConsolePermission.REVIEW_CHAT)
    message = _held(message_id)
    _decided(message, reviewer=reviewer, held=False, review="released")
    conversation = message.conversation
    realtime.push_message_after_commit(
        message_id=message.pk,
        participant_ids=(conversation.user_low_id, conversation.user_high_id),
    )
    audit.record(actor=reviewer, action="messaging.held_message_released", target=message)
    return message


@transaction.atomic
def reject_message(*, reviewer: User, message_id: int, reason: str) -> Message:
    """Keeps a held message from the recipient for good; the sender is notified with the reason."""
    require_console_permission(reviewer, ConsolePermission.REVIEW_CHAT)
    reason = (reason or "").strip()
    if not 2 <= len(reason) <= 200:
        raise field_error("reason", "length", "请填写 2–200 字的驳回原因")
    message = _held(message_id)
    _decided(message, reviewer=reviewer, held=False, review="rejected", reject_reason=reason)
    conversation = message.conversation
    notify(
        recipient=message.sender,
        kind=NotificationKind.REVIEW_RESULT,
        title="你的一条聊天消息未通过审核",
        body=f"原因：{reason}。该消息未发送给对方",
        link=f"/pages/messages/chat?id={conversation.pk}",
        target=conversation,
        dedupe_key=f"messaging.message_rejected:{message.pk}",
    )
    realtime.push_message_after_commit(
        message_id=message.pk,
        participant_ids=(conversation.user_low_id, conversation.user_high_id),
    )
    audit.record(actor=reviewer, action="messaging.held_message_rejected", target=message, reason=reason)
    return message
