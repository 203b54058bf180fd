"""Pushing chat events to connected clients through the channel layer.

Each signed-in socket joins one group per account (``messaging.user.<id>``); an event about a
conversation is sent to its two participants' groups only, so nobody else can receive it (R-OPS-3).
Events are sent after the transaction commits, whether the write came over REST or the socket; a new
message is rendered from the row just written, separately for each participant (the recipient may see
it masked or held, R-PLUS-3), with no query.

A write from the chat socket collects its events instead (``collecting``): the socket sends them from the
event loop once the write has returned, before its ack, so the database thread does not wait for the
channel layer while it holds a pooled connection (issue #13).
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from accounts import sessions
from messaging.display import ViewedMessage
from messaging.models import Message
from messaging.schemas import MessageOut
from messaging.selectors import message_for

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return sessions.user_group(user_id)


async def _group_send_all(events: list[tuple[int, dict[str, Any]]]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for user_id, payload in events:
        try:
            await layer.group_send(user_group(user_id), {"type": "chat.event", "payload": payload})
        except Exception:  # the write is committed; a lost push is caught up by the client's next fetch
            logger.exception("chat push to user %s failed", user_id)


Events = list[tuple[int, dict[str, Any]]]
_collected: contextvars.ContextVar[Events | None] = contextvars.ContextVar("chat_collected_events", default=None)


@contextmanager
def collecting() -> Iterator[Events]:
    """Within it (and in a thread the context is copied to, as ``sync_to_async`` does), committed events are
    added to the list it gives instead of being sent: the caller sends them with ``send_collected``."""
    events: Events = []
    token = _collected.set(events)
    try:
        yield events
    finally:
        _collected.reset(token)


async def send_collected(events: Events) -> None:
    await _group_send_all(events)


def _send(events: Events) -> None:
    """Every push of one write in one hop to the event loop (each ``async_to_sync`` is a thread switch), or
    into the list of ``collecting``."""
    bucket = _collected.get()
    if bucket is not None:
        bucket.extend(events)
        return
    async_to_sync(_group_send_all)(events)


def push_after_commit(user_id: int, payload: dict[str, Any]) -> None:
    transaction.on_commit(lambda: _send([(user_id, payload)]))


def message_event(message: Message, *, viewer_id: int, sender_shared: bool) -> dict[str, Any]:
    """``{"type": "message", ...}`` as the API shows ``message`` to ``viewer_id`` (masked, held …)."""
    viewed = ViewedMessage(message=message, viewer_id=viewer_id, sender_shared=sender_shared)
    return {
        "type": "message",
        "conversation_id": message.conversation_id,
        "message": MessageOut.from_orm(viewed).model_dump(mode="json"),
    }


def push_new_message_after_commit(*, message: Message, sender_shared: bool, participant_ids: tuple[int, int]) -> None:
    """Sends the new ``message`` to both participants, each seeing it as the API shows it to them, rendered
    from the row just written (issue #13: no re-read per push). ``sender_shared``: whether its sender
    shared contact details in the conversation (it unmasks the text for the recipient)."""

    def send() -> None:
        _send(
            [
                (viewer_id, message_event(message, viewer_id=viewer_id, sender_shared=sender_shared))
                for viewer_id in participant_ids
            ]
        )

    transaction.on_commit(send)


def push_message_after_commit(*, message_id: int, participant_ids: tuple[int, int]) -> None:
    """Sends a stored message again (a reviewer released or rejected it), read once after commit."""

    def send() -> None:
        message = message_for(viewer_id=participant_ids[0], message_id=message_id)
        if message is None:
            return
        shared = bool(message.sender_shared)  # type: ignore[attr-defined]  # the with_viewer annotation
        _send(
            [
                (viewer_id, message_event(message, viewer_id=viewer_id, sender_shared=shared))
                for viewer_id in participant_ids
            ]
        )

    transaction.on_commit(send)
