"""The chat socket on the real ASGI application (config.asgi) with the in-memory channel layer
(R-APP-6, R-OPS-3, R-PLUS-3)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.utils import timezone

from accounts.models import AccountStatus, AccountType, AuthToken
from accounts.services import change_status, issue_token, set_phone
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.testing import LimiterClock
from config.asgi import application
from messaging import consumers
from messaging.models import Message
from messaging.tests.factories import open_chat, pair, upload_chat_image
from messaging.tests.ws import SocketClient
from moderation.models import BannedKeyword
from moderation.pipeline import HELD_TEXT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _empty_channel_layer() -> Any:
    layer = get_channel_layer()
    async_to_sync(layer.flush)()
    yield
    async_to_sync(layer.flush)()


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    async_to_sync(scenario)()


async def signed_in_socket(token: str) -> SocketClient:
    socket = SocketClient(application, f"/ws/chat/?token={token}")
    assert await socket.connect()
    ready = await socket.receive_json_from()
    assert ready["type"] == "ready"
    return socket


def test_bad_token_closes_with_4401_R_OPS_3() -> None:
    async def scenario() -> None:
        socket = SocketClient(application, "/ws/chat/?token=not-a-token")
        assert await socket.connect()
        error = await socket.receive_json_from()
        assert (error["type"], error["code"]) == ("error", "token_invalid")
        assert await socket.close_code() == 4401

    run(scenario)


def test_disabled_account_closes_with_4401_R_OPS_3() -> None:
    user = make_user(account_type=AccountType.TRADE, status=AccountStatus.DISABLED)
    token = issue_token(user=user)

    async def scenario() -> None:
        socket = SocketClient(application, f"/ws/chat/?token={token}")
        await socket.connect()
        assert (await socket.receive_json_from())["code"] == "account_disabled"
        assert await socket.close_code() == 4401

    run(scenario)


def test_token_in_first_frame_and_nothing_before_it_R_APP_6() -> None:
    client = signed_in_client(make_user(account_type=AccountType.TRADE))

    async def scenario() -> None:
        anonymous = SocketClient(application, "/ws/chat/")
        await anonymous.connect()
        await anonymous.send_json_to({"type": "send", "conversation_id": 1, "text": "hi"})
        assert (await anonymous.receive_json_from())["code"] == "not_authenticated"
        assert await anonymous.close_code() == 4401

        socket = SocketClient(application, "/ws/chat/")
        await socket.connect()
        await socket.send_json_to({"type": "auth", "token": client.token})
        assert await socket.receive_json_from() == {"type": "ready", "user_id": client.user.pk}
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from() == {"type": "pong"}
        await socket.disconnect()

    run(scenario)


def test_message_over_the_socket_reaches_both_parties_and_nobody_else_R_APP_6_R_OPS_3() -> None:
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    outsider = signed_in_client(make_user(account_type=AccountType.TRADE))

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)
        outsider_socket = await signed_in_socket(outsider.token)

        await buyer_socket.send_json_to(
            {"type": "send", "conversation_id": conversation_id, "text": "电话 13812345678", "ref": "c1"}
        )
        frames = [await buyer_socket.receive_json_from(), await buyer_socket.receive_json_from()]
        ack = next(f for f in frames if f["type"] == "ack")
        own = next(f for f in frames if f["type"] == "message")
        assert ack["ref"] == "c1"
        assert own["message"]["id"] == ack["message_id"]
        assert (own["message"]["text"], own["message"]["is_mine"]) == ("电话 13812345678", True)

        pushed = await seller_socket.receive_json_from()
        assert pushed["type"] == "message"
        assert pushed["conversation_id"] == conversation_id
        assert pushed["message"]["id"] == ack["message_id"]
        # The recipient sees the number masked until the sender shares (R-PLUS-3).
        assert pushed["message"]["text"] == "电话 138****5678"
        assert pushed["message"]["is_mine"] is False
        assert await outsider_socket.receive_nothing(timeout=0.3)

        # An outsider cannot write into the conversation, or mark it read.
        await outsider_socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "我也来"})
        error = await outsider_socket.receive_json_from()
        assert (error["type"], error["code"]) == ("error", "not_found")
        await outsider_socket.send_json_to({"type": "read", "conversation_id": conversation_id})
        assert (await outsider_socket.receive_json_from())["code"] == "not_found"
        assert await buyer_socket.receive_nothing(timeout=0.2)
        assert await seller_socket.receive_nothing(timeout=0.2)

        for socket in (buyer_socket, seller_socket, outsider_socket):
            await socket.disconnect()

    run(scenario)
    assert Message.objects.filter(conversation_id=conversation_id).count() == 1


def test_rest_message_and_attachment_are_pushed_to_both_parties_R_APP_6() -> None:
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    file_id = upload_chat_image(buyer)
    url = f"messaging/conversations/{conversation_id}/messages"

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)

        sent = await sync_to_async(buyer.post)(url, {"text": "请看报价"})
        assert sent.status_code == 201
        for socket in (buyer_socket, seller_socket):
            pushed = await socket.receive_json_from()
            assert (pushed["type"], pushed["message"]["id"]) == ("message", sent.json()["id"])

        attached = await sync_to_async(buyer.post)(url, {"file_id": file_id})
        assert attached.status_code == 201
        for socket in (buyer_socket, seller_socket):
            pushed = await socket.receive_json_from()
            assert pushed["message"]["kind"] == "image"
            assert pushed["message"]["file"]["id"] == file_id

        # Over the socket too: an attachment by file_id.
        await seller_socket.send_json_to({"type": "send", "conversation_id": conversation_id, "file_id": file_id})
        error = await seller_socket.receive_json_from()
        assert error["code"] == "validation_error"  # not the seller's upload

        for socket in (buyer_socket, seller_socket):
            await socket.disconnect()

    run(scenario)


def test_read_marks_are_pushed_R_APP_6() -> None:
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post, message="你好")["conversation_id"]

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)

        await seller_socket.send_json_to({"type": "read", "conversation_id": conversation_id})
        for socket in (buyer_socket, seller_socket):
            event = await socket.receive_json_from()
            assert (event["type"], event["conversation_id"], event["user_id"]) == (
                "read",
                conversation_id,
                seller.user.pk,
            )
        unread = await sync_to_async(seller.get)("messaging/unread-count")
        assert unread.json() == {"unread": 0}

        for socket in (buyer_socket, seller_socket):
            await socket.disconnect()

    run(scenario)


def test_keyword_block_and_blocks_come_back_as_errors_over_the_socket_R_OPS_1() -> None:
    BannedKeyword.objects.create(word="赌博", action="block")
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        await buyer_socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "赌 博"})
        error = await buyer_socket.receive_json_from()
        assert (error["type"], error["code"]) == ("error", "content_blocked")

        await sync_to_async(seller.post)("messaging/blocks", {"user_id": buyer.user.pk})
        await buyer_socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "你好"})
        assert (await buyer_socket.receive_json_from())["code"] == "blocked_by_counterpart"
        await buyer_socket.disconnect()

    run(scenario)
    assert not Message.objects.exists()


def test_pushed_messages_show_each_side_what_the_api_shows_R_PLUS_3_R_APP_6() -> None:
    """Issue #13 renders the pushed message from the row just written: a fee-asking message reaches the
    recipient as the held notice, a phone number masked until the sender shares, then in full; the frame
    equals what the history shows that reader."""
    worker, employer, post = pair(buyer_type=AccountType.WORKER)
    set_phone(user=employer.user, phone="13912345678")
    conversation_id = open_chat(worker, post, message="请问还招人吗")["conversation_id"]
    history = f"messaging/conversations/{conversation_id}/messages"

    async def said(socket: SocketClient, text: str) -> dict[str, Any]:
        """Sends ``text``; its own pushed copy (other frames — progress, earlier copies — are skipped)."""
        await socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": text})
        frames = [await socket.receive_json_from() for _ in range(2)]
        while not any(f["type"] == "ack" for f in frames):
            frames.append(await socket.receive_json_from())
        message_id = next(f["message_id"] for f in frames if f["type"] == "ack")
        while not any(f["type"] == "message" and f["message"]["id"] == message_id for f in frames):
            frames.append(await socket.receive_json_from())
        return next(f["message"] for f in frames if f["type"] == "message" and f["message"]["id"] == message_id)

    async def as_listed(message: dict[str, Any]) -> bool:
        """The frame equals the reader's history item (the API's JSON keeps milliseconds of created_at)."""
        listed = (await sync_to_async(worker.get)(history)).json()["items"][-1]
        stamp = str(listed.pop("created_at")).rstrip("Z")
        return bool({**message, "created_at": None} == {**listed, "created_at": None}) and str(
            message["created_at"]
        ).startswith(stamp)

    async def next_message(socket: SocketClient) -> dict[str, Any]:
        frame = await socket.receive_json_from()
        while frame["type"] != "message":
            frame = await socket.receive_json_from()
        return dict(frame["message"])

    async def scenario() -> None:
        worker_socket = await signed_in_socket(worker.token)
        employer_socket = await signed_in_socket(employer.token)

        own = await said(employer_socket, "入职前需先交押金300元，培训费另收")
        assert (own["text"], own["review"]) == ("入职前需先交押金300元，培训费另收", "held")
        pushed = await next_message(worker_socket)
        assert (pushed["text"], pushed["review"], pushed["masked"]) == (HELD_TEXT, "held", True)
        assert await as_listed(pushed)

        await said(employer_socket, "电话 13812345678")
        pushed = await next_message(worker_socket)
        assert (pushed["text"], pushed["masked"]) == ("电话 138****5678", True)

        share = await sync_to_async(employer.post)(f"messaging/conversations/{conversation_id}/share-phone")
        assert share.status_code == 201
        assert (await next_message(worker_socket))["kind"] == "contact_share"
        await said(employer_socket, "电话 13812345678")
        pushed = await next_message(worker_socket)
        assert (pushed["text"], pushed["masked"]) == ("电话 13812345678", False)
        assert await as_listed(pushed)
        for socket in (worker_socket, employer_socket):
            await socket.disconnect()

    run(scenario)


def test_socket_send_refused_to_a_disabled_or_blocked_counterpart_R_APP_6() -> None:
    """The checks sending makes in one query: the sender's own block and a disabled recipient refuse the
    frame with the API's codes, and store nothing."""
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    frame = {"type": "send", "conversation_id": conversation_id, "text": "你好"}

    async def scenario() -> None:
        socket = await signed_in_socket(buyer.token)
        assert (await sync_to_async(buyer.post)("messaging/blocks", {"user_id": seller.user.pk})).status_code == 201
        await socket.send_json_to(frame)
        assert (await socket.receive_json_from())["code"] == "you_blocked"
        await sync_to_async(buyer.delete)(f"messaging/blocks/{seller.user.pk}")
        operator = await sync_to_async(make_staff)(superuser=True)
        await sync_to_async(change_status)(
            user=seller.user, status=AccountStatus.DISABLED, reason="多次发布虚假信息", operator=operator
        )
        await socket.send_json_to(frame)
        assert (await socket.receive_json_from())["code"] == "counterpart_unavailable"
        await socket.disconnect()

    run(scenario)
    assert not Message.objects.exists()


def test_logout_stops_the_open_socket_R_OPS_3() -> None:
    buyer, _seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]

    async def scenario() -> None:
        socket = await signed_in_socket(buyer.token)
        logout = await sync_to_async(buyer.post)("auth/logout")
        assert logout.status_code in (200, 204)
        await socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "还在吗"})
        assert (await socket.receive_json_from())["code"] == "token_invalid"
        assert await socket.close_code() == 4401

    run(scenario)


def test_first_reply_pushes_the_progress_change_to_both_chats_R_FLOW_3() -> None:
    """The counterpart's first reply moves the connection to 已回复; both open chats hear of it."""
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post, message="还有货吗？")["conversation_id"]
    url = f"messaging/conversations/{conversation_id}/messages"

    async def scenario() -> None:
        buyer_socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)
        assert (await sync_to_async(seller.post)(url, {"text": "有的，现货 3000 个"})).status_code == 201
        for socket in (buyer_socket, seller_socket):
            frames = [await socket.receive_json_from(), await socket.receive_json_from()]
            progress = [f for f in frames if f["type"] == "connection"]
            assert progress and progress[0]["status"] == "replied"
        # A second reply changes nothing: only messages arrive.
        assert (await sync_to_async(seller.post)(url, {"text": "可以寄样"})).status_code == 201
        assert (await buyer_socket.receive_json_from())["type"] == "message"
        for socket in (buyer_socket, seller_socket):
            await socket.disconnect()

    run(scenario)


def _end_by_logout(client: Any) -> None:
    assert client.post("auth/logout").status_code == 204


def _end_by_disablement(client: Any) -> None:
    operator = make_staff(superuser=True)
    change_status(user=client.user, status=AccountStatus.DISABLED, reason="多次发布虚假信息", operator=operator)


def _end_by_cancellation(client: Any) -> None:
    assert client.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204


@pytest.mark.parametrize(
    ("end_session", "code"),
    [
        (_end_by_logout, "token_invalid"),
        (_end_by_disablement, "account_disabled"),
        (_end_by_cancellation, "account_cancelled"),
    ],
    ids=["logout", "disabled", "cancelled"],
)
def test_ended_session_closes_the_open_socket_at_once_and_no_frame_follows_R_OPS_3(
    end_session: Callable[[Any], None], code: str
) -> None:
    """Logout, disablement and cancellation close that account's chat socket at once (error frame, 4401);
    afterwards the counterpart's messages and read marks never reach it."""
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post, message="还有货吗？")["conversation_id"]
    url = f"messaging/conversations/{conversation_id}/messages"

    async def scenario() -> None:
        socket = await signed_in_socket(buyer.token)
        seller_socket = await signed_in_socket(seller.token)
        await sync_to_async(end_session)(buyer)
        closing = await socket.receive_json_from()
        assert (closing["type"], closing["code"]) == ("error", code)
        assert await socket.close_code() == 4401
        # A message (refused once the account is disabled or cancelled) and a read mark, both of which
        # would be pushed to the buyer's socket.
        sent = await sync_to_async(seller.post)(url, {"text": "有的，现货 3000 个"})
        assert sent.status_code in (201, 409), sent
        await seller_socket.send_json_to({"type": "read", "conversation_id": conversation_id})
        # The seller's own socket hears them: the events were sent to both participants.
        heard = [(await seller_socket.receive_json_from())["type"]]
        while heard[-1] != "read":
            heard.append((await seller_socket.receive_json_from())["type"])
        assert ("message" in heard) == (sent.status_code == 201)
        assert await socket.receive_nothing(timeout=0.5)
        await seller_socket.disconnect()

    run(scenario)


def test_logout_of_one_device_keeps_the_other_devices_socket_R_OPS_3() -> None:
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    other_device = signed_in_client(buyer.user)

    async def scenario() -> None:
        phone_socket = await signed_in_socket(buyer.token)
        tablet_socket = await signed_in_socket(other_device.token)
        await sync_to_async(_end_by_logout)(buyer)
        assert (await phone_socket.receive_json_from())["code"] == "token_invalid"
        assert await phone_socket.close_code() == 4401
        url = f"messaging/conversations/{conversation_id}/messages"
        assert (await sync_to_async(seller.post)(url, {"text": "在的"})).status_code == 201
        frames = {(await tablet_socket.receive_json_from())["type"] for _ in range(2)}
        assert frames == {"message", "connection"}
        await tablet_socket.disconnect()

    run(scenario)


def test_a_revoked_token_receives_no_frame_even_without_the_close_message_R_OPS_3(monkeypatch: Any) -> None:
    """The socket checks its token again before delivering once ``TOKEN_RECHECK_SECONDS`` passed (issue
    #13: not on every frame): a token revoked behind its back (expiry, a lost close message) gets the
    error and 4401 instead of the counterpart's message."""
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    now = [1000.0]
    monkeypatch.setattr(consumers, "_clock", lambda: now[0])

    async def scenario() -> None:
        socket = await signed_in_socket(buyer.token)
        await sync_to_async(AuthToken.objects.filter(user=buyer.user).update)(revoked_at=timezone.now())
        now[0] += consumers.TOKEN_RECHECK_SECONDS
        url = f"messaging/conversations/{conversation_id}/messages"
        assert (await sync_to_async(seller.post)(url, {"text": "在的"})).status_code == 201
        assert (await socket.receive_json_from())["code"] == "token_invalid"
        assert await socket.close_code() == 4401
        assert await socket.receive_nothing(timeout=0.3)

    run(scenario)


def test_socket_sending_shares_the_chat_limit_and_stores_nothing_past_it_R_APP_6(
    settings: Any, limiter_clock: LimiterClock
) -> None:
    """REST and socket sends count against one ``chat_send`` limit; a refused frame answers an error frame
    with the API's code and ``retry_after``, stores no message and keeps the socket open."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "chat_send": "2/m per user"}
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    assert buyer.post(f"messaging/conversations/{conversation_id}/messages", {"text": "你好"}).status_code == 201

    async def scenario() -> None:
        socket = await signed_in_socket(buyer.token)
        await socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "第二条", "ref": "c2"})
        frames = [await socket.receive_json_from(), await socket.receive_json_from()]
        assert {f["type"] for f in frames} == {"ack", "message"}
        await socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": "第三条", "ref": "c3"})
        # The answer is an error frame; a push of an earlier message may arrive before it (the pub/sub
        # layer delivers in its own time), but no ack or message for "第三条" may.
        error = await socket.receive_json_from()
        for _ in range(3):
            if error["type"] == "error":
                break
            assert error.get("ref") != "c3" and "第三条" not in str(error), error
            error = await socket.receive_json_from()
        assert (error["type"], error["code"], error["ref"]) == ("error", "rate_limited", "c3")
        assert 1 <= error["detail"]["retry_after"] <= 60
        assert error["message"] == f"操作过于频繁，请 {error['detail']['retry_after']} 秒后再试"
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from() == {"type": "pong"}
        await socket.disconnect()

    run(scenario)
    assert list(Message.objects.filter(sender=buyer.user).values_list("text", flat=True).order_by("pk")) == [
        "你好",
        "第二条",
    ]
    assert seller.post(f"messaging/conversations/{conversation_id}/messages", {"text": "在的"}).status_code == 201
