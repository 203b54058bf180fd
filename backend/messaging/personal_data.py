"""Connections and chat in the personal-data registry (R-PLUS-5, R-PLUS-3).

Export: the user's connections and every message of their conversations as the user sees it in the
app — the other party's phone numbers stay masked unless that party shared them; the other party is
named by their factory name (public) or their account number, never by phone. The user's own
attachments are in the archive's folder (uploads registers them).

On 注销: the user's messages lose their text (the row stays so the other party's history keeps its
shape, shown as “该消息已删除”), their contact shares and blocks are deleted, and their attachments go
with their files. Conversations and connections are the other party's records too: they are kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from accounts.personal_data import Retention, register
from messaging import selectors
from messaging.display import message_text, organisation_name
from messaging.models import Block, Connection, ConnectionEvent, ContactShare, Conversation, Message
from uploads.personal_data import archive_path

if TYPE_CHECKING:
    from accounts.models import User


def _party(user: User) -> str:
    return organisation_name(user) or f"用户 {user.pk}"


def _attachment(message: Message, viewer_id: int) -> str | None:
    """The archive path of an attachment the user sent; others' attachments are theirs, not exported."""
    stored = message.file
    if stored is None or message.sender_id != viewer_id:
        return None
    return archive_path(stored)


def export_chat(user: User) -> list[dict[str, Any]]:
    conversations = []
    for conversation in selectors.conversations_for(user):
        other = conversation.user_high if conversation.user_low_id == user.pk else conversation.user_low
        messages = selectors.with_viewer(Message.objects.filter(conversation=conversation), viewer_id=user.pk)
        conversations.append(
            {
                "会话编号": conversation.pk,
                "对方": _party(other),
                "消息": [
                    {
                        "发送方": "我" if m.sender_id == user.pk else "对方",
                        "类型": m.get_kind_display(),
                        "内容": message_text(m, viewer_id=user.pk, sender_shared=m.sender_shared),  # type: ignore[attr-defined]
                        "附件": _attachment(m, user.pk),
                        "发送时间": m.created_at.isoformat(),
                    }
                    for m in messages.order_by("id")
                ],
            }
        )
    return conversations


def export_connections(user: User) -> list[dict[str, Any]]:
    rows = selectors.connections_for(user=user).select_related(
        "post", "factory", "initiator__factory", "counterpart__factory"
    )
    return [
        {
            "编号": c.pk,
            "方向": "我发起" if c.initiator_id == user.pk else "对方发起",
            "对方": _party(c.counterpart if c.initiator_id == user.pk else c.initiator),
            "关于": c.post.title if c.post else (c.factory.name if c.factory else "（已删除）"),
            "进度": c.get_status_display(),
            "联系时间": c.created_at.isoformat(),
            "成交时间": c.deal_at.isoformat() if c.deal_at else None,
        }
        for c in rows
    ]


def export_blocks(user: User) -> list[dict[str, Any]]:
    rows = Block.objects.filter(blocker=user).select_related("blocked__factory").order_by("created_at")
    return [{"被屏蔽方": _party(b.blocked), "屏蔽时间": b.created_at.isoformat()} for b in rows]


def erase_messages(user: User) -> None:
    Message.objects.filter(sender=user).update(text="", masked_text="", moderation={})


def erase_contact_shares(user: User) -> None:
    ContactShare.objects.filter(user=user).delete()


def erase_blocks(user: User) -> None:
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()


def register_all() -> None:
    kept_for_other_party = Retention(
        reason="会话和对接记录也属于对方；成交记录计入工厂接单量和运营统计",
        period="对方账号存续期间，最长 3 年",
        anonymised="本人发送的消息内容清空（显示“该消息已删除”），交换的联系方式和附件删除，本人显示为“已注销用户”",
    )
    register(Conversation, section="聊天", exporter=export_chat, retention=kept_for_other_party)
    register(Message, eraser=erase_messages, part_of="messaging.Conversation")
    register(ContactShare, eraser=erase_contact_shares, part_of="messaging.Conversation")
    register(Connection, section="对接记录", exporter=export_connections, retention=kept_for_other_party)
    register(ConnectionEvent, part_of="messaging.Connection")
    register(Block, section="屏蔽", exporter=export_blocks, eraser=erase_blocks)
