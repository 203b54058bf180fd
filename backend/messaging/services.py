"""Writes of messaging: 联系对方 (R-FLOW-3, R-APP-5), chat (R-APP-6), connection progress (R-APP-4),
contact sharing (R-PLUS-3), blocks, and the operators' complaint access (R-OPS-3)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.identity import public_name
from accounts.models import User
from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import AppError, Conflict, NotFound, PermissionDenied, field_error
from factories.models import FactoryProfile
from factories.selectors import get_factory_for
from listings import registry
from listings.models import Post
from listings.selectors import get_post_for
from messaging import realtime, selectors
from messaging.display import preview
from messaging.models import (
    Block,
    Connection,
    ConnectionEvent,
    ConnectionStatus,
    ContactShare,
    Conversation,
    Message,
    MessageKind,
)
from moderation import pipeline
from moderation.contacts import mask_contacts
from notifications.models import NotificationKind
from notifications.services import notify
from uploads.models import FileKind, FilePurpose
from uploads.selectors import files_owned_by

MAX_TEXT_CHARS = 2000
MANUAL_STATUSES = (ConnectionStatus.NEGOTIATING, ConnectionStatus.DEAL, ConnectionStatus.NO_DEAL)


@dataclass(frozen=True)
class ContactResult:
    conversation: Conversation
    connection: Connection
    created: bool


def _conversation_between(a: User, b: User) -> Conversation:
    low, high = sorted((a.pk, b.pk))
    conversation, _ = Conversation.objects.get_or_create(user_low_id=low, user_high_id=high)
    return conversation


def _refuse_unreachable(*, recipient: User, you_blocked: bool, blocked_you: bool) -> None:
    """Refuses when the other account is gone or either side blocked the other."""
    if recipient.is_disabled or not recipient.is_active:
        raise Conflict("counterpart_unavailable", "对方账号已停用，无法发送消息")
    if you_blocked:
        raise PermissionDenied("你已屏蔽对方，解除屏蔽后才能发送消息", code="you_blocked")
    if blocked_you:
        raise PermissionDenied("对方已拒收你的消息", code="blocked_by_counterpart")


def _ensure_can_reach(*, sender: User, recipient: User) -> None:
    block = selectors.is_blocked_between(sender.pk, recipient.pk)
    mine = block is not None and block.blocker_id == sender.pk
    _refuse_unreachable(recipient=recipient, you_blocked=mine, blocked_you=block is not None and not mine)


def _locked_conversation(*, user: User, conversation_id: Any) -> Conversation:
    conversation = selectors.participant_conversation(user=user, conversation_id=conversation_id)
    return Conversation.objects.select_for_update().get(pk=conversation.pk)


def _user(user_id: int) -> User:
    return User.objects.get(pk=user_id)


def _name(user: User) -> str:
    return public_name(user)


# --- 联系对方 --------------------------------------------------------------------------------------


@transaction.atomic
def contact(
    *, initiator: User, post_id: int | None = None, factory_id: int | None = None, message: str = ""
) -> ContactResult:
    """Opens (or reopens) the one conversation between the two accounts and records the connection.

    Repeating it for the same item finds the same connection and conversation and counts nothing again.
    """
    if (post_id is None) == (factory_id is None):
        raise field_error("post_id", "one_of", "请指定要联系的信息或工厂（二选一）")
    post = factory = None
    if post_id is not None:
        post = get_post_for(user=initiator, post_id=post_id)
        counterpart, subject_key, subject_title = post.owner, f"post:{post.pk}", str(post)
    else:
        factory = get_factory_for(user=initiator, factory_id=int(factory_id or 0))
        counterpart, subject_key, subject_title = factory.owner, f"factory:{factory.pk}", factory.name
    if counterpart.pk == initiator.pk:
        raise AppError("cannot_contact_self", "不能联系自己")
    _ensure_can_reach(sender=initiator, recipient=counterpart)

    conversation = _conversation_between(initiator, counterpart)
    now = timezone.now()
    connection, created = Connection.objects.get_or_create(
        initiator=initiator,
        counterpart=counterpart,
        subject_key=subject_key,
        defaults={"post": post, "factory": factory, "conversation": conversation, "status_changed_at": now},
    )
    if created:
        ConnectionEvent.objects.create(
            connection=connection, actor=initiator, from_status="", to_status=ConnectionStatus.CONTACTED
        )
        if post is not None:
            Post.objects.filter(pk=post.pk).update(contact_count=F("contact_count") + 1)
        name = _name(initiator)
        notify(
            recipient=counterpart,
            kind=NotificationKind.NEW_CONTACT,
            title=f"{name} 联系了你",
            body=f"关于：{subject_title}",
            link=f"/pages/messages/chat?id={conversation.pk}",
            target=conversation,
            dedupe_key=f"messaging.contact:{connection.pk}",
            wechat_purpose="new_message",
            wechat_data={"thing1": name[:20], "thing2": f"关于：{subject_title}"[:20]},
        )
        # The counterpart was just told; the opening message below need not notify them again.
        side = conversation.side(counterpart.pk)
        Conversation.objects.filter(pk=conversation.pk).update(**{f"{side}_notify_pending": True})
    if message and message.strip():
        send_message(sender=initiator, conversation_id=conversation.pk, text=message)
    return ContactResult(conversation=conversation, connection=connection, created=created)


# --- messages --------------------------------------------------------------------------------------


def _screen_text(*, text: str, author: User) -> tuple[str, bool, dict[str, Any]]:
    """The pipeline's ``chat_text`` rules: a banned word refuses the message; contact details are masked for
    the recipient; flagged words mark it for the console. A message asking for money (押金, 培训费 …) — or a
    flagged one from an author WeChat cannot vouch for (no openid) — is held: stored and shown to its
    sender, but the recipient sees ``pipeline.HELD_TEXT`` instead of the text (``messaging.display``)."""
    screened = pipeline.screen(place="chat_text", texts={"text": text}, author=author)
    result = screened.moderation
    masked = mask_contacts(text) if result.contacts else ""
    moderation = {
        "flagged": result.flagged_words,
        "contacts": sorted({hit.kind for hit in result.contacts}),
        "wechat_risky": result.wechat_risky,
        "held": screened.held,
        "reasons": screened.reasons,
        "fee_requests": screened.fee_requests,
    }
    flagged = bool(result.flagged or result.wechat_risky or screened.held)
    return (masked if masked != text else ""), flagged, moderation


def _deliver(
    *,
    conversation: Conversation,
    sender: User,
    recipient: User,
    kind: str,
    text: str = "",
    masked_text: str = "",
    file: Any = None,
    is_flagged: bool = False,
    moderation: dict[str, Any] | None = None,
    sender_shared: bool,
    awaiting_reply: bool = True,
) -> Message:
    """Stores the message, then one UPDATE of the conversation's counters; the push renders the message
    from this row (no re-read). ``sender_shared`` / ``awaiting_reply``: as ``selectors.conversation_for_sending``
    gives them (a connection to move to 已回复 is looked for only when one awaits)."""
    message = Message.objects.create(
        conversation=conversation,
        sender=sender,
        kind=kind,
        text=text,
        masked_text=masked_text,
        file=file,
        is_flagged=is_flagged,
        moderation=moderation or {},
    )
    now = message.created_at
    mine, theirs = conversation.side(sender.pk), conversation.side(recipient.pk)
    notify_now = not getattr(conversation, f"{theirs}_notify_pending")
    # Writing in a conversation means having read it up to here.
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message=message,
        last_message_at=now,
        **{
            f"{theirs}_unread": F(f"{theirs}_unread") + 1,
            f"{mine}_unread": 0,
            f"{mine}_last_read_at": now,
            f"{mine}_notify_pending": False,
            f"{theirs}_notify_pending": True,
        },
    )

    # The counterpart's first answer moves each connection they received here to 已回复 (R-FLOW-3).
    awaiting = Connection.objects.select_for_update().filter(
        conversation=conversation, counterpart=sender, first_reply_at__isnull=True
    )
    for connection in awaiting if awaiting_reply else ():
        connection.first_reply_at = now
        fields = ["first_reply_at"]
        if connection.status == ConnectionStatus.CONTACTED:
            connection.status = ConnectionStatus.REPLIED
            connection.status_changed_at = now
            fields += ["status", "status_changed_at"]
            ConnectionEvent.objects.create(
                connection=connection,
                actor=sender,
                from_status=ConnectionStatus.CONTACTED,
                to_status=ConnectionStatus.REPLIED,
            )
            # Both open chats show the progress change without a reload.
            event = {
                "type": "connection",
                "connection_id": connection.pk,
                "status": connection.status,
                "by_user_id": sender.pk,
            }
            for participant in (connection.initiator_id, connection.counterpart_id):
                realtime.push_after_commit(participant, event)
        connection.save(update_fields=fields)

    if notify_now:
        name = _name(sender)
        body = preview(message, viewer_id=recipient.pk, sender_shared=kind == MessageKind.CONTACT_SHARE)
        notify(
            recipient=recipient,
            kind=NotificationKind.NEW_MESSAGE,
            title=f"{name} 给你发来新消息",
            body=body,
            link=f"/pages/messages/chat?id={conversation.pk}",
            target=conversation,
            dedupe_key=f"messaging.message:{message.pk}",
            wechat_purpose="new_message",
            wechat_data={"thing1": name[:20], "thing2": (body or "新消息")[:20]},
        )
    realtime.push_new_message_after_commit(
        message=message,
        sender_shared=sender_shared,
        participant_ids=(conversation.user_low_id, conversation.user_high_id),
    )
    return message


@transaction.atomic
def send_message(*, sender: User, conversation_id: int, text: str | None = None, file_id: Any = None) -> Message:
    """A text, or an attachment uploaded with purpose ``chat_attachment`` (R-APP-6).

    Issue #13: the conversation, the recipient, blocks and share state come in one locking query; then the
    INSERT and one UPDATE (plus a notification when the recipient has none pending)."""
    target = selectors.conversation_for_sending(user=sender, conversation_id=conversation_id)
    conversation, recipient = target.conversation, target.recipient
    text = (text or "").strip()
    if text and file_id:
        raise field_error("text", "one_of", "文字和附件请分开发送")
    if not text and not file_id:
        raise field_error("text", "required", "请输入消息内容")
    if len(text) > MAX_TEXT_CHARS:
        raise field_error("text", "max_length", f"消息不能超过 {MAX_TEXT_CHARS} 字")
    _refuse_unreachable(recipient=recipient, you_blocked=target.you_blocked, blocked_you=target.blocked_you)

    if text:
        masked, flagged, moderation = _screen_text(text=text, author=sender)
        return _deliver(
            conversation=conversation,
            sender=sender,
            recipient=recipient,
            kind=MessageKind.TEXT,
            text=text,
            masked_text=masked,
            is_flagged=flagged,
            moderation=moderation,
            sender_shared=target.sender_shared,
            awaiting_reply=target.awaiting_reply,
        )
    stored = files_owned_by(user=sender, ids=[file_id], purposes=[FilePurpose.CHAT_ATTACHMENT], field="file_id")[0]
    # A file's name is text the recipient reads; an image goes to WeChat's image check after commit.
    screened = pipeline.screen(place="chat_file", texts={"file_id": stored.original_name}, author=sender)
    message = _deliver(
        conversation=conversation,
        sender=sender,
        recipient=recipient,
        kind=MessageKind.IMAGE if stored.kind == FileKind.IMAGE else MessageKind.FILE,
        file=stored,
        is_flagged=screened.needs_attention,
        moderation={"reasons": screened.reasons} if screened.reasons else None,
        sender_shared=target.sender_shared,
        awaiting_reply=target.awaiting_reply,
    )
    pipeline.check_images(place="chat_file", files=[stored], author=sender, target=message)
    return message


@dataclass(frozen=True)
class ReadMark:
    conversation_id: int
    last_read_at: Any
    unread: int = 0


@transaction.atomic
def mark_read(*, user: User, conversation_id: int) -> ReadMark:
    conversation = _locked_conversation(user=user, conversation_id=conversation_id)
    side = conversation.side(user.pk)
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(
        **{f"{side}_unread": 0, f"{side}_last_read_at": now, f"{side}_notify_pending": False}
    )
    event = {
        "type": "read",
        "conversation_id": conversation.pk,
        "user_id": user.pk,
        "last_read_at": now.isoformat(),
    }
    for participant in (conversation.user_low_id, conversation.user_high_id):
        realtime.push_after_commit(participant, event)
    return ReadMark(conversation_id=conversation.pk, last_read_at=now)


@transaction.atomic
def share_phone(*, user: User, conversation_id: int) -> Message:
    """Sends the user's own phone to the other participant and unmasks the contact details they typed in
    this conversation (R-PLUS-3). Sharing again returns the earlier share."""
    conversation = _locked_conversation(user=user, conversation_id=conversation_id)
    existing = ContactShare.objects.filter(conversation=conversation, user=user).select_related("message").first()
    if existing is not None and existing.message is not None:
        return existing.message
    if not user.phone:
        raise Conflict("phone_missing", "你还没有绑定手机号，绑定后才能分享")
    recipient = _user(conversation.other_id(user.pk))
    _ensure_can_reach(sender=user, recipient=recipient)
    share, _ = ContactShare.objects.get_or_create(conversation=conversation, user=user)
    message = _deliver(
        conversation=conversation,
        sender=user,
        recipient=recipient,
        kind=MessageKind.CONTACT_SHARE,
        text=user.phone,
        sender_shared=True,
    )
    share.message = message
    share.save(update_fields=["message"])
    audit.record(actor=user, action="messaging.phone_shared", target=conversation)
    return message


# --- connection progress ---------------------------------------------------------------------------


def _factory_to_credit(connection: Connection) -> FactoryProfile | None:
    """Whose 接单量 a deal adds to: the factory that supplies. A factory page or a supply post (stock,
    processing service) credits its owner; a demand (procurement, processing demand) credits the
    factory that answered it; a labour post is hiring, not an order."""
    if connection.factory_id is not None:
        return FactoryProfile.objects.filter(pk=connection.factory_id).first()
    post = connection.post
    if post is None:
        return None
    supplier = registry.get(post.kind).supplier
    if supplier == "owner":
        return FactoryProfile.objects.filter(owner_id=post.owner_id).first()
    if supplier == "initiator":
        return FactoryProfile.objects.filter(owner_id=connection.initiator_id).first()
    return None


@transaction.atomic
def update_connection_status(*, user: User, connection_id: int, status: str) -> Connection:
    """Either party moves a connection to 洽谈中 / 已成交 / 未成交 (已联系 and 已回复 are set by events)."""
    if status not in MANUAL_STATUSES:
        raise field_error("status", "choice", "进度只能改为洽谈中、已成交或未成交")
    connection = (
        Connection.objects.select_for_update(of=("self",))
        .select_related("post")
        .filter(Q(initiator=user) | Q(counterpart=user), pk=connection_id)
        .first()
    )
    if connection is None:
        raise NotFound("对接记录不存在或无权查看")
    if connection.status == status:
        return connection
    now = timezone.now()
    previous = connection.status
    if previous == ConnectionStatus.DEAL:
        if connection.credited_factory_id is not None:
            FactoryProfile.objects.filter(pk=connection.credited_factory_id, completed_deals__gt=0).update(
                completed_deals=F("completed_deals") - 1
            )
        connection.credited_factory = None
        connection.deal_at = None
    if status == ConnectionStatus.DEAL:
        factory = _factory_to_credit(connection)
        if factory is not None:
            FactoryProfile.objects.filter(pk=factory.pk).update(completed_deals=F("completed_deals") + 1)
        connection.credited_factory = factory
        connection.deal_at = now
    connection.status = status
    connection.status_changed_at = now
    connection.save(update_fields=["status", "status_changed_at", "deal_at", "credited_factory"])
    ConnectionEvent.objects.create(connection=connection, actor=user, from_status=previous, to_status=status)
    event = {"type": "connection", "connection_id": connection.pk, "status": status, "by_user_id": user.pk}
    for participant in (connection.initiator_id, connection.counterpart_id):
        realtime.push_after_commit(participant, event)
    return connection


# --- blocks ----------------------------------------------------------------------------------------


@transaction.atomic
def block_user(*, user: User, blocked_user_id: int) -> Block:
    if blocked_user_id == user.pk:
        raise AppError("cannot_block_self", "不能屏蔽自己")
    target = User.objects.filter(pk=blocked_user_id, is_staff=False).first()
    if target is None:
        raise NotFound("用户不存在")
    block, _ = Block.objects.get_or_create(blocker=user, blocked=target)
    return block


@transaction.atomic
def unblock_user(*, user: User, blocked_user_id: int) -> None:
    Block.objects.filter(blocker=user, blocked_id=blocked_user_id).delete()


# --- operators ---------------------------------------------------------------------------------------


@transaction.atomic
def open_conversation_for_complaint(*, operator: User, conversation_id: int, complaint_id: int) -> list[Message]:
    """The one way an operator reads a conversation: while handling a complaint about it (R-OPS-3).

    The caller (support) checks that the complaint concerns this conversation; every opening is
    audit-logged with the complaint it served. Messages come back as sent (unmasked).
    """
    require_console_permission(operator, ConsolePermission.VIEW_CONVERSATION_FOR_COMPLAINT)
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        raise NotFound("会话不存在")
    messages = list(Message.objects.filter(conversation=conversation).select_related("sender", "file").order_by("id"))
    audit.record(
        actor=operator,
        action="messaging.conversation_opened_for_complaint",
        target=conversation,
        reason=f"处理投诉 #{complaint_id}",
        data={"complaint_id": complaint_id, "message_count": len(messages)},
    )
    return messages


def hold_risky_attachment(target_id: str, check: Any) -> None:
    """WeChat judged a chat image risky: the message is held (the recipient no longer sees it) and flagged."""
    message = Message.objects.filter(pk=int(target_id)).first()
    if message is None:
        return
    moderation = {**(message.moderation or {}), "held": True, "wechat_media": check.label}
    Message.objects.filter(pk=message.pk).update(is_flagged=True, moderation=moderation)
