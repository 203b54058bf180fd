"""Pushing chat events to connected clients through the channel layer.

Each signed-in socket joins one group per account (``messaging.user.<id>``); an event about a
conversation is sent to its two participants' groups only, so nobody else can receive it (R-OPS-3).
Events are sent after the transaction commits, whether the write came over REST or the socket, and a
message is read once and rendered separately for each participant (the recipient may see it masked,
R-PLUS-3).
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from accounts import sessions

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return sessions.user_group(user_id)


def _send(user_id: int, payload: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "chat.event", "payload": payload})
    except Exception:  # the write is committed; a lost push is caught up by the client's next fetch
        logger.exception("chat push to user %s failed", user_id)


def push_after_commit(user_id: int, payload: dict[str, Any]) -> None:
    transaction.on_commit(lambda: _send(user_id, payload))


def push_message_after_commit(*, message_id: int, conversation_id: int, participant_ids: tuple[int, int]) -> None:
    """Sends ``{"type": "message", ...}`` to both participants, each seeing it as the API shows it to them."""

    def send() -> None:
        from messaging.schemas import MessageOut
        from messaging.selectors import message_for

        # Read once: only ``viewer_id`` differs between the two renderings (whether the sender shared
        # their contact in this conversation is the same for both), so the second needs no query.
        message = message_for(viewer_id=participant_ids[0], message_id=message_id)
        if message is None:
            return
        for viewer_id in participant_ids:
            message.viewer_id = viewer_id  # type: ignore[attr-defined]  # the with_viewer annotation
            _send(
                viewer_id,
                {
                    "type": "message",
                    "conversation_id": conversation_id,
                    "message": MessageOut.from_orm(message).model_dump(mode="json"),
                },
            )

    transaction.on_commit(send)
