"""How accounts are named to others (issue #15 item 4): onboarding asks trade companies and factories
for the company name and workers for a nickname; after verification the licence name is shown with the
badge on cards, chats and records; one rule (``accounts.identity``)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import User
from accounts.tests.factories import make_user, signed_in_client
from common.testing import ApiClient, FakeWeChat
from messaging.tests.factories import make_post, open_chat
from verification import services as verification
from verification.models import QualificationStatus
from verification.tests.factories import make_licence, make_reviewer

pytestmark = pytest.mark.django_db


def onboard(api: ApiClient, name: str, body: dict) -> ApiClient:
    token = api.post("auth/wechat-sign-in", {"code": f"{name}:1"}).json()["token"]
    client = ApiClient(token=token)
    response = client.post("me/account-type", body)
    assert response.status_code == 200, response
    client.user = User.objects.get(pk=response.json()["id"])  # type: ignore[attr-defined]
    return client


def test_company_name_then_licence_name_with_badge_everywhere(api: ApiClient, wechat: FakeWeChat) -> None:
    trade = onboard(api, "trade", {"account_type": "trade", "organisation_name": "义乌 恒通进出口"})
    me = trade.get("me").json()
    assert (me["organisation_name"], me["public_name"], me["verified"]) == ("义乌 恒通进出口", "义乌 恒通进出口", False)
    assert me["display_name"] == "微信用户"  # the WeChat placeholder is no longer what anyone sees

    factory = signed_in_client(make_user(account_type="factory", display_name="用户7751"))
    post = make_post(owner=factory.user)
    chat = open_chat(trade, post)
    url = f"messaging/conversations/{chat['conversation_id']}"
    counterpart = factory.get(url).json()["counterpart"]
    assert (counterpart["display_name"], counterpart["verified"]) == ("义乌 恒通进出口", False)

    licence = make_licence(trade.user, status=QualificationStatus.PENDING, company_name="义乌市恒通进出口有限公司")
    verification.approve(qualification=licence, reviewer=make_reviewer())
    assert trade.get("me").json()["public_name"] == "义乌市恒通进出口有限公司"
    counterpart = factory.get(url).json()["counterpart"]
    assert (counterpart["display_name"], counterpart["verified"]) == ("义乌市恒通进出口有限公司", True)
    # The factory's own face follows the same rule on its post card.
    make_licence(factory.user, status=QualificationStatus.PENDING, company_name="宁波永达日用品有限公司")
    verification.approve(qualification=factory.user.qualifications.get(), reviewer=make_reviewer())
    owner = api.get(f"listings/posts/{post.pk}").json()["owner"]
    assert (owner["display_name"], owner["verified"]) == ("宁波永达日用品有限公司", True)
    # Connection records (对接记录) of both sides.
    records = factory.get("messaging/connections").json()["items"]
    assert "义乌市恒通进出口有限公司" in str(records)


def test_an_expired_licence_takes_the_badge_and_the_licence_name_away(api: ApiClient, wechat: FakeWeChat) -> None:
    trade = onboard(api, "expiring", {"account_type": "trade", "organisation_name": "恒通贸易"})
    today = timezone.localdate()
    licence = make_licence(
        trade.user, status=QualificationStatus.PENDING, company_name="恒通贸易有限公司", valid_until=today
    )
    licence.is_long_term = False
    licence.save()
    verification.approve(qualification=licence, reviewer=make_reviewer())
    assert trade.get("me").json()["verified"] is True
    with freeze_time(timezone.now() + timedelta(days=2)):
        call_command("send_qualification_reminders", stdout=StringIO())
        me = trade.get("me").json()
    assert (me["public_name"], me["verified"]) == ("恒通贸易", False)


def test_workers_choose_a_nickname_and_only_organisations_give_a_company_name(
    api: ApiClient, wechat: FakeWeChat
) -> None:
    worker = onboard(api, "worker", {"account_type": "worker", "display_name": "李师傅"})
    assert worker.get("me").json()["public_name"] == "李师傅"
    refused = worker.patch("me", {"organisation_name": "某某公司"})
    assert (refused.status_code, refused.json()["detail"][0]["field"]) == (422, "organisation_name")
    factory = onboard(api, "f2", {"account_type": "factory"})
    too_short = factory.patch("me", {"organisation_name": "厂"})
    assert (too_short.status_code, too_short.json()["detail"][0]["field"]) == (422, "organisation_name")
    renamed = factory.patch("me", {"organisation_name": "永康市东升五金厂"})
    assert renamed.json()["public_name"] == "永康市东升五金厂"
    # A name impersonating the platform is refused like any nickname.
    assert factory.patch("me", {"organisation_name": "厂贸通官方客服"}).status_code == 422
