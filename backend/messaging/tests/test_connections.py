"""Connections (对接记录), response figures, query counts and personal data through the HTTP
API (R-APP-4, R-APP-6, R-FLOW-3, R-PLUS-4/5)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import AccountType
from accounts.services import set_phone
from accounts.tests.factories import make_user, signed_in_client
from common.testing import export_archive
from messaging import selectors, services
from messaging.models import Connection, ConnectionEvent
from messaging.tests.factories import (
    make_factory,
    make_post,
    open_chat,
    pair,
    send,
    upload_chat_image,
)

pytestmark = pytest.mark.django_db


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
