"""A trade company names itself at sign-up and is shown by that name; once its licence is approved the
licence name shows with the badge; on H5 it (re)binds its phone with an SMS code (issue #15 items 4, 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import fill, goto, phones, shot, sign_up, sms_code, tid
from playwright.sync_api import expect

from accounts.models import User
from messaging.tests.factories import make_post
from verification import services as verification
from verification.models import QualificationStatus
from verification.tests.factories import make_licence, make_reviewer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here


def test_company_name_licence_badge_and_sms_phone_binding_issue_15_items_4_5(
    live_server: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    app = phones()
    sign_up(app, base, "13800000601", "trade", name="义乌恒通进出口")
    user = User.objects.get(organisation_name="义乌恒通进出口")
    assert user.display_name == "用户0601"

    # Verified: the licence name with the badge on its post page and in 我的资料.
    licence = make_licence(user, status=QualificationStatus.PENDING, company_name="义乌市恒通进出口有限公司")
    verification.approve(qualification=licence, reviewer=make_reviewer())
    post = make_post(owner=user, kind="procurement", title="采购保温杯 3 万个")
    visitor = phones()
    goto(visitor, base, f"pages/posts/detail?id={post.pk}")
    expect(tid(visitor, "post-owner")).to_contain_text("义乌市恒通进出口有限公司")
    expect(tid(visitor, "owner-verified")).to_be_visible()
    shot(visitor, artifacts, "post-owner-verified")

    # 我的资料 with ?bind=1 (where a failed share-phone leads): bind another number by SMS code.
    goto(app, base, "pages/me/profile?bind=1")
    expect(tid(app, "profile-verified")).to_contain_text("义乌市恒通进出口有限公司")
    fill(app, "phone-bind-number", "13900000602")
    tid(app, "phone-bind-send").click()
    fill(app, "phone-bind-code", sms_code("13900000602"))
    tid(app, "phone-bind-submit").click()
    expect(tid(app, "profile-phone")).to_contain_text("139****0602")
    shot(app, artifacts, "profile-phone-bound")
    user.refresh_from_db()
    assert user.phone == "13900000602"
