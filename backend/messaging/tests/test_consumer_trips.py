"""Thread trips of the chat socket (issue #13): frames and pushes that need no database make none, and a
send is one trip whose pushes leave from the event loop (R-APP-6). The real ASGI application with the
in-memory channel layer, as ``test_consumers``."""

from __future__ import annotations

import pytest
from channels.layers import get_channel_layer

from accounts.models import AccountType
from accounts.services import issue_token
from accounts.tests.factories import make_user
from common.testing import thread_trips
from messaging import consumers
from messaging.tests.factories import open_chat, pair
from messaging.tests.test_consumers import _empty_channel_layer, run, signed_in_socket  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_frames_and_pushes_that_need_no_database_make_no_thread_trip_R_APP_6() -> None:
    """Channels' own dispatch sends every frame and every event through the process's one thread for
    synchronous code (to close old database connections) before handling it; with 200 sockets a worker
    queued there for each ping and each push (issue #13). Here a ping and a pushed message cost no trip."""
    buyer = make_user(account_type=AccountType.TRADE)
    token = issue_token(user=buyer)

    async def scenario() -> None:
        socket = await signed_in_socket(token)
        with thread_trips() as trips:
            await socket.send_json_to({"type": "ping"})
            assert (await socket.receive_json_from())["type"] == "pong"
            event = {"type": "message", "conversation_id": 1, "message": {"id": 1, "text": "你好"}}
            group = consumers.realtime.user_group(buyer.pk)
            await get_channel_layer().group_send(group, {"type": "chat.event", "payload": event})
            assert await socket.receive_json_from() == event
        assert trips["to_thread"] == 0, f"{trips} trips to a thread for a ping and a push"
        await socket.disconnect()

    run(scenario)


def test_a_socket_send_is_one_thread_trip_and_its_pushes_leave_from_the_event_loop_R_APP_6() -> None:
    """The write runs in one trip to a pool thread; its pushes are sent afterwards from the event loop, not
    from the thread waiting on the channel layer with a pooled connection held (issue #13). The sender gets
    the ack and its own copy, the counterpart theirs."""
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)
        with thread_trips() as counts:
            await buyer_socket.send_json_to(
                {"type": "send", "conversation_id": conversation_id, "text": "在吗", "ref": "r1"}
            )
            frames = [await buyer_socket.receive_json_from(), await buyer_socket.receive_json_from()]
            pushed = await seller_socket.receive_json_from()
        own = next(frame for frame in frames if frame["type"] == "message")  # its own copy, and the ack
        ack = next(frame for frame in frames if frame["type"] == "ack")
        assert ack["ref"] == "r1"
        assert own["message"]["id"] == ack["message_id"] == pushed["message"]["id"]
        assert pushed["message"]["text"] == "在吗" and pushed["message"]["is_mine"] is False
        assert counts == {"to_thread": 1, "from_thread": 0}, counts
        for socket in (buyer_socket, seller_socket):
            await socket.disconnect()

    run(scenario)
