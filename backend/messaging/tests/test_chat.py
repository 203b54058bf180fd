"""Chat messages, attachments, keyword checks, phone sharing and blocks through the HTTP API
(R-APP-6, R-OPS-1, R-PLUS-3)."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import AccountType, User
from accounts.services import set_phone
from accounts.tests.factories import make_user, signed_in_client
from common.testing import notifications_of
from messaging.models import Connection, Message
from messaging.tests.factories import (
    make_post,
    open_chat,
    pair,
    send,
    upload_chat_image,
)
from moderation.models import BannedKeyword

pytestmark = pytest.mark.django_db


class TestChat:
    def test_messages_unread_counts_and_read_marks_R_APP_6(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        for text in ("第一条", "第二条", "第三条"):
            assert send(buyer, conversation_id, text).status_code == 201

        listed = seller.get("messaging/conversations").json()
        assert listed["count"] == 1
        row = listed["items"][0]
        assert row["unread"] == 3
        assert row["last_message"]["preview"] == "第三条"
        assert row["counterpart"]["display_name"] == buyer.user.display_name
        assert seller.get("messaging/unread-count").json() == {"unread": 3}
        assert buyer.get("messaging/unread-count").json() == {"unread": 0}

        read = seller.post(f"messaging/conversations/{conversation_id}/read")
        assert read.status_code == 200
        assert read.json()["unread"] == 0
        assert seller.get("messaging/unread-count").json() == {"unread": 0}
        buyer_view = buyer.get(f"messaging/conversations/{conversation_id}").json()
        assert buyer_view["counterpart_last_read_at"] == read.json()["last_read_at"]

        # Replying counts as reading: the buyer's own unread clears when they answer.
        send(seller, conversation_id, "有货")
        assert buyer.get("messaging/unread-count").json() == {"unread": 1}
        send(buyer, conversation_id, "好的")
        assert buyer.get("messaging/unread-count").json() == {"unread": 0}

    def test_history_pages_backwards_R_APP_6(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        for n in range(5):
            send(buyer if n % 2 == 0 else seller, conversation_id, f"消息{n}")
        url = f"messaging/conversations/{conversation_id}/messages"

        newest = seller.get(url, {"limit": 2}).json()
        assert [m["text"] for m in newest["items"]] == ["消息3", "消息4"]
        assert [m["is_mine"] for m in newest["items"]] == [True, False]
        assert newest["has_more"] is True
        older = seller.get(url, {"limit": 2, "before_id": newest["next_before_id"]}).json()
        assert [m["text"] for m in older["items"]] == ["消息1", "消息2"]
        oldest = seller.get(url, {"limit": 2, "before_id": older["next_before_id"]}).json()
        assert [m["text"] for m in oldest["items"]] == ["消息0"]
        assert (oldest["has_more"], oldest["next_before_id"]) == (False, None)

    def test_image_attachment_message_R_APP_6(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        file_id = upload_chat_image(buyer)
        sent = buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": file_id})
        assert sent.status_code == 201
        body = sent.json()
        assert body["kind"] == "image"
        assert body["file"]["id"] == file_id
        seen = seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]
        assert seen["file"]["id"] == file_id
        assert seller.get("messaging/conversations").json()["items"][0]["last_message"]["preview"] == "[图片]"
        # A signed link from the message opens the file without a bearer header (mini-program <image>).
        assert Client().get(seen["file"]["url"]).status_code == 200

    def test_empty_or_double_message_is_refused_R_APP_6(self) -> None:
        buyer, _seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        url = f"messaging/conversations/{conversation_id}/messages"
        assert buyer.post(url, {"text": "   "}).json()["code"] == "validation_error"
        file_id = upload_chat_image(buyer)
        assert buyer.post(url, {"text": "看图", "file_id": file_id}).status_code == 422

    def test_a_burst_of_messages_notifies_once_until_read_R_APP_6(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        seller.post(f"messaging/conversations/{conversation_id}/read")
        for text in ("在吗", "在吗？", "价格多少"):
            send(buyer, conversation_id, text)
        assert len(notifications_of(seller, "new_message")) == 1

        seller.post(f"messaging/conversations/{conversation_id}/read")
        send(buyer, conversation_id, "回复一下")
        assert len(notifications_of(seller, "new_message")) == 2

    def test_blocking_keyword_refuses_the_message_and_flag_keeps_it_marked_R_OPS_1(self) -> None:
        BannedKeyword.objects.create(word="赌博", action="block")
        BannedKeyword.objects.create(word="私下转账", action="flag")
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]

        blocked = send(buyer, conversation_id, "一起 赌 博 吗")
        assert blocked.status_code == 422
        assert blocked.json()["code"] == "content_blocked"
        assert "赌博" in blocked.json()["message"]
        assert not Message.objects.exists()

        # A WeChat sign-in (openid, so msgSecCheck vouches for it): a flagged word is delivered, marked.
        User.objects.filter(pk=buyer.user.pk).update(wechat_openid="o_buyer_flag")
        flagged = send(buyer, conversation_id, "可以私下转账")
        assert flagged.status_code == 201
        message = Message.objects.get()
        assert message.is_flagged is True
        assert message.moderation["flagged"] == ["私下转账"]
        assert seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][0]["text"] == (
            "可以私下转账"
        )

        # The opening message of 联系对方 goes through the same check, and nothing is recorded.
        other_post = make_post(owner=seller.user, title="另一条库存")
        refused = buyer.post("messaging/contact", {"post_id": other_post.pk, "message": "赌博"})
        assert refused.json()["code"] == "content_blocked"
        assert Connection.objects.filter(post=other_post).count() == 0

    def test_phone_typed_in_chat_is_masked_until_the_sender_shares_R_PLUS_3(self) -> None:
        buyer, seller, post = pair()
        set_phone(user=buyer.user, phone="13912345678")
        set_phone(user=seller.user, phone="13700001111")
        conversation_id = open_chat(buyer, post, message="打我电话 13812345678 或加微信 wx_abc123")["conversation_id"]
        url = f"messaging/conversations/{conversation_id}"

        seen = seller.get(f"{url}/messages").json()["items"][0]
        assert "13812345678" not in seen["text"]
        assert "138****5678" in seen["text"]
        assert "wx_abc123" not in seen["text"]
        assert seen["masked"] is True
        own = buyer.get(f"{url}/messages").json()["items"][0]
        assert (own["text"], own["masked"]) == ("打我电话 13812345678 或加微信 wx_abc123", False)
        assert seller.get(url).json()["counterpart"]["phone"] == "139****5678"
        assert (
            seller.get("messaging/conversations")
            .json()["items"][0]["last_message"]["preview"]
            .startswith("打我电话 138****5678")
        )

        shared = buyer.post(f"{url}/share-phone")
        assert shared.status_code == 201
        assert (shared.json()["kind"], shared.json()["text"]) == ("contact_share", "13912345678")
        items = seller.get(f"{url}/messages").json()["items"]
        assert items[0]["text"] == "打我电话 13812345678 或加微信 wx_abc123"
        assert items[-1]["kind"] == "contact_share"
        assert items[-1]["text"] == "13912345678"
        detail = seller.get(url).json()
        assert (detail["counterpart"]["phone"], detail["counterpart_shared_phone"]) == ("13912345678", True)
        # The seller has not shared: the buyer still sees the seller's phone masked.
        assert buyer.get(url).json()["counterpart"]["phone"] == "137****1111"

        again = buyer.post(f"{url}/share-phone")
        assert again.json()["id"] == shared.json()["id"]
        assert Message.objects.filter(kind="contact_share").count() == 1

    def test_share_phone_needs_a_bound_phone_R_PLUS_3(self) -> None:
        buyer, _seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        response = buyer.post(f"messaging/conversations/{conversation_id}/share-phone")
        assert (response.status_code, response.json()["code"]) == (409, "phone_missing")


class TestBlocks:
    def test_blocked_user_cannot_message_R_APP_6(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]

        blocked = seller.post("messaging/blocks", {"user_id": buyer.user.pk})
        assert blocked.status_code == 201
        assert blocked.json()["blocked_user_id"] == buyer.user.pk
        refused = send(buyer, conversation_id, "为什么不回我")
        assert (refused.status_code, refused.json()["code"]) == (403, "blocked_by_counterpart")
        assert send(seller, conversation_id, "hi").json()["code"] == "you_blocked"
        assert buyer.post("messaging/contact", {"post_id": post.pk}).status_code == 403
        assert seller.get(f"messaging/conversations/{conversation_id}").json()["i_blocked"] is True
        assert buyer.get(f"messaging/conversations/{conversation_id}").json()["i_blocked"] is False

        assert seller.delete(f"messaging/blocks/{buyer.user.pk}").status_code == 204
        assert send(buyer, conversation_id, "你好").status_code == 201

    def test_block_refusals_R_APP_6(self) -> None:
        client = signed_in_client(make_user(account_type=AccountType.TRADE))
        assert client.post("messaging/blocks", {"user_id": client.user.pk}).json()["code"] == "cannot_block_self"
        assert client.post("messaging/blocks", {"user_id": 999999}).status_code == 404
