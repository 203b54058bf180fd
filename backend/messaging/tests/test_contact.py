"""Contact (对接) and the privacy of conversations through the HTTP API (R-FLOW-3, R-APP-5, R-OPS-3)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from accounts.models import AccountStatus, AccountType
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.errors import PermissionDenied
from common.models import AuditEntry
from common.testing import FakeWeChat, notifications_of
from messaging import services
from messaging.models import Connection, Conversation, Message
from messaging.tests.factories import (
    NEW_MESSAGE_TEMPLATE,
    make_factory,
    make_post,
    open_chat,
    pair,
    send,
    upload_chat_image,
)

pytestmark = pytest.mark.django_db


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
