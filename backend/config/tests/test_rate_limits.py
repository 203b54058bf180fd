"""Rate limits on every endpoint that costs us or bothers others (issue #11, item 4), through the HTTP API.

Each limit is set low through ``settings.RATE_LIMITS``. For each endpoint: the call past the limit answers
429 ``rate_limited`` with ``detail.retry_after`` and ``Retry-After``, writes nothing, leaves another user or
network alone, and works again after the window. SMS codes and the resend gap are in accounts' tests.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import AccountType, SmsCode, User
from accounts.sms import OutboxSmsSender
from accounts.tests.factories import make_user, signed_in_client
from applications.models import Application
from applications.tests.factories import labour_post, worker_client
from common.ratelimits import parse
from common.testing import ApiClient, LimiterClock, png_bytes
from messaging.models import Connection, Message
from messaging.tests.factories import make_post, open_chat, pair
from support.models import Complaint, Feedback
from uploads.models import StoredFile

pytestmark = pytest.mark.django_db

SetLimit = Callable[[str, str], None]
Tick = Callable[[], None]


@pytest.fixture
def limit(settings: Any, limiter_clock: LimiterClock) -> SetLimit:
    """Sets a low limit; the limiter's clock stands still until ``next_window``."""

    def set_limit(name: str, spec: str) -> None:
        assert name in settings.RATE_LIMITS
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, name: spec}

    return set_limit


def assert_limited(response: Any, *, window: int = 60) -> None:
    """The one answer of an exceeded limit."""
    assert response.status_code == 429, response
    body = response.json()
    retry_after = body["detail"]["retry_after"]
    assert body["code"] == "rate_limited"
    assert 1 <= retry_after <= window
    assert body["message"] == f"操作过于频繁，请 {retry_after} 秒后再试"
    assert response.headers["Retry-After"] == str(retry_after)


@pytest.fixture
def next_window(limiter_clock: LimiterClock) -> Tick:
    return lambda: limiter_clock.advance(61)


def upload(client: Any) -> Any:
    file = SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")
    return client.upload("uploads", files={"file": file}, data={"purpose": "chat_attachment"})


def test_limit_table_reads_as_ops_write_it() -> None:
    """Every named limit in the settings table parses; a malformed one is refused, not ignored."""
    for spec in settings.RATE_LIMITS.values():
        assert parse(spec)
    assert [(r.rate, r.scope) for r in parse("30/m per user, 100/10m per ip")] == [("30/m", "user"), ("100/10m", "ip")]
    with pytest.raises(ValueError):
        parse("30 a minute")
    with pytest.raises(ValueError):
        parse("30/m per planet")


class TestSignIn:
    def test_wechat_sign_in_is_limited_per_ip_R_ROLE_1(self, limit: SetLimit, next_window: Tick) -> None:
        limit("sign_in_wechat", "2/m per ip")
        client = ApiClient(ip="10.20.0.1")
        for n in range(2):
            assert client.post("auth/wechat-sign-in", {"code": f"user{n}:code"}).status_code == 200
        assert_limited(client.post("auth/wechat-sign-in", {"code": "carol:code"}))
        assert User.objects.count() == 2  # the refused sign-in created no account
        assert ApiClient(ip="10.20.0.2").post("auth/wechat-sign-in", {"code": "dave:code"}).status_code == 200
        next_window()
        assert client.post("auth/wechat-sign-in", {"code": "carol:code-2"}).status_code == 200

    def test_sms_sign_in_is_limited_per_ip_and_per_phone_R_ROLE_1(
        self, limit: SetLimit, next_window: Tick, settings: Any
    ) -> None:
        settings.SMS_CODE_MIN_INTERVAL_SECONDS = 0
        limit("sign_in_sms", "2/m per ip, 3/m per phone")
        phone = "13711110000"
        ApiClient(ip="10.21.0.9").post("auth/sms-codes", {"phone": phone})
        code = OutboxSmsSender.outbox[-1][1]
        wrong = "000000" if code != "000000" else "111111"
        client = ApiClient(ip="10.21.0.1")
        for _ in range(2):
            assert client.post("auth/sms-sign-in", {"phone": phone, "code": wrong}).json()["code"] == "sms_code_wrong"
        assert_limited(client.post("auth/sms-sign-in", {"phone": phone, "code": code}))
        sms = SmsCode.objects.get()
        assert (sms.attempts, sms.used_at) == (2, None)  # the refused try neither counted nor used the code
        assert not User.objects.exists()
        # Another network may try once more for this phone, then the phone itself is held.
        other = ApiClient(ip="10.21.0.2")
        assert other.post("auth/sms-sign-in", {"phone": phone, "code": wrong}).json()["code"] == "sms_code_wrong"
        assert_limited(ApiClient(ip="10.21.0.3").post("auth/sms-sign-in", {"phone": phone, "code": code}))
        next_window()
        signed_in = client.post("auth/sms-sign-in", {"phone": phone, "code": code})
        assert signed_in.status_code == 200, signed_in
        assert signed_in.json()["is_new"] is True


class TestMessaging:
    def test_contact_is_limited_per_user_R_FLOW_3(self, limit: SetLimit, next_window: Tick) -> None:
        limit("contact", "2/m per user")
        buyer, seller, first = pair()
        posts = [first, make_post(owner=seller.user, title="库存水杯"), make_post(owner=seller.user, title="库存餐具")]
        for post in posts[:2]:
            open_chat(buyer, post)
        assert_limited(buyer.post("messaging/contact", {"post_id": posts[2].pk}))
        assert Connection.objects.count() == 2
        other = signed_in_client(make_user(account_type=AccountType.TRADE))
        assert other.post("messaging/contact", {"post_id": posts[2].pk}).status_code == 200
        next_window()
        assert buyer.post("messaging/contact", {"post_id": posts[2].pk}).status_code == 200

    def test_chat_send_is_limited_per_user_R_APP_6(self, limit: SetLimit, next_window: Tick) -> None:
        limit("chat_send", "2/m per user")
        buyer, seller, post = pair()
        conversation = open_chat(buyer, post)["conversation_id"]
        path = f"messaging/conversations/{conversation}/messages"
        for n in range(2):
            assert buyer.post(path, {"text": f"你好 {n}"}).status_code == 201
        assert_limited(buyer.post(path, {"text": "还在吗"}))
        assert not Message.objects.filter(text="还在吗").exists()
        assert seller.post(path, {"text": "在的"}).status_code == 201  # the other party is not held
        next_window()
        assert buyer.post(path, {"text": "还在吗"}).status_code == 201


class TestSupport:
    def test_complaint_is_limited_per_user_R_OPS_4(self, limit: SetLimit, next_window: Tick) -> None:
        limit("complaint", "1/m per user")
        owner = make_user(account_type=AccountType.FACTORY)
        posts = [make_post(owner=owner, title=f"库存 {n}") for n in range(2)]
        user = signed_in_client(make_user(account_type=AccountType.TRADE))
        body = {"target_type": "post", "category": "fake_info", "description": "到货与描述严重不符，要求退款被拒"}
        assert user.post("complaints", {**body, "target_id": posts[0].pk}).status_code == 201
        assert_limited(user.post("complaints", {**body, "target_id": posts[1].pk}))
        assert Complaint.objects.count() == 1
        other = signed_in_client(make_user(account_type=AccountType.TRADE))
        assert other.post("complaints", {**body, "target_id": posts[1].pk}).status_code == 201
        next_window()
        assert user.post("complaints", {**body, "target_id": posts[1].pk}).status_code == 201

    def test_feedback_is_limited_per_user_R_APP_4(self, limit: SetLimit, next_window: Tick) -> None:
        limit("feedback", "1/m per user")
        user = signed_in_client(make_user(account_type=AccountType.TRADE))
        body = {"category": "suggestion", "content": "希望用工板块可以按工资排序"}
        assert user.post("feedback", body).status_code == 201
        assert_limited(user.post("feedback", body))
        assert Feedback.objects.count() == 1
        assert signed_in_client(make_user(account_type=AccountType.TRADE)).post("feedback", body).status_code == 201
        next_window()
        assert user.post("feedback", body).status_code == 201


def test_the_last_second_of_a_window_still_refuses_R_APP_1(limit: SetLimit, limiter_clock: LimiterClock) -> None:
    """django-ratelimit's windows end at a per-key second; in that second its ``time_left`` is 0. A call past
    the limit then is still refused (it once went through: 1 test run in ~60 failed for it)."""
    limit("search", "2/m per ip")
    ip = "10.32.0.1"
    offset = zlib.crc32(ip.encode()) % 60  # the key's window edge, as django-ratelimit places it
    limiter_clock.now = float(int(limiter_clock.now) // 60 * 60 + 60 + offset)
    client = ApiClient(ip=ip)
    for _ in range(2):
        assert client.get("search", {"q": "保温杯"}).status_code == 200
    refused = client.get("search", {"q": "保温杯"})
    assert_limited(refused)
    assert refused.json()["detail"]["retry_after"] == 1
    limiter_clock.advance(1)  # the next window
    assert client.get("search", {"q": "保温杯"}).status_code == 200


class TestCostlyReads:
    def test_upload_is_limited_per_user_and_per_ip_R_OPS_3(self, limit: SetLimit, next_window: Tick) -> None:
        limit("upload", "1/m per user, 2/m per ip")
        user = signed_in_client(make_user(account_type=AccountType.TRADE), ip="10.30.0.1")
        assert upload(user).status_code == 201
        assert_limited(upload(user))
        assert StoredFile.objects.count() == 1
        # A second account on the same network gets one more upload, then the network is held.
        neighbour = signed_in_client(make_user(account_type=AccountType.TRADE), ip="10.30.0.1")
        assert upload(neighbour).status_code == 201
        assert_limited(upload(signed_in_client(make_user(account_type=AccountType.TRADE), ip="10.30.0.1")))
        assert upload(signed_in_client(make_user(account_type=AccountType.TRADE), ip="10.30.0.2")).status_code == 201
        next_window()
        assert upload(user).status_code == 201
        assert StoredFile.objects.count() == 4

    def test_search_is_limited_per_ip_and_per_user_R_APP_1(self, limit: SetLimit, next_window: Tick) -> None:
        limit("search", "2/m per user, 3/m per ip")
        anonymous = ApiClient(ip="10.31.0.1")
        for _ in range(3):
            assert anonymous.get("search", {"q": "保温杯"}).status_code == 200
        assert_limited(anonymous.get("search", {"q": "保温杯"}))
        user = signed_in_client(make_user(account_type=AccountType.TRADE), ip="10.31.0.2")
        for _ in range(2):
            assert user.get("search", {"q": "保温杯"}).status_code == 200
        assert_limited(user.get("search", {"q": "保温杯"}))
        assert ApiClient(ip="10.31.0.3").get("search", {"q": "保温杯"}).status_code == 200
        next_window()
        assert anonymous.get("search", {"q": "保温杯"}).status_code == 200
        assert user.get("search", {"q": "保温杯"}).status_code == 200

    def test_job_application_is_limited_per_user_R_ROLE_3(self, limit: SetLimit, next_window: Tick) -> None:
        limit("job_application", "1/m per user")
        posts = [labour_post(title=f"缝纫工 {n} 名") for n in range(2)]
        worker = worker_client()
        assert worker.post("applications", {"post_id": posts[0].pk}).status_code == 201
        assert_limited(worker.post("applications", {"post_id": posts[1].pk}))
        assert Application.objects.count() == 1
        assert worker_client(name="李师傅").post("applications", {"post_id": posts[1].pk}).status_code == 201
        next_window()
        assert worker.post("applications", {"post_id": posts[1].pk}).status_code == 201

    def test_phone_binding_is_limited_per_user_issue_15_item_5(
        self, limit: SetLimit, next_window: Tick, wechat: Any
    ) -> None:
        limit("phone_bind", "1/m per user")
        user, other = signed_in_client(make_user()), signed_in_client(make_user())
        assert user.post("me/phone/wechat", {"code": "13800001001:a"}).status_code == 200
        assert_limited(user.post("me/phone/wechat", {"code": "13800001002:b"}))
        assert other.post("me/phone/wechat", {"code": "13800001003:c"}).status_code == 200
        next_window()
        assert user.post("me/phone/wechat", {"code": "13800001004:d"}).status_code == 200


def test_limits_can_be_switched_off_for_load_tests(limit: SetLimit, settings: Any) -> None:
    limit("search", "1/m per ip")
    settings.RATELIMIT_ENABLE = False
    for _ in range(3):
        assert ApiClient(ip="10.32.0.1").get("search", {"q": "保温杯"}).status_code == 200
