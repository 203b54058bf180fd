"""Open sessions of an account that outlive one request: its WebSockets (the chat socket).

Every signed-in socket joins its account's channel-layer group (``user_group``). When a session ends —
logout (one token), disablement or cancellation (every token) — the service calls ``close_sockets``;
after the transaction commits, each socket of that account (or of that token only) is told to close at
once. Sockets also check their token again before delivering a frame, so nothing reaches a socket whose
session ended even if this message were lost.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

# The consumer's handler for the message below is ``session_closed``.
SESSION_CLOSED = "session.closed"


def user_group(user_id: int) -> str:
    """The one channel-layer group of an account's sockets."""
    return f"messaging.user.{user_id}"


def _send(user_id: int, message: dict[str, str | None]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), message)
    except Exception:  # the session is ended in the database; sockets re-check their token on every frame
        logger.exception("closing the sockets of user %s failed", user_id)


def close_sockets(*, user_id: int, code: str, message: str, token_hash: str | None = None) -> None:
    """After commit, closes ``user_id``'s open sockets (only those signed in with ``token_hash`` if given).

    ``code`` / ``message`` are the error frame the socket receives before it closes with 4401.
    """
    event = {"type": SESSION_CLOSED, "code": code, "message": message, "token_hash": token_hash}
    transaction.on_commit(lambda: _send(user_id, event))
