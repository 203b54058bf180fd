"""The chat socket (R-APP-6): ``ws/chat/?token=…`` or ``{"type": "auth", "token": …}`` as the first frame.

Frames from the client (JSON):
  {"type": "auth", "token": "…"}                                  — when the token was not in the URL
  {"type": "send", "conversation_id": 1, "text": "…", "ref": "c1"} — or "file_id" instead of "text"
  {"type": "read", "conversation_id": 1}
  {"type": "ping"}
Frames to the client: {"type": "ready", "user_id"}, {"type": "ack", "ref", "message_id"},
{"type": "message", "conversation_id", "message"}, {"type": "read", "conversation_id", "user_id",
"last_read_at"}, {"type": "connection", …}, {"type": "error", "code", "message", "ref"}, {"type": "pong"}.

Writes go through the same services as REST, so the same checks (participant only, keywords, blocks)
apply; events reach a socket only through its own account's group (``messaging.realtime``).
A session that ends (logout of this token, disablement, cancellation: ``accounts.sessions``) closes the
socket at once with an error frame and 4401 (the ``session.closed`` event). The socket keeps the account it
signed in with and checks the token in the database again only when its last check is older than
``TOKEN_RECHECK_SECONDS`` for reads and deliveries (issue #13: a check per frame capped chat at 20
messages/s), so a token revoked without a close message (expiry, a lost event) is refused within that time;
a ``send`` is checked every time, so no message leaves after a logout even if its close event is late
(in the same trip to the thread pool as the send itself: one thread switch per message).
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import DatabaseSyncToAsync, database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import connection

from accounts.models import AuthToken
from common.auth import user_for_token
from common.errors import AppError
from common.ratelimits import check as check_rate_limit
from common.request import scope_client_ip
from messaging import realtime, services

CLOSE_UNAUTHORISED = 4401
TOKEN_RECHECK_SECONDS = 5.0
_clock = time.monotonic  # tests move it on


class SocketError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _user(token: str) -> Any:
    """The account of ``token``, checked again on every frame so logout or disablement applies at once."""
    try:
        user = user_for_token(token) if token else None
    except AppError as exc:
        raise SocketError(exc.code, exc.message) from None
    if user is None:
        raise SocketError("token_invalid", "登录已失效，请重新登录")
    return user


def _conversation_id(content: dict[str, Any]) -> int:
    value = content.get("conversation_id")
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise AppError("validation_error", "conversation_id 无效", status=422)
    return int(value)


@database_sync_to_async
def _authenticate(token: str) -> Any:
    return _user(token)


def _in_pool(func: Any) -> Any:
    """Runs ``func`` on the thread pool, not the one thread every ``database_sync_to_async`` call of the
    process shares (issue #13: all sockets of a worker queued behind each other's writes). Each pool
    thread keeps its own database connection (``DATABASE_CONN_MAX_AGE``). SQLite, one writer at a time
    anyway, keeps the shared thread."""
    return DatabaseSyncToAsync(func, thread_sensitive=connection.vendor == "sqlite")


@_in_pool
def _send(token: str, content: dict[str, Any], ip: str | None) -> tuple[Any, int]:
    """The token checked again (no message leaves after a logout, even before its close event arrives),
    then the send, in one trip to the thread pool: ``(account, message id)``."""
    user = _user(token)
    # The same limit as REST sending, counted together; a refused frame stores nothing.
    check_rate_limit("chat_send", user_id=user.pk, ip=ip)
    text = content.get("text")
    message = services.send_message(
        sender=user,
        conversation_id=_conversation_id(content),
        text=text if isinstance(text, str) else None,
        file_id=content.get("file_id"),
    )
    return user, int(message.pk)


@_in_pool
def _read(user: Any, content: dict[str, Any]) -> None:
    services.mark_read(user=user, conversation_id=_conversation_id(content))


class ChatConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    user_id: int | None = None
    user: Any = None
    token: str = ""
    checked_at: float = 0.0

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Channels' dispatch without the ``aclose_old_connections`` it awaits before every frame and every
        event (issue #13): a trip to the process's one thread for synchronous code, so every socket of the
        worker queued there for each frame, ping, push and read mark. This consumer reaches the database
        only through ``DatabaseSyncToAsync``, which closes old connections itself, before and after, in
        the thread that holds them."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        # Accept first so a refused client still receives the 4401 close code (a refused handshake
        # only shows up as a failed HTTP upgrade).
        await self.accept()
        query = parse_qs(self.scope.get("query_string", b"").decode())
        token = (query.get("token") or [""])[0]
        if token:
            await self._sign_in(token)

    async def _sign_in(self, token: str) -> None:
        try:
            user = await _authenticate(token)
        except SocketError as exc:
            await self.send_json({"type": "error", "code": exc.code, "message": exc.message})
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        self.user, self.user_id, self.token, self.checked_at = user, int(user.pk), token, _clock()
        await self.channel_layer.group_add(realtime.user_group(self.user_id), self.channel_name)
        await self.send_json({"type": "ready", "user_id": self.user_id})

    async def disconnect(self, code: int) -> None:
        if self.user_id is not None:
            await self.channel_layer.group_discard(realtime.user_group(self.user_id), self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict):
            await self._error("bad_request", "消息格式有误")
            return
        kind = content.get("type")
        ref = content.get("ref")
        if self.user_id is None:
            if kind == "auth" and isinstance(content.get("token"), str):
                await self._sign_in(content["token"])
            else:
                await self._error("not_authenticated", "请先登录", ref)
                await self.close(code=CLOSE_UNAUTHORISED)
            return
        try:
            if kind == "ping":
                await self.send_json({"type": "pong"})
            elif kind == "send":
                # A message others will read: the token is checked every time (one query beside the four of
                # sending), so a send right after logout is refused even before the close event arrives.
                with realtime.collecting() as events:
                    self.user, message_id = await _send(self.token, content, scope_client_ip(self.scope))
                self.checked_at = _clock()
                # The pushes of the write (the message to both sides) leave from here, so the database thread
                # did not wait for the channel layer; then the ack.
                await realtime.send_collected(events)
                await self.send_json({"type": "ack", "ref": ref, "message_id": message_id})
            elif kind == "read":
                await self._recheck()
                await _read(self.user, content)
            else:
                await self._error("unknown_type", "不支持的消息类型", ref)
        except SocketError as exc:
            await self._end_session(exc.code, exc.message, ref)
        except AppError as exc:
            await self._error(exc.code, exc.message, ref, exc.detail)

    async def _recheck(self) -> None:
        """The token again, from the database, once ``TOKEN_RECHECK_SECONDS`` passed since the last check
        (raises ``SocketError`` for an ended session)."""
        if _clock() - self.checked_at >= TOKEN_RECHECK_SECONDS:
            self.user = await _authenticate(self.token)
            self.checked_at = _clock()

    async def _error(self, code: str, message: str, ref: Any = None, detail: Any = None) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, "ref": ref, "detail": detail})

    async def chat_event(self, event: dict[str, Any]) -> None:
        # A session that ended (logout, disablement, cancellation) was closed by its ``session.closed``
        # event; one whose event was lost, or that expired, is caught here within TOKEN_RECHECK_SECONDS.
        if self.user_id is None:
            return
        try:
            await self._recheck()
        except SocketError as exc:
            await self._end_session(exc.code, exc.message)
            return
        await self.send_json(event["payload"])

    async def session_closed(self, event: dict[str, Any]) -> None:
        """``accounts.sessions.close_sockets``: this account's session ended (for this token, or every one)."""
        token_hash = event.get("token_hash")
        if self.user_id is None or (token_hash and token_hash != AuthToken.hash_key(self.token)):
            return
        await self._end_session(str(event.get("code", "token_invalid")), str(event.get("message", "")))

    async def _end_session(self, code: str, message: str, ref: Any = None) -> None:
        user_id, self.user_id, self.user, self.token = self.user_id, None, None, ""
        if user_id is not None:
            await self.channel_layer.group_discard(realtime.user_group(user_id), self.channel_name)
        await self._error(code, message or "登录已失效，请重新登录", ref)
        await self.close(code=CLOSE_UNAUTHORISED)
