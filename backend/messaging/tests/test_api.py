"""Contact, chat, connections and blocks through the HTTP API (R-FLOW-3, R-APP-4..6, R-OPS-3, R-PLUS-3/4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import AccountStatus, AccountType, User
from accounts.services import set_phone
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.errors import PermissionDenied
from common.models import AuditEntry
from common.testing import FakeWeChat, export_archive, notifications_of
from messaging import selectors, services
from messaging.models import Connection, ConnectionEvent, Conversation, Message
from messaging.tests.factories import make_factory, make_post, open_chat, pair, upload_chat_image
from moderation.models import BannedKeyword

pytestmark = pytest.mark.django_db

NEW_MESSAGE_TEMPLATE = "tpl-new-message"


def send(client: Any, conversation_id: int, text: str) -> Any:
    return client.post(f"messaging/conversations/{conversation_id}/messages", {"text": text})


class TestContact:
    def test_contact_opens_one_conversation_and_one_connection_idempotently_R_FLOW_3_R_APP_5(self) -> None:
        buyer, seller, post = pair()

        first = open_chat(buyer, post)
        again = open_chat(buyer, post)

        assert first["created"] is True
        assert again == {**first, "created": False}
        assert Connection.objects.count() == 1
        assert Conversation.objects.count() == 1
        post.refresh_from_db()
        assert post.contact_count == 1
        connection = Connection.objects.get()
        assert (connection.initiator, connection.counterpart, connection.post) == (buyer.user, seller.user, post)
        assert connection.status == "contacted"

        # The same two accounts talk in the same conversation whatever the item.
        factory = make_factory(owner=seller.user)
        by_factory = buyer.post("messaging/contact", {"factory_id": factory.pk}).json()
        assert by_factory["created"] is True
        assert by_factory["conversation_id"] == first["conversation_id"]
        assert by_factory["connection_id"] != first["connection_id"]

        detail = seller.get(f"messaging/conversations/{first['conversation_id']}").json()
        assert detail["counterpart"]["id"] == buyer.user.pk
        assert [(c["post"] or {}).get("id") for c in detail["connections"]] == [post.pk, None]
        assert detail["connections"][1]["factory"] == {"id": factory.pk, "name": "永康保温杯厂"}

    def test_counterpart_notified_in_app_and_by_wechat_R_FLOW_3_R_APP_6(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        buyer, seller, post = pair()
        seller.user.wechat_openid = "openid-seller"
        seller.user.save(update_fields=["wechat_openid"])
        wechat.grant_subscription("openid-seller", NEW_MESSAGE_TEMPLATE)
        seller.post("notifications/subscriptions", {"purposes": ["new_message"]})

        with django_capture_on_commit_callbacks(execute=True):
            opened = open_chat(buyer, post, message="你好，保温杯还有货吗？")

        contacts = notifications_of(seller, "new_contact")
        assert len(contacts) == 1
        assert post.title in contacts[0]["body"]
        # The opening message does not notify a second time on top of the contact.
        assert notifications_of(seller, "new_message") == []
        sent = wechat.sent()
        assert len(sent) == 1
        assert sent[0]["touser"] == "openid-seller"
        assert sent[0]["template_id"] == NEW_MESSAGE_TEMPLATE
        assert sent[0]["page"] == f"/pages/messages/chat?id={opened['conversation_id']}"

        open_chat(buyer, post)  # a repeat is not a new contact
        assert len(notifications_of(seller, "new_contact")) == 1

    def test_contact_refusals_R_APP_5(self) -> None:
        buyer, seller, post = pair()
        own = seller.post("messaging/contact", {"post_id": post.pk})
        assert (own.status_code, own.json()["code"]) == (400, "cannot_contact_self")

        draft = make_post(owner=seller.user, status="draft")
        assert buyer.post("messaging/contact", {"post_id": draft.pk}).status_code == 404
        unverified = make_factory(verified=False)
        assert buyer.post("messaging/contact", {"factory_id": unverified.pk}).status_code == 404
        both = buyer.post("messaging/contact", {"post_id": post.pk, "factory_id": unverified.pk})
        assert both.status_code == 422
        assert buyer.post("messaging/contact", {}).status_code == 422
        no_type = signed_in_client(make_user())
        assert no_type.post("messaging/contact", {"post_id": post.pk}).json()["code"] == "account_type_required"
        assert Connection.objects.count() == 0

    def test_contacting_a_disabled_account_is_refused_R_APP_5(self) -> None:
        """A disabled account's factory is gone (404, issue #10: no public page for a disabled owner);
        in a conversation opened before, a message to it is refused (409)."""
        buyer, seller, post = pair()
        factory = make_factory(owner=seller.user)
        conversation_id = open_chat(buyer, post)["conversation_id"]
        seller.user.status = AccountStatus.DISABLED
        seller.user.save(update_fields=["status"])
        response = buyer.post("messaging/contact", {"factory_id": factory.pk})
        assert (response.status_code, response.json()["code"]) == (404, "not_found")
        response = buyer.post(f"messaging/conversations/{conversation_id}/messages", {"text": "还在吗"})
        assert (response.status_code, response.json()["code"]) == (409, "counterpart_unavailable")


class TestPrivacy:
    def test_third_user_is_denied_everything_about_a_conversation_R_OPS_3(self) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post, message="看看样品图")["conversation_id"]
        file_id = upload_chat_image(buyer)
        sent = buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": file_id})
        assert sent.status_code == 201
        connection_id = Connection.objects.get().pk
        outsider = signed_in_client(make_user(account_type=AccountType.TRADE))
        base = f"messaging/conversations/{conversation_id}"

        assert outsider.get(base).status_code == 404
        assert outsider.get(f"{base}/messages").status_code == 404
        assert send(outsider, conversation_id, "插一句").status_code == 404
        assert outsider.post(f"{base}/read").status_code == 404
        assert outsider.post(f"{base}/share-phone").status_code == 404
        assert outsider.post(f"messaging/connections/{connection_id}/status", {"status": "deal"}).status_code == 404
        assert outsider.get("messaging/conversations").json()["count"] == 0
        assert outsider.get("messaging/connections").json()["count"] == 0
        assert outsider.get(f"files/{file_id}").status_code == 404
        assert outsider.get(f"files/{file_id}/thumbnail").status_code == 404
        # Both parties can open the attachment.
        assert seller.get(f"files/{file_id}").status_code == 200
        assert buyer.get(f"files/{file_id}").status_code == 200
        assert Message.objects.filter(conversation_id=conversation_id).count() == 2

    def test_another_users_chat_file_cannot_be_sent_R_OPS_3(self) -> None:
        buyer, _seller, post = pair()
        conversation_id = open_chat(buyer, post)["conversation_id"]
        stranger = signed_in_client(make_user(account_type=AccountType.TRADE))
        foreign_file = upload_chat_image(stranger)
        response = buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": foreign_file})
        assert response.status_code == 422
        assert response.json()["detail"][0]["field"] == "file_id"

    def test_operator_reads_a_conversation_only_through_a_complaint_and_is_audited_R_OPS_3(self) -> None:
        buyer, _seller, post = pair()
        conversation_id = open_chat(buyer, post, message="电话 13812345678")["conversation_id"]
        support = make_staff(groups=("客服",))
        reviewer = make_staff(groups=("审核员",))

        messages = services.open_conversation_for_complaint(
            operator=support, conversation_id=conversation_id, complaint_id=42
        )
        assert [m.text for m in messages] == ["电话 13812345678"]
        entry = AuditEntry.objects.get(action="messaging.conversation_opened_for_complaint")
        assert (entry.actor, entry.target_id, entry.data["complaint_id"]) == (support, str(conversation_id), 42)

        with pytest.raises(PermissionDenied):
            services.open_conversation_for_complaint(
                operator=reviewer, conversation_id=conversation_id, complaint_id=42
            )

    def test_console_has_no_conversation_or_message_pages_R_OPS_3(self) -> None:
        buyer, _seller, post = pair()
        open_chat(buyer, post)
        browser = Client()
        browser.force_login(make_staff(superuser=True))
        assert browser.get("/admin/messaging/conversation/").status_code == 404
        assert browser.get("/admin/messaging/message/").status_code == 404
        connections = browser.get("/admin/messaging/connection/")
        assert connections.status_code == 200
        assert "已联系" in connections.content.decode()
        connection = Connection.objects.get()
        assert (
            browser.post(f"/admin/messaging/connection/{connection.pk}/change/", {"status": "deal"}).status_code == 403
        )


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


class TestConnections:
    def test_status_flow_first_reply_sets_replied_R_APP_4_R_FLOW_3(self) -> None:
        buyer, seller, post = pair()
        opened = open_chat(buyer, post, message="你好")
        conversation_id, connection_id = opened["conversation_id"], opened["connection_id"]
        send(buyer, conversation_id, "还在吗")
        assert Connection.objects.get().status == "contacted"

        send(seller, conversation_id, "在的")
        connection = Connection.objects.get()
        assert connection.status == "replied"
        assert connection.first_reply_at is not None

        received = seller.get("messaging/connections", {"role": "received"}).json()
        assert received["count"] == 1
        row = received["items"][0]
        assert (row["role"], row["status"], row["status_label"]) == ("received", "replied", "已回复")
        assert row["counterpart"]["id"] == buyer.user.pk
        assert row["post"] == {"id": post.pk, "kind": "stock", "title": post.title}
        assert row["conversation_id"] == conversation_id
        assert seller.get("messaging/connections", {"role": "initiated"}).json()["count"] == 0
        assert buyer.get("messaging/connections", {"role": "initiated"}).json()["items"][0]["role"] == "initiated"

        moved = buyer.post(f"messaging/connections/{connection_id}/status", {"status": "negotiating"})
        assert (moved.status_code, moved.json()["status"]) == (200, "negotiating")
        assert buyer.get("messaging/connections", {"status": "negotiating"}).json()["count"] == 1
        assert buyer.get("messaging/connections", {"status": "deal"}).json()["count"] == 0
        bad = seller.post(f"messaging/connections/{connection_id}/status", {"status": "replied"})
        assert bad.status_code == 422
        seller.post(f"messaging/connections/{connection_id}/status", {"status": "no_deal"})
        history = list(ConnectionEvent.objects.values_list("from_status", "to_status", "actor"))
        assert history == [
            ("", "contacted", buyer.user.pk),
            ("contacted", "replied", seller.user.pk),
            ("replied", "negotiating", buyer.user.pk),
            ("negotiating", "no_deal", seller.user.pk),
        ]

    def test_deal_counts_once_for_the_factorys_order_volume_R_APP_3_R_PLUS_4(self) -> None:
        buyer, seller, post = pair()
        factory = make_factory(owner=seller.user)
        connection_id = open_chat(buyer, post)["connection_id"]
        url = f"messaging/connections/{connection_id}/status"

        def deals() -> int:
            factory.refresh_from_db()
            return int(factory.completed_deals)

        assert buyer.post(url, {"status": "deal"}).json()["deal_at"] is not None
        assert deals() == 1
        assert seller.post(url, {"status": "deal"}).status_code == 200
        assert deals() == 1
        seller.post(url, {"status": "no_deal"})
        assert deals() == 0
        seller.post(url, {"status": "deal"})
        assert deals() == 1

    def test_deal_on_a_procurement_demand_counts_for_the_factory_that_answered_R_APP_3(self) -> None:
        trader = signed_in_client(make_user(account_type=AccountType.TRADE))
        demand = make_post(owner=trader.user, kind="procurement", title="采购保温杯 30000 个")
        factory = make_factory()
        factory_client = signed_in_client(factory.owner)
        connection_id = factory_client.post("messaging/contact", {"post_id": demand.pk}).json()["connection_id"]
        trader.post(f"messaging/connections/{connection_id}/status", {"status": "deal"})
        factory.refresh_from_db()
        assert factory.completed_deals == 1

    def test_response_stats_from_connections_R_PLUS_4(self, django_assert_max_num_queries: Any) -> None:
        seller = make_user(account_type=AccountType.FACTORY)
        quiet = make_user(account_type=AccountType.FACTORY)
        now = timezone.now()
        cases = [  # (created ago, replied after): 10 min, 30 h, never (2 days old), never (1 hour old)
            (timedelta(days=3), timedelta(minutes=10)),
            (timedelta(days=3), timedelta(hours=30)),
            (timedelta(days=2), None),
            (timedelta(hours=1), None),
        ]
        for n, (ago, delay) in enumerate(cases):
            buyer = make_user(account_type=AccountType.TRADE)
            post = make_post(owner=seller, title=f"库存{n}")
            result = services.contact(initiator=buyer, post_id=post.pk)
            created = now - ago
            Connection.objects.filter(pk=result.connection.pk).update(
                created_at=created, first_reply_at=created + delay if delay else None
            )
        deal = Connection.objects.order_by("id").first()
        assert deal is not None
        services.update_connection_status(user=seller, connection_id=deal.pk, status="deal")

        with django_assert_max_num_queries(2):
            stats = selectors.response_stats([seller.pk, quiet.pk, deal.initiator_id])

        # Answered within 24 h: 1 of the 3 that had their chance; the 1-hour-old one is not counted yet.
        assert stats[seller.pk]["response_rate"] == pytest.approx(1 / 3, abs=1e-4)
        assert stats[seller.pk]["median_response_minutes"] == pytest.approx((10 + 30 * 60) / 2)
        assert stats[seller.pk]["completed_deals"] == 1
        assert stats[deal.initiator_id]["completed_deals"] == 1
        assert stats[quiet.pk] == {"response_rate": None, "median_response_minutes": None, "completed_deals": 0}


class TestQueryCounts:
    def test_conversation_list_query_count_does_not_grow_R_APP_6(self, django_assert_max_num_queries: Any) -> None:
        seller = signed_in_client(make_user(account_type=AccountType.FACTORY))
        make_factory(owner=seller.user)

        def add_conversation(n: int) -> None:
            buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
            conversation_id = open_chat(buyer, make_post(owner=seller.user, title=f"库存{n}"))["conversation_id"]
            send(buyer, conversation_id, f"电话 1381234567{n}")

        add_conversation(0)
        with django_assert_max_num_queries(20) as small:
            assert seller.get("messaging/conversations").status_code == 200
        baseline = len(small.captured_queries)  # read now: the next request resets the query log
        for n in range(1, 6):
            add_conversation(n)
        with django_assert_max_num_queries(baseline):
            listed = seller.get("messaging/conversations").json()
        assert listed["count"] == 6
        assert all(item["unread"] == 1 for item in listed["items"])

    def test_connection_list_query_count_does_not_grow_R_APP_4(self, django_assert_max_num_queries: Any) -> None:
        seller = signed_in_client(make_user(account_type=AccountType.FACTORY))
        factory = make_factory(owner=seller.user)

        def add_connection(n: int) -> None:
            buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
            if n % 2:
                buyer.post("messaging/contact", {"factory_id": factory.pk})
            else:
                open_chat(buyer, make_post(owner=seller.user, title=f"库存{n}"))

        add_connection(0)
        with django_assert_max_num_queries(20) as small:
            assert seller.get("messaging/connections").status_code == 200
        baseline = len(small.captured_queries)  # read now: the next request resets the query log
        for n in range(1, 6):
            add_connection(n)
        with django_assert_max_num_queries(baseline):
            listed = seller.get("messaging/connections").json()
        assert listed["count"] == 6

    def test_history_query_count_does_not_grow_R_APP_6(self, django_assert_max_num_queries: Any) -> None:
        buyer, seller, post = pair()
        conversation_id = open_chat(buyer, post, message="第一条")["conversation_id"]
        url = f"messaging/conversations/{conversation_id}/messages"
        with django_assert_max_num_queries(20) as small:
            seller.get(url)
        baseline = len(small.captured_queries)  # read now: the next request resets the query log
        for n in range(8):
            send(buyer, conversation_id, f"消息{n}")
        buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": upload_chat_image(buyer)})
        with django_assert_max_num_queries(baseline):
            assert len(seller.get(url).json()["items"]) == 10


class TestPersonalData:
    def test_export_and_cancellation_R_PLUS_5(self) -> None:
        buyer, seller, post = pair()
        set_phone(user=buyer.user, phone="13912345678")
        conversation_id = open_chat(buyer, post, message="我的电话 13812345678")["conversation_id"]
        buyer.post(f"messaging/conversations/{conversation_id}/share-phone")
        send(seller, conversation_id, "收到")

        data = export_archive(buyer).data
        assert [m["内容"] for m in data["聊天"][0]["消息"]] == [
            "我的电话 13812345678",
            "13912345678",
            "收到",
        ]
        assert data["对接记录"][0]["方向"] == "我发起"

        assert buyer.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204
        texts = [m["text"] for m in seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"]]
        assert "13912345678" not in " ".join(texts)
        assert "13812345678" not in " ".join(texts)
        assert texts[-1] == "收到"
