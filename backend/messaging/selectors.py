"""Reads of conversations, messages and connections. A conversation exists only for its two
participants: everyone else gets 404 (R-OPS-3)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Literal

from django.contrib.auth import get_user_model
from django.db import connection as db_connection
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from common.errors import NotFound
from messaging.models import Block, Connection, ConnectionStatus, ContactShare, Conversation, Message

if TYPE_CHECKING:
    from accounts.models import User

MESSAGE_PAGE_DEFAULT = 30
MESSAGE_PAGE_MAX = 100
# A received connection counts as answered for the response rate when first replied within this.
RESPONSE_WINDOW = timedelta(hours=24)

Role = Literal["initiated", "received", "all"]


def _participant(user_id: int) -> Q:
    return Q(user_low_id=user_id) | Q(user_high_id=user_id)


def _mine(user_id: int, low: str, high: str, output_field: Any) -> Case:
    return Case(When(user_low_id=user_id, then=F(low)), default=F(high), output_field=output_field)


def _conversations(user: User) -> QuerySet[Conversation]:
    uid = user.pk
    shares = ContactShare.objects.filter(conversation=OuterRef("pk"))
    return (
        Conversation.objects.filter(_participant(uid))
        .select_related(
            "user_low", "user_low__factory", "user_high", "user_high__factory", "last_message", "last_message__file"
        )
        .annotate(
            viewer_id=Value(uid, output_field=IntegerField()),
            my_unread=_mine(uid, "low_unread", "high_unread", IntegerField()),
            my_last_read_at=_mine(uid, "low_last_read_at", "high_last_read_at", DateTimeField()),
            counterpart_last_read_at=_mine(uid, "high_last_read_at", "low_last_read_at", DateTimeField()),
            counterpart_shared=Exists(shares.exclude(user_id=uid)),
            me_shared=Exists(shares.filter(user_id=uid)),
            i_blocked=Exists(
                Block.objects.filter(blocker_id=uid).filter(
                    Q(blocked_id=OuterRef("user_low_id")) | Q(blocked_id=OuterRef("user_high_id"))
                )
            ),
        )
    )


def conversations_for(user: User) -> QuerySet[Conversation]:
    """The user's conversations, most recent first, each with last message, unread count and the other
    participant, in one query (plus the page's count)."""
    # A conversation opened without a message yet ranks by when it was opened.
    return _conversations(user).order_by(Coalesce("last_message_at", "created_at").desc(), "-id")


def get_conversation_for(*, user: User, conversation_id: int) -> Conversation:
    conversation = (
        _conversations(user)
        .prefetch_related(
            Prefetch(
                "connections",
                queryset=Connection.objects.select_related("post", "factory").order_by("created_at", "id"),
            )
        )
        .filter(pk=conversation_id)
        .first()
    )
    if conversation is None:
        raise NotFound("会话不存在或无权查看")
    return conversation


def participant_conversation(*, user: User, conversation_id: Any) -> Conversation:
    """The bare row, for services and access checks; 404 for anyone but its two participants."""
    try:
        key = int(conversation_id)
    except (TypeError, ValueError):
        raise NotFound("会话不存在或无权查看") from None
    conversation = Conversation.objects.filter(_participant(user.pk), pk=key).first()
    if conversation is None:
        raise NotFound("会话不存在或无权查看")
    return conversation


@dataclass(frozen=True)
class SendTarget:
    """Where ``sender`` writes and what sending needs to know, from ``conversation_for_sending``."""

    conversation: Conversation
    recipient: User
    you_blocked: bool  # the sender blocked the recipient
    blocked_you: bool  # the recipient blocked the sender
    sender_shared: bool  # the sender shared contact details in this conversation
    awaiting_reply: bool  # a connection here still waits for the sender's first answer


# One statement, written out (issue #13): built by the ORM — four EXISTS and two joined accounts — its
# compilation alone cost more CPU than the rest of sending a message. Column names are those of the
# models; the recipient comes back with only the fields sending reads (others load on access).
_SENDING_SQL = """
SELECT u.id, u.is_active, u.status, u.status_until, u.deleted_at, u.wechat_openid,
       c.id AS c_id, c.user_low_id AS c_low, c.user_high_id AS c_high,
       c.low_notify_pending AS c_low_pending, c.high_notify_pending AS c_high_pending,
       EXISTS (SELECT 1 FROM {block} b WHERE b.blocker_id = %(me)s AND b.blocked_id = u.id) AS you_blocked,
       EXISTS (SELECT 1 FROM {block} b WHERE b.blocker_id = u.id AND b.blocked_id = %(me)s) AS blocked_you,
       EXISTS (SELECT 1 FROM {share} s WHERE s.conversation_id = c.id AND s.user_id = %(me)s) AS sender_shared,
       EXISTS (SELECT 1 FROM {connection} k WHERE k.conversation_id = c.id AND k.counterpart_id = %(me)s
               AND k.first_reply_at IS NULL) AS awaiting_reply
FROM {conversation} c
JOIN {user} u ON u.id = CASE WHEN c.user_low_id = %(me)s THEN c.user_high_id ELSE c.user_low_id END
WHERE c.id = %(conversation)s AND (c.user_low_id = %(me)s OR c.user_high_id = %(me)s)
"""


def conversation_for_sending(*, user: User, conversation_id: Any) -> SendTarget:
    """The conversation a new message goes into, locked until the transaction ends (PostgreSQL), with
    everything sending needs in the same query (it took five): the recipient's account state, blocks
    either way, whether the sender shared contact details here, whether a connection awaits their first
    answer. 404 for anyone but its two participants."""
    try:
        key = int(conversation_id)
    except (TypeError, ValueError):
        raise NotFound("会话不存在或无权查看") from None
    sql = _SENDING_SQL.format(
        block=Block._meta.db_table,
        share=ContactShare._meta.db_table,
        connection=Connection._meta.db_table,
        conversation=Conversation._meta.db_table,
        user=get_user_model()._meta.db_table,
    )
    if db_connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF c"
    rows = list(get_user_model().objects.raw(sql, {"me": user.pk, "conversation": key}))
    if not rows:
        raise NotFound("会话不存在或无权查看")
    row: Any = rows[0]  # the recipient, with the extra columns as attributes
    conversation = Conversation.from_db(
        db_connection.alias,
        ["id", "user_low_id", "user_high_id", "low_notify_pending", "high_notify_pending"],
        [row.c_id, row.c_low, row.c_high, bool(row.c_low_pending), bool(row.c_high_pending)],
    )
    return SendTarget(
        conversation=conversation,
        recipient=row,
        you_blocked=bool(row.you_blocked),
        blocked_you=bool(row.blocked_you),
        sender_shared=bool(row.sender_shared),
        awaiting_reply=bool(row.awaiting_reply),
    )


def with_viewer(messages: QuerySet[Message], *, viewer_id: int) -> QuerySet[Message]:
    """Annotates what ``messaging.display`` needs to show each message to ``viewer_id``."""
    return messages.select_related("file").annotate(
        viewer_id=Value(viewer_id, output_field=IntegerField()),
        sender_shared=Exists(
            ContactShare.objects.filter(conversation_id=OuterRef("conversation_id"), user_id=OuterRef("sender_id"))
        ),
    )


@dataclass
class MessagePage:
    items: list[Message]
    has_more: bool

    @property
    def next_before_id(self) -> int | None:
        return self.items[0].pk if self.has_more and self.items else None


def messages_in(
    *, user: User, conversation_id: int, before_id: int | None = None, limit: int = MESSAGE_PAGE_DEFAULT
) -> MessagePage:
    """History, newest page first; ``before_id`` pages back. Items are oldest → newest within the page."""
    conversation = participant_conversation(user=user, conversation_id=conversation_id)
    limit = max(1, min(limit, MESSAGE_PAGE_MAX))
    qs = Message.objects.filter(conversation=conversation)
    if before_id is not None:
        qs = qs.filter(pk__lt=before_id)
    rows = list(with_viewer(qs, viewer_id=user.pk).order_by("-id")[: limit + 1])
    has_more = len(rows) > limit
    return MessagePage(items=list(reversed(rows[:limit])), has_more=has_more)


def message_for(*, viewer_id: int, message_id: int) -> Message | None:
    return with_viewer(Message.objects.filter(pk=message_id), viewer_id=viewer_id).first()


def unread_total(*, user: User) -> int:
    total = Conversation.objects.filter(_participant(user.pk)).aggregate(
        n=Sum(_mine(user.pk, "low_unread", "high_unread", IntegerField()))
    )["n"]
    return int(total or 0)


def is_party_to_file(user: User | None, stored_file: Any) -> bool:
    """uploads.access reader for chat attachments: both participants of a conversation that holds it."""
    if user is None or not getattr(user, "pk", None):
        return False
    return (
        Message.objects.filter(file_id=stored_file.pk)
        .filter(Q(conversation__user_low_id=user.pk) | Q(conversation__user_high_id=user.pk))
        .exists()
    )


def is_blocked_between(a_id: int, b_id: int) -> Block | None:
    return (
        Block.objects.filter(Q(blocker_id=a_id, blocked_id=b_id) | Q(blocker_id=b_id, blocked_id=a_id))
        .order_by(Case(When(blocker_id=a_id, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .first()
    )


# --- connections ----------------------------------------------------------------------------------


def connections_for(*, user: User, role: Role = "all", status: str | None = None) -> QuerySet[Connection]:
    """The user's connection records (R-APP-4): those they started, those they received, or both."""
    uid = user.pk
    if role == "initiated":
        qs = Connection.objects.filter(initiator_id=uid)
    elif role == "received":
        qs = Connection.objects.filter(counterpart_id=uid)
    else:
        qs = Connection.objects.filter(Q(initiator_id=uid) | Q(counterpart_id=uid))
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("initiator", "initiator__factory", "counterpart", "counterpart__factory", "post", "factory")
        .annotate(
            viewer_id=Value(uid, output_field=IntegerField()),
            viewer_is_initiator=Case(
                When(initiator_id=uid, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
        )
        .order_by("-created_at", "-id")
    )


def get_connection_for(*, user: User, connection_id: int) -> Connection:
    connection = connections_for(user=user).filter(pk=connection_id).first()
    if connection is None:
        raise NotFound("对接记录不存在或无权查看")
    return connection


def response_stats(user_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Trust signals from events (R-PLUS-4), for many users in two queries.

    ``response_rate``: of the connections a user received, the share first replied within 24 hours.
    A connection still inside its first 24 hours without a reply is left out: it has not yet had its
    chance. ``median_response_minutes``: median time to the first reply. ``completed_deals``: the
    user's connections (either side) that ended in a deal. None where there is nothing to measure.
    """
    ids = sorted({int(i) for i in user_ids})
    result: dict[int, dict[str, Any]] = {
        i: {"response_rate": None, "median_response_minutes": None, "completed_deals": 0} for i in ids
    }
    if not ids:
        return result
    now = timezone.now()
    answered: dict[int, int] = defaultdict(int)
    measured: dict[int, int] = defaultdict(int)
    minutes: dict[int, list[float]] = defaultdict(list)
    rows = Connection.objects.filter(counterpart_id__in=ids).values_list(
        "counterpart_id", "created_at", "first_reply_at"
    )
    for user_id, created_at, first_reply_at in rows:
        if first_reply_at is not None:
            delay = max(first_reply_at - created_at, timedelta(0))
            minutes[user_id].append(delay.total_seconds() / 60)
            measured[user_id] += 1
            if delay <= RESPONSE_WINDOW:
                answered[user_id] += 1
        elif now - created_at >= RESPONSE_WINDOW:
            measured[user_id] += 1
    deals = Connection.objects.filter(status=ConnectionStatus.DEAL).filter(
        Q(initiator_id__in=ids) | Q(counterpart_id__in=ids)
    )
    for initiator_id, counterpart_id in deals.values_list("initiator_id", "counterpart_id"):
        for party in {initiator_id, counterpart_id}:
            if party in result:
                result[party]["completed_deals"] += 1
    for user_id in ids:
        if measured[user_id]:
            result[user_id]["response_rate"] = round(answered[user_id] / measured[user_id], 4)
        if minutes[user_id]:
            result[user_id]["median_response_minutes"] = round(statistics.median(minutes[user_id]), 1)
    return result
