"""审核中心 → 待审聊天消息 (issue #12 item 1, R-OPS-1, R-ROLE-4): chat messages the moderation pipeline held
are listed with their reasons; a reviewer releases one (the recipient then sees it, pushed over the
WebSocket) or rejects it (the sender is told why); support staff can neither see nor decide them."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import make_staff
from common.testing import notifications_of
from config.asgi import application
from messaging.display import REJECTED_TEXT
from messaging.models import Message
from messaging.tests.factories import open_chat, pair, send
from messaging.tests.ws import SocketClient
from moderation.pipeline import HELD_TEXT
from verification.tests.factories import make_reviewer

CHANGELIST = "admin:messaging_heldmessage_changelist"
ASK = "入职前需先交押金300元，培训费另收"


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def held_chat() -> tuple[Any, Any, int, Message]:
    """A worker asks about a job; the employer's answer asks for a deposit and is held."""
    worker, employer, post = pair(buyer_type="worker")
    conversation_id = int(open_chat(worker, post)["conversation_id"])
    assert send(employer, conversation_id, ASK).status_code == 201
    message = Message.objects.order_by("-pk").first()
    assert message is not None and message.moderation["held"] is True
    return worker, employer, conversation_id, message


def last_seen(client: Any, conversation_id: int) -> dict[str, Any]:
    return dict(client.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1])


@pytest.mark.django_db
def test_reviewer_sees_held_messages_with_reasons_and_releases_one_issue12() -> None:
    worker, _employer, conversation_id, message = held_chat()
    assert last_seen(worker, conversation_id)["text"] == HELD_TEXT
    reviewer = console(make_reviewer())
    assert "待审聊天消息" in reviewer.get(reverse("admin:index")).content.decode()
    page = reviewer.get(reverse(CHANGELIST)).content.decode()
    assert ASK in page and "收取费用（押金）" in page

    done = reviewer.post(reverse(CHANGELIST), {"action": "release_selected", "_selected_action": [message.pk]})
    assert done.status_code == 302
    seen = last_seen(worker, conversation_id)
    assert seen["text"] == ASK and seen["review"] is None
    assert ASK not in reviewer.get(reverse(CHANGELIST)).content.decode()  # left the queue
    # Deciding twice does nothing more.
    again = reviewer.post(
        reverse(CHANGELIST), {"action": "release_selected", "_selected_action": [message.pk]}, follow=True
    )
    assert again.status_code == 200


@pytest.mark.django_db
def test_rejected_message_never_reaches_the_recipient_and_the_sender_is_told_why_issue12() -> None:
    worker, employer, conversation_id, message = held_chat()
    reviewer = console(make_reviewer())
    asked = reviewer.post(reverse(CHANGELIST), {"action": "reject_selected", "_selected_action": [message.pk]})
    assert asked.status_code == 200 and "驳回原因" in asked.content.decode()
    short = reviewer.post(
        reverse(CHANGELIST),
        {"action": "reject_selected", "_selected_action": [message.pk], "confirm": "yes", "reason": "x"},
    )
    assert "2–200" in short.content.decode()
    reviewer.post(
        reverse(CHANGELIST),
        {
            "action": "reject_selected",
            "_selected_action": [message.pk],
            "confirm": "yes",
            "reason": "向求职者收取押金违反平台规则",
        },
    )
    seen = last_seen(worker, conversation_id)
    assert seen["text"] == REJECTED_TEXT and seen["review"] == "rejected" and seen["review_reason"] == ""
    own = last_seen(employer, conversation_id)
    assert own["text"] == ASK and own["review"] == "rejected" and own["review_reason"] == "向求职者收取押金违反平台规则"
    [notice] = notifications_of(employer, "review_result")
    assert "未通过审核" in notice["title"] and "向求职者收取押金" in notice["body"]
    assert ASK not in reviewer.get(reverse(CHANGELIST)).content.decode()


@pytest.mark.django_db
def test_support_staff_can_neither_see_nor_release_held_messages_issue12() -> None:
    worker, _employer, conversation_id, message = held_chat()
    support = console(make_staff(groups=(Role.SUPPORT.value,)))
    assert support.get(reverse(CHANGELIST)).status_code == 403
    assert "待审聊天消息" not in support.get(reverse("admin:index")).content.decode()
    support.post(reverse(CHANGELIST), {"action": "release_selected", "_selected_action": [message.pk]})
    assert last_seen(worker, conversation_id)["text"] == HELD_TEXT
    message.refresh_from_db()
    assert message.moderation["held"] is True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_released_message_is_pushed_to_the_recipient_socket_issue12() -> None:
    layer = get_channel_layer()
    async_to_sync(layer.flush)()
    worker, _employer, conversation_id, message = held_chat()
    reviewer = console(make_reviewer())

    async def scenario() -> None:
        socket = SocketClient(application, f"/ws/chat/?token={worker.token}")
        assert await socket.connect()
        assert (await socket.receive_json_from())["type"] == "ready"
        await sync_to_async(reviewer.post)(
            reverse(CHANGELIST), {"action": "release_selected", "_selected_action": [message.pk]}
        )
        pushed = await socket.receive_json_from()
        assert pushed["type"] == "message" and pushed["conversation_id"] == conversation_id
        assert pushed["message"]["id"] == message.pk and pushed["message"]["text"] == ASK
        await socket.disconnect()

    async_to_sync(scenario)()
    async_to_sync(layer.flush)()
