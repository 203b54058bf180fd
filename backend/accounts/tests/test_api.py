"""Sign-in, tokens and account types through the HTTP API (R-ROLE-1..4, R-OPS-2, R-OPS-3)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import AccountStatus, SmsCode, User
from accounts.roles import Role
from accounts.services import change_status, issue_token, lift_expired_statuses
from accounts.sms import OutboxSmsSender
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.testing import ApiClient, LimiterClock, export_archive

pytestmark = pytest.mark.django_db


def make_admin() -> User:
    """A 运营管理员: the role that may restrict, disable and restore accounts."""
    return make_staff(groups=(Role.ADMIN.value,))


def last_code_for(phone: str) -> str:
    return [code for to, code in OutboxSmsSender.outbox if to == phone][-1]


def sms_sign_in(api: ApiClient, phone: str) -> dict:
    assert api.post("auth/sms-codes", {"phone": phone}).status_code == 202
    response = api.post("auth/sms-sign-in", {"phone": phone, "code": last_code_for(phone)})
    assert response.status_code == 200, response
    return response.json()


class TestWeChatSignIn:
    def test_new_then_returning_user_R_ROLE_1(self, api: ApiClient) -> None:
        """R-ROLE-1..3: a wx.login code creates an account once; the same WeChat user later gets it back."""
        first = api.post("auth/wechat-sign-in", {"code": "alice:code-1"})
        assert first.status_code == 200, first
        assert first.json()["is_new"] is True
        assert first.json()["user"]["account_type"] == ""
        second = api.post("auth/wechat-sign-in", {"code": "alice:code-2"})
        assert second.json()["is_new"] is False
        assert second.json()["user"]["id"] == first.json()["user"]["id"]
        assert second.json()["token"] != first.json()["token"]

    def test_reused_and_invalid_codes_are_refused_R_ROLE_1(self, api: ApiClient) -> None:
        """WeChat's 40163 (code used) and 40029 (invalid code) reach the user as one clear error."""
        assert api.post("auth/wechat-sign-in", {"code": "bob:once"}).status_code == 200
        reused = api.post("auth/wechat-sign-in", {"code": "bob:once"})
        assert reused.status_code == 400
        assert reused.json()["code"] == "wechat_code_invalid"
        invalid = api.post("auth/wechat-sign-in", {"code": "invalid-code"})
        assert invalid.json()["code"] == "wechat_code_invalid"
        assert "微信" in invalid.json()["message"]

    def test_wechat_outage_is_a_503_R_ROLE_1(self, api: ApiClient) -> None:
        busy = api.post("auth/wechat-sign-in", {"code": "busy-1"})
        assert busy.status_code == 503
        assert busy.json()["code"] == "wechat_unavailable"
        limited = api.post("auth/wechat-sign-in", {"code": "ratelimit-1"})
        assert limited.json()["code"] == "wechat_busy"

    def test_wrong_app_secret_is_a_server_side_failure_R_ROLE_1(self, api: ApiClient, settings) -> None:
        settings.WECHAT_APP_SECRET = "wrong"
        response = api.post("auth/wechat-sign-in", {"code": "carol:1"})
        assert response.status_code == 503
        assert response.json()["detail"] == {"errcode": 40013}


class TestSmsSignIn:
    def test_code_signs_in_and_is_single_use_R_ROLE_1(self, api: ApiClient) -> None:
        phone = "13812345678"
        assert api.post("auth/sms-codes", {"phone": phone}).status_code == 202
        code = last_code_for(phone)
        ok = api.post("auth/sms-sign-in", {"phone": phone, "code": code})
        assert ok.status_code == 200
        assert ok.json()["is_new"] is True
        assert ok.json()["user"]["phone_masked"] == "138****5678"
        again = api.post("auth/sms-sign-in", {"phone": phone, "code": code})
        assert again.status_code == 400
        assert again.json()["code"] == "sms_code_expired"

    def test_code_expires_after_ten_minutes_R_ROLE_1(self, api: ApiClient) -> None:
        phone = "13900000001"
        with freeze_time(timezone.now()) as frozen:
            api.post("auth/sms-codes", {"phone": phone})
            frozen.tick(timedelta(minutes=10, seconds=1))
            late = api.post("auth/sms-sign-in", {"phone": phone, "code": last_code_for(phone)})
        assert late.status_code == 400
        assert late.json()["code"] == "sms_code_expired"

    def test_wrong_code_counts_attempts_then_locks_R_ROLE_1(self, api: ApiClient) -> None:
        phone = "13900000002"
        api.post("auth/sms-codes", {"phone": phone})
        right = last_code_for(phone)
        wrong = "000000" if right != "000000" else "111111"
        for _ in range(5):
            assert api.post("auth/sms-sign-in", {"phone": phone, "code": wrong}).json()["code"] == "sms_code_wrong"
        locked = api.post("auth/sms-sign-in", {"phone": phone, "code": right})
        assert locked.json()["code"] == "sms_code_locked"

    def test_rate_limits_per_phone_and_per_ip_R_ROLE_1(self, settings, limiter_clock: LimiterClock) -> None:
        """The sms_send limit: a phone gets few codes an hour, one network a few more; a refused request
        sends no SMS and stores no code."""
        settings.SMS_CODE_MIN_INTERVAL_SECONDS = 0
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sms_send": "3/h per phone, 4/h per ip"}
        # The limiter's clock (limiter_clock) stands still: the calls fall in one (fixed) window.
        client = ApiClient(ip="10.9.9.9")
        for _ in range(3):
            assert client.post("auth/sms-codes", {"phone": "13700000001"}).status_code == 202
        refused = client.post("auth/sms-codes", {"phone": "13700000001"})
        assert refused.status_code == 429
        assert refused.json()["code"] == "rate_limited"
        assert 0 < refused.json()["detail"]["retry_after"] <= 3600
        assert refused.headers["Retry-After"] == str(refused.json()["detail"]["retry_after"])
        assert [to for to, _ in OutboxSmsSender.outbox].count("13700000001") == 3
        assert SmsCode.objects.count() == 3
        # The refused request did not count: the network has one code left, for any phone.
        assert client.post("auth/sms-codes", {"phone": "13700000002"}).status_code == 202
        by_ip = client.post("auth/sms-codes", {"phone": "13700000003"})
        assert by_ip.status_code == 429
        assert by_ip.json()["code"] == "rate_limited"
        assert "13700000003" not in [to for to, _ in OutboxSmsSender.outbox]
        assert ApiClient(ip="10.9.9.10").post("auth/sms-codes", {"phone": "13700000003"}).status_code == 202
        # Another phone from another network is untouched; after the hour the phone gets codes again.
        limiter_clock.advance(3601)
        assert client.post("auth/sms-codes", {"phone": "13700000001"}).status_code == 202

    def test_resend_within_a_minute_is_refused_R_ROLE_1(self, api: ApiClient) -> None:
        """The resend gap promised as ``resend_after`` answers like every limit, with the seconds left."""
        api.post("auth/sms-codes", {"phone": "13700000009"})
        again = api.post("auth/sms-codes", {"phone": "13700000009"})
        assert again.status_code == 429
        assert again.json()["code"] == "rate_limited"
        assert 0 < again.json()["detail"]["retry_after"] <= 60
        assert again.json()["message"] == f"操作过于频繁，请 {again.json()['detail']['retry_after']} 秒后再试"
        assert again.headers["Retry-After"] == str(again.json()["detail"]["retry_after"])
        assert len(OutboxSmsSender.outbox) == 1

    def test_bad_phone_names_the_field_R_ROLE_1(self, api: ApiClient) -> None:
        response = api.post("auth/sms-codes", {"phone": "12345"})
        assert response.status_code == 422
        assert response.json()["detail"][0]["field"] == "phone"
        missing = api.post("auth/sms-codes", {})
        assert missing.status_code == 422
        assert missing.json()["code"] == "validation_error"
        assert missing.json()["detail"][0]["field"] == "phone"


class TestTokens:
    def test_logout_revokes_the_token_R_OPS_2(self, api: ApiClient) -> None:
        token = sms_sign_in(api, "13600000001")["token"]
        client = ApiClient(token=token)
        assert client.get("me").status_code == 200
        assert client.post("auth/logout").status_code == 204
        after = client.get("me")
        assert after.status_code == 401
        assert after.json()["code"] == "token_invalid"

    def test_logout_revokes_only_the_token_it_came_with_R_OPS_2(self, api: ApiClient) -> None:
        token = sms_sign_in(api, "13600000002")["token"]
        user = User.objects.get(pk=ApiClient(token=token).get("me").json()["id"])
        other = ApiClient(token=issue_token(user=user, client="h5"))  # the same account on another device
        assert ApiClient(token=token).post("auth/logout").status_code == 204
        assert ApiClient(token=token).get("me").status_code == 401
        assert other.get("me").status_code == 200

    def test_disabling_stops_existing_tokens_at_once_R_OPS_2(self, api: ApiClient) -> None:
        client = signed_in_client(account_type="factory")
        assert client.get("me").status_code == 200
        change_status(user=client.user, status=AccountStatus.DISABLED, reason="发布虚假信息", operator=make_admin())
        refused = client.get("me")
        assert refused.status_code == 401
        assert refused.json()["code"] == "account_disabled"

    def test_disabled_user_cannot_sign_in_again_R_OPS_2(self, api: ApiClient, settings) -> None:
        settings.SMS_CODE_MIN_INTERVAL_SECONDS = 0
        sms_sign_in(api, "13600000002")
        user = User.objects.get(display_name="用户0002")
        change_status(user=user, status=AccountStatus.DISABLED, reason="违规", operator=make_admin())
        assert api.post("auth/sms-codes", {"phone": "13600000002"}).status_code == 202
        response = api.post("auth/sms-sign-in", {"phone": "13600000002", "code": last_code_for("13600000002")})
        assert response.status_code == 403
        assert response.json()["code"] == "account_disabled"

    def test_restriction_lifts_by_itself_at_its_end_time_R_OPS_2(self) -> None:
        user = make_user(account_type="trade")
        change_status(
            user=user,
            status=AccountStatus.RESTRICTED,
            reason="多次发布违规内容",
            operator=make_admin(),
            until=timezone.now() + timedelta(days=3),
        )
        client = signed_in_client(user)
        assert client.get("me").json()["status"] == "restricted"
        with freeze_time(timezone.now() + timedelta(days=3, seconds=1)):
            assert client.get("me").json()["status"] == "normal"
            assert lift_expired_statuses() == 1
        user.refresh_from_db()
        assert user.status == "normal"
        assert [c.to_status for c in user.status_changes.order_by("created_at")] == ["restricted", "normal"]

    def test_no_token_is_401_with_code(self, api: ApiClient) -> None:
        response = api.get("me")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


class TestAccountType:
    def test_type_is_chosen_once_R_ROLE_1(self) -> None:
        """R-ROLE-1..3: one type per account, chosen at registration and fixed afterwards."""
        client = signed_in_client(make_user())
        bad = client.post("me/account-type", {"account_type": "admin"})
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["field"] == "account_type"
        ok = client.post("me/account-type", {"account_type": "factory"})
        assert ok.json()["account_type"] == "factory"
        assert ok.json()["account_type_label"] == "工厂"
        changed = client.post("me/account-type", {"account_type": "worker"})
        assert changed.status_code == 409
        assert changed.json()["code"] == "account_type_fixed"

    def test_fields_a_user_must_not_set_are_ignored(self) -> None:
        client = signed_in_client(make_user(account_type="trade"))
        response = client.patch("me", {"display_name": "宁波外贸", "status": "normal", "is_staff": True})
        assert response.status_code == 200
        client.user.refresh_from_db()
        assert client.user.display_name == "宁波外贸"
        assert client.user.is_staff is False


class TestEncryptionAtRest:
    def test_raw_rows_hold_no_plaintext_phone_R_OPS_3(self, api: ApiClient) -> None:
        """R-OPS-3: a dump of the user table contains no phone number, only ciphertext and a keyed hash."""
        sms_sign_in(api, "13511112222")
        with connection.cursor() as cursor:
            cursor.execute("SELECT phone, phone_index FROM accounts_user")
            rows = cursor.fetchall()
            cursor.execute("SELECT phone_index, code_hash FROM accounts_smscode")
            sms_rows = cursor.fetchall()
        assert rows
        for phone, index in rows:
            assert "13511112222" not in phone and "13511112222" not in (index or "")
            assert phone.startswith("v1:")
        for row in sms_rows:
            assert all("13511112222" not in value for value in row)


class TestPersonalDataRights:
    def test_export_contains_my_data_in_clear_R_PLUS_5(self, api: ApiClient) -> None:
        """R-PLUS-5: the user downloads what the platform keeps, their own phone readable."""
        token = sms_sign_in(api, "13598765432")["token"]
        archive = export_archive(ApiClient(token=token))
        assert "attachment" in archive.headers["Content-Disposition"]
        assert archive.data["账号"]["手机号"] == "13598765432"
        assert archive.data["账号"]["昵称"] == "用户5432"

    def test_cancel_erases_personal_data_and_signs_out_R_PLUS_5(self, api: ApiClient, settings) -> None:
        settings.SMS_CODE_MIN_INTERVAL_SECONDS = 0
        token = sms_sign_in(api, "13598760000")["token"]
        client = ApiClient(token=token)
        wrong = client.post("me/cancel", {"confirmation": "好的"})
        assert wrong.status_code == 422
        assert wrong.json()["detail"][0]["field"] == "confirmation"
        assert client.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204
        assert client.get("me").status_code == 401
        user = User.objects.get(display_name="已注销用户")
        assert user.phone == "" and user.phone_index is None and user.deleted_at is not None
        # Signing in again with the same phone creates a new, empty account.
        again = sms_sign_in(ApiClient(ip="10.3.3.3"), "13598760000")
        assert again["is_new"] is True


def test_scheduled_jobs_restore_accounts_whose_restriction_ended_R_OPS_2(db: None) -> None:
    """The cron entry point runs every periodic job; an ended restriction is lifted in the database."""
    from django.core.management import call_command

    user = make_user(account_type="factory")
    change_status(
        user=user,
        status=AccountStatus.RESTRICTED,
        reason="违规",
        operator=make_admin(),
        until=timezone.now() + timedelta(hours=1),
    )
    with freeze_time(timezone.now() + timedelta(hours=2)):
        call_command("run_scheduled_jobs")
    user.refresh_from_db()
    assert user.status == AccountStatus.NORMAL


def test_mini_program_patches_profile_through_method_override_R_APP_4(db: None) -> None:
    """wx.request has no PATCH; POST + X-HTTP-Method-Override: PATCH edits the profile."""
    client = signed_in_client(make_user(account_type="trade"))
    response = client.post("me", {"display_name": "青岛远航进出口"}, headers={"X-HTTP-Method-Override": "PATCH"})
    assert response.status_code == 200
    assert response.json()["display_name"] == "青岛远航进出口"
    refused = client.post("me", {"display_name": "x"}, headers={"X-HTTP-Method-Override": "DELETE"})
    assert refused.status_code == 405


def test_sms_ip_limit_cannot_be_dodged_with_a_forged_header_R_ROLE_1(
    db: None, settings, limiter_clock: LimiterClock
) -> None:
    """X-Real-IP counts only when a trusted proxy sets it; a client sending its own is still limited."""
    settings.SMS_CODE_MIN_INTERVAL_SECONDS = 0
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sms_send": "2/h per ip"}
    # The limiter's clock (limiter_clock) stands still: the calls fall in one (fixed) window.
    client = ApiClient(ip="10.8.8.8")
    for n, forged in enumerate(("1.1.1.1", "2.2.2.2")):
        sent = client.post("auth/sms-codes", {"phone": f"1360000010{n}"}, headers={"X-Real-IP": forged})
        assert sent.status_code == 202
    refused = client.post("auth/sms-codes", {"phone": "13600000109"}, headers={"X-Real-IP": "3.3.3.3"})
    assert refused.json()["code"] == "rate_limited"
    settings.TRUST_X_REAL_IP = True
    behind_proxy = client.post("auth/sms-codes", {"phone": "13600000108"}, headers={"X-Real-IP": "4.4.4.4"})
    assert behind_proxy.status_code == 202
