"""Thread trips of the chat socket (issue #13): frames and pushes that need no database make none, and a
send is one trip whose pushes leave from the event loop (R-APP-6). The real ASGI application with the
in-memory channel layer, as ``test_consumers``."""

from __future__ import annotations

from typing import Any

import pytest
from channels.layers import get_channel_layer

from accounts.models import AccountType
from accounts.services import issue_token
from accounts.tests.factories import make_user
from messaging import consumers
from messaging.tests.factories import open_chat, pair
from messaging.tests.test_consumers import _empty_channel_layer, run, signed_in_socket  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_frames_and_pushes_that_need_no_database_make_no_thread_trip_R_APP_6(monkeypatch: Any) -> None:
    """Channels' own dispatch sends every frame and every event through the process's one thread for
    synchronous code (to close old database connections) before handling it; with 200 sockets a worker
    queued there for each ping and each push (issue #13). Here a ping and a pushed message cost no trip."""
    from asgiref.sync import SyncToAsync

    buyer = make_user(account_type=AccountType.TRADE)
    token = issue_token(user=buyer)
    trips = 0
    original = SyncToAsync.__call__

    async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal trips
        trips += 1
        return await original(self, *args, **kwargs)

    async def scenario() -> None:
        nonlocal trips
        socket = await signed_in_socket(token)
        monkeypatch.setattr(SyncToAsync, "__call__", counted)
        trips = 0
        await socket.send_json_to({"type": "ping"})
        assert (await socket.receive_json_from())["type"] == "pong"
        event = {"type": "message", "conversation_id": 1, "message": {"id": 1, "text": "你好"}}
        group = consumers.realtime.user_group(buyer.pk)
        await get_channel_layer().group_send(group, {"type": "chat.event", "payload": event})
        assert await socket.receive_json_from() == event
        assert trips == 0, f"{trips} trips to a thread for a ping and a push"
        monkeypatch.setattr(SyncToAsync, "__call__", original)
        await socket.disconnect()

    run(scenario)


def test_a_socket_send_is_one_thread_trip_and_its_pushes_leave_from_the_event_loop_R_APP_6(monkeypatch: Any) -> None:
    """The write runs in one trip to a pool thread; its pushes are sent afterwards from the event loop, not
    from the thread waiting on the channel layer with a pooled connection held (issue #13). The sender gets
    the ack and its own copy, the counterpart theirs."""
    from asgiref.sync import AsyncToSync, SyncToAsync

    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    counts = {"to_thread": 0, "from_thread": 0}
    to_thread, from_thread = SyncToAsync.__call__, AsyncToSync.__call__

    async def counted_to(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["to_thread"] += 1
        return await to_thread(self, *args, **kwargs)

    def counted_from(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["from_thread"] += 1
        return from_thread(self, *args, **kwargs)

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)
        monkeypatch.setattr(SyncToAsync, "__call__", counted_to)
        monkeypatch.setattr(AsyncToSync, "__call__", counted_from)
        await buyer_socket.send_json_to(
            {"type": "send", "conversation_id": conversation_id, "text": "在吗", "ref": "r1"}
        )
        frames = [await buyer_socket.receive_json_from(), await buyer_socket.receive_json_from()]
        pushed = await seller_socket.receive_json_from()
        monkeypatch.setattr(SyncToAsync, "__call__", to_thread)
        monkeypatch.setattr(AsyncToSync, "__call__", from_thread)
        own = next(frame for frame in frames if frame["type"] == "message")  # its own copy, and the ack
        ack = next(frame for frame in frames if frame["type"] == "ack")
        assert ack["ref"] == "r1"
        assert own["message"]["id"] == ack["message_id"] == pushed["message"]["id"]
        assert pushed["message"]["text"] == "在吗" and pushed["message"]["is_mine"] is False
        assert counts == {"to_thread": 1, "from_thread": 0}, counts
        for socket in (buyer_socket, seller_socket):
            await socket.disconnect()

    run(scenario)
