"""Notifications in the app and as WeChat subscription messages (R-APP-6, R-OPS-3)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.models import Effect, EffectStatus
from common.tasks import run_due_effects
from common.testing import ApiClient, FakeWeChat
from notifications.models import Notification, NotificationKind, SubscriptionGrant
from notifications.services import notify
from notifications.tests.factories import make_notification

pytestmark = pytest.mark.django_db

REVIEW_TEMPLATE = "tpl-review-result"


def review_result(recipient: Any, *, dedupe_key: str | None = None) -> Notification | None:
    return notify(
        recipient=recipient,
        kind=NotificationKind.REVIEW_RESULT,
        title="您发布的采购需求已通过审核",
        body="保温杯 5000 个",
        link="/pages/posts/detail?id=7",
        dedupe_key=dedupe_key,
        wechat_purpose="review_result",
        wechat_data={"thing1": "采购需求", "phrase2": "已通过"},
    )


def wechat_client(wechat: FakeWeChat, name: str) -> Any:
    return signed_in_client(make_user(account_type="factory", wechat_openid=wechat.openid_for(f"{name}:x")))


class TestInAppNotifications:
    def test_list_shows_only_own_newest_first_R_APP_6(self, django_assert_max_num_queries: Any) -> None:
        alice, bob = signed_in_client(), signed_in_client()
        first = make_notification(recipient=alice.user, title="第一条")
        second = make_notification(recipient=alice.user, title="第二条", kind=NotificationKind.NEW_MATCH)
        make_notification(recipient=bob.user, title="别人的")
        alice.get("me")  # the day's first request records activity; keep it out of the count

        with django_assert_max_num_queries(3):  # token, count, page
            response = alice.get("notifications")

        assert response.status_code == 200
        assert response.json()["count"] == 2
        items = response.json()["items"]
        assert [item["id"] for item in items] == [second.pk, first.pk]
        assert items[0]["kind_label"] == "新的匹配"
        assert items[0]["is_read"] is False
        for i in range(15):
            make_notification(recipient=alice.user, title=f"更多{i}")
        with django_assert_max_num_queries(3):
            assert len(alice.get("notifications", {"page_size": 50}).json()["items"]) == 17
        only_matches = alice.get("notifications", {"kind": "new_match"}).json()
        assert [item["id"] for item in only_matches["items"]] == [second.pk]

    def test_unread_count_drops_after_mark_read_R_APP_6(self) -> None:
        client = signed_in_client()
        a, b, _c = (make_notification(recipient=client.user) for _ in range(3))
        assert client.get("notifications/unread-count").json() == {"count": 3}

        response = client.post("notifications/read", {"ids": [a.pk, b.pk]})

        assert response.json() == {"marked": 2, "unread_count": 1}
        assert client.get("notifications/unread-count").json() == {"count": 1}
        assert client.get("notifications", {"unread": True}).json()["count"] == 1
        assert client.post("notifications/read", {}).json() == {"marked": 1, "unread_count": 0}
        assert client.get("notifications/unread-count").json() == {"count": 0}
        assert all(item["is_read"] for item in client.get("notifications").json()["items"])

    def test_others_notifications_cannot_be_marked_read_R_OPS_3(self) -> None:
        owner, other = signed_in_client(), signed_in_client()
        theirs = make_notification(recipient=owner.user)
        make_notification(recipient=other.user)

        assert other.post("notifications/read", {"ids": [theirs.pk]}).json() == {"marked": 0, "unread_count": 1}
        assert other.post("notifications/read", {}).json()["marked"] == 1

        theirs.refresh_from_db()
        assert theirs.read_at is None
        assert owner.get("notifications/unread-count").json() == {"count": 1}

    def test_dedupe_key_makes_a_second_notify_a_no_op_R_APP_6(self) -> None:
        client = signed_in_client()
        assert review_result(client.user, dedupe_key="post:7:approved") is not None
        assert review_result(client.user, dedupe_key="post:7:approved") is None
        assert client.get("notifications").json()["count"] == 1

    def test_endpoints_need_sign_in(self, api: ApiClient) -> None:
        assert api.get("notifications").status_code == 401
        assert api.get("notifications/unread-count").status_code == 401
        assert api.post("notifications/read", {}).status_code == 401
        assert api.post("notifications/subscriptions", {"purposes": ["review_result"]}).status_code == 401


class TestWeChatSubscriptionMessages:
    def test_sent_only_after_the_user_granted_and_once_per_grant_R_APP_6(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        client = wechat_client(wechat, "alice")
        openid = client.user.wechat_openid

        with django_capture_on_commit_callbacks(execute=True):
            review_result(client.user)
        assert wechat.sent() == []  # no grant yet: in-app only

        # The user taps "allow" in wx.requestSubscribeMessage; WeChat records it, the app reports it.
        templates = {t["purpose"]: t for t in client.get("notifications/subscriptions").json()}
        assert templates["review_result"] == {
            "purpose": "review_result",
            "label": "审核结果通知",
            "template_id": REVIEW_TEMPLATE,
            "remaining": 0,
        }
        wechat.grant_subscription(openid, REVIEW_TEMPLATE)
        granted = client.post("notifications/subscriptions", {"purposes": ["review_result"]})
        assert granted.status_code == 200
        assert {t["purpose"]: t["remaining"] for t in granted.json()}["review_result"] == 1

        with django_capture_on_commit_callbacks(execute=True):
            review_result(client.user)
        sent = wechat.sent()
        assert len(sent) == 1
        assert sent[0]["touser"] == openid
        assert sent[0]["template_id"] == REVIEW_TEMPLATE
        assert sent[0]["page"] == "/pages/posts/detail?id=7"
        assert sent[0]["data"]["phrase2"] == {"value": "已通过"}

        with django_capture_on_commit_callbacks(execute=True):
            review_result(client.user)
        assert len(wechat.sent()) == 1  # the grant was used up
        assert client.get("notifications/unread-count").json() == {"count": 3}

    def test_refusal_by_wechat_keeps_the_in_app_notification_R_APP_6(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        # The app reported a grant, but WeChat holds none (the user switched messages off): 43101.
        client = wechat_client(wechat, "bob")
        client.post("notifications/subscriptions", {"purposes": ["review_result"]})

        with django_capture_on_commit_callbacks(execute=True):
            notification = review_result(client.user)

        assert wechat.sent() == []
        assert notification is not None
        assert client.get("notifications").json()["items"][0]["id"] == notification.pk
        assert SubscriptionGrant.objects.get(user=client.user, purpose="review_result").remaining == 0

    def test_wechat_outage_keeps_the_grant_for_the_waiting_message_R_APP_6(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        client = wechat_client(wechat, "carol")
        wechat.grant_subscription(client.user.wechat_openid, REVIEW_TEMPLATE)
        wechat.grant_subscription(client.user.wechat_openid, REVIEW_TEMPLATE)
        client.post("notifications/subscriptions", {"purposes": ["review_result"]})
        client.post("notifications/subscriptions", {"purposes": ["review_result"]})
        wechat.set_mode(down=True)  # WeChat refuses connections

        with django_capture_on_commit_callbacks(execute=True):
            assert review_result(client.user) is not None
        # The message waits for a retry holding one grant; the other stays for the next message.
        assert wechat.sent() == []
        assert Effect.objects.get(task="notifications.send_subscription_message").status == EffectStatus.RETRYING
        assert SubscriptionGrant.objects.get(user=client.user, purpose="review_result").remaining == 1

        wechat.set_mode(down=False)
        run_due_effects()
        assert len(wechat.sent()) == 1
        run_due_effects()  # a late duplicate delivery sends nothing more
        assert len(wechat.sent()) == 1
        with django_capture_on_commit_callbacks(execute=True):
            review_result(client.user)
        assert len(wechat.sent()) == 2
        assert SubscriptionGrant.objects.get(user=client.user, purpose="review_result").remaining == 0

    def test_h5_user_without_openid_gets_in_app_only_R_APP_6(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        client = signed_in_client()
        client.post("notifications/subscriptions", {"purposes": ["review_result"]})
        with django_capture_on_commit_callbacks(execute=True):
            review_result(client.user)
        assert wechat.sent() == []
        assert client.get("notifications/unread-count").json() == {"count": 1}

    def test_unknown_purpose_is_refused_R_APP_6(self) -> None:
        client = signed_in_client()
        response = client.post("notifications/subscriptions", {"purposes": ["review_result", "lottery"]})
        assert response.status_code == 422
        assert response.json()["detail"][0]["field"] == "purposes"
        assert "lottery" in response.json()["message"]
        assert not SubscriptionGrant.objects.exists()


class TestConsole:
    def test_notification_list_is_read_only_with_filters_R_APP_6(self) -> None:
        make_notification(recipient=make_user(), title="资质即将到期", kind=NotificationKind.QUALIFICATION)
        staff = make_staff()
        staff.user_permissions.add(Permission.objects.get(codename="view_notification"))
        console = Client()
        console.force_login(staff)

        page = console.get("/admin/notifications/notification/", {"kind": "qualification", "read": "no"})

        assert page.status_code == 200
        assert "资质即将到期" in page.content.decode()
        assert "/admin/notifications/notification/add/" not in page.content.decode()
        read_only = console.get("/admin/notifications/notification/", {"read": "yes"})
        assert "资质即将到期" not in read_only.content.decode()
