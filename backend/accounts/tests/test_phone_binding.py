"""Binding a phone after WeChat sign-in (issue #15 item 5): the phone-number button's code exchanged
through WeChat's getuserphonenumber (the fake speaks its shapes and errors), and the SMS code on H5;
then the number can be shared in chat."""

from __future__ import annotations

import pytest
from django.db import connection

from accounts.models import User
from accounts.tests.factories import make_user, signed_in_client
from accounts.tests.test_api import last_code_for
from common.testing import ApiClient, FakeWeChat
from messaging.tests.factories import make_post, open_chat

pytestmark = pytest.mark.django_db


def wechat_user(api: ApiClient, name: str, account_type: str = "trade") -> ApiClient:
    """A user who signed in with WeChat only (no phone), as the mini-program does."""
    body = api.post("auth/wechat-sign-in", {"code": f"{name}:sign-in"}).json()
    client = ApiClient(token=body["token"])
    assert client.post("me/account-type", {"account_type": account_type}).status_code == 200
    assert body["user"]["has_phone"] is False
    return client


def test_wechat_phone_button_binds_the_number_and_then_it_can_be_shared_in_chat(
    api: ApiClient, wechat: FakeWeChat
) -> None:
    buyer = wechat_user(api, "buyer")
    seller = signed_in_client(make_user(account_type="factory"))
    conversation_id = open_chat(buyer, make_post(owner=seller.user))["conversation_id"]
    share = f"messaging/conversations/{conversation_id}/share-phone"
    assert buyer.post(share).json()["code"] == "phone_missing"

    bound = buyer.post("me/phone/wechat", {"code": "13912345678:tap-1"})
    assert bound.status_code == 200, bound
    assert (bound.json()["has_phone"], bound.json()["phone_masked"]) == (True, "139****5678")
    stored = User.objects.get(pk=bound.json()["id"])
    assert stored.phone == "13912345678"
    # Encrypted at rest like every phone: the column holds no digits of it.
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [stored.pk])
        assert "13912345678" not in cursor.fetchone()[0]

    shared = buyer.post(share)
    assert shared.status_code == 201, shared
    assert seller.get(f"messaging/conversations/{conversation_id}").json()["counterpart"]["phone"] == "13912345678"
    # The bound phone also signs the same account in on H5.
    assert api.post("auth/sms-codes", {"phone": "13912345678"}).status_code == 202
    h5 = api.post("auth/sms-sign-in", {"phone": "13912345678", "code": last_code_for("13912345678")}).json()
    assert h5["user"]["id"] == stored.pk


def test_wechat_phone_codes_are_single_use_and_errors_say_what_happened(api: ApiClient, wechat: FakeWeChat) -> None:
    user = wechat_user(api, "carol")
    assert user.post("me/phone/wechat", {"code": "13700001111:once"}).status_code == 200
    reused = user.post("me/phone/wechat", {"code": "13700001111:once"})
    assert (reused.status_code, reused.json()["code"]) == (400, "wechat_code_invalid")
    invalid = user.post("me/phone/wechat", {"code": "invalid-1"})
    assert (invalid.status_code, invalid.json()["code"]) == (400, "wechat_code_invalid")
    busy = user.post("me/phone/wechat", {"code": "busy-1"})
    assert (busy.status_code, busy.json()["code"]) == (503, "wechat_unavailable")
    foreign = user.post("me/phone/wechat", {"code": "+852-61234567:hk"})
    assert (foreign.status_code, foreign.json()["detail"][0]["field"]) == (422, "code")
    wechat.set_mode(down=True)
    down = user.post("me/phone/wechat", {"code": "13700002222:down"})
    assert (down.status_code, down.json()["code"]) == (503, "wechat_unavailable")
    assert user.get("me").json()["phone_masked"] == "137****1111"


def test_a_number_held_by_another_account_is_refused(api: ApiClient, wechat: FakeWeChat) -> None:
    signed_in_client(make_user(account_type="factory", phone="13600006666"))
    user = wechat_user(api, "dave")
    taken = user.post("me/phone/wechat", {"code": "13600006666:tap"})
    assert (taken.status_code, taken.json()["code"]) == (409, "phone_taken")
    assert user.get("me").json()["has_phone"] is False
    assert api.post("auth/sms-codes", {"phone": "13600006666"}).status_code == 202
    by_sms = user.post("me/phone/sms", {"phone": "13600006666", "code": last_code_for("13600006666")})
    assert (by_sms.status_code, by_sms.json()["code"]) == (409, "phone_taken")


def test_sms_binding_on_h5_checks_the_code(api: ApiClient, wechat: FakeWeChat) -> None:
    user = wechat_user(api, "erin", account_type="worker")
    assert api.post("auth/sms-codes", {"phone": "13500005555"}).status_code == 202
    right = last_code_for("13500005555")
    wrong = user.post("me/phone/sms", {"phone": "13500005555", "code": "000000" if right != "000000" else "111111"})
    assert (wrong.status_code, wrong.json()["code"]) == (400, "sms_code_wrong")
    assert user.get("me").json()["has_phone"] is False
    ok = user.post("me/phone/sms", {"phone": "13500005555", "code": right})
    assert ok.status_code == 200, ok
    assert ok.json()["phone_masked"] == "135****5555"
    # Anonymous callers cannot bind anything.
    assert api.post("me/phone/sms", {"phone": "13500005555", "code": "1"}).status_code == 401
    assert api.post("me/phone/wechat", {"code": "13500005555:x"}).status_code == 401
