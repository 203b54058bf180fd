"""审核中心 in the operator console, in a real browser (R-FLOW-1, R-ADM-1)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from notifications.models import Notification
from verification.models import QualificationStatus
from verification.tests.factories import licence_file, make_licence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reviewer_approves_a_licence_and_the_factory_may_publish_R_FLOW_1(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    """A reviewer signs in, opens the pending licence, approves it; the factory is told and verified."""
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    factory_user = make_user(account_type="factory", display_name="义乌市佳宝日用品厂")
    licence = make_licence(factory_user, status=QualificationStatus.PENDING, company_name="义乌市佳宝日用品厂")
    licence.files.add(licence_file(factory_user))

    console_login(reviewer.username, "review-pass-123")
    page.goto(f"{live_server.url}/admin/verification/qualification/?status__exact=pending")
    expect(page.get_by_text("义乌市佳宝日用品厂").first).to_be_visible()
    page.goto(f"{live_server.url}/admin/verification/qualification/{licence.pk}/change/")
    page.screenshot(path=str(artifacts / "console-licence-review.png"), full_page=True)
    page.get_by_role("link", name="审核通过", exact=True).click()
    page.get_by_role("button", name="确认通过").click()
    page.wait_for_load_state("networkidle")

    licence.refresh_from_db()
    assert licence.status == QualificationStatus.APPROVED
    assert licence.reviewer == reviewer
    assert Notification.objects.filter(recipient=factory_user, kind="qualification").exists()
    mine = signed_in_client(factory_user).get("qualifications/mine").json()
    assert mine["items"][0]["status"] == "approved"


def test_reviewer_rejects_a_licence_with_a_reason_the_user_sees_R_FLOW_1(
    live_server: Any, page: Any, console_login: Any
) -> None:
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    trade_user = make_user(account_type="trade")
    licence = make_licence(trade_user, status=QualificationStatus.PENDING, company_name="宁波海纳国际贸易有限公司")
    console_login(reviewer.username, "review-pass-123")
    page.goto(f"{live_server.url}/admin/verification/qualification/{licence.pk}/change/")
    page.get_by_role("link", name="驳回", exact=True).click()
    page.fill("textarea[name=reason]", "营业执照照片模糊，请重新拍摄上传")
    page.get_by_role("button", name="确认驳回").click()
    page.wait_for_load_state("networkidle")
    mine = signed_in_client(trade_user).get("qualifications/mine").json()
    assert mine["items"][0]["status"] == "rejected"
    assert mine["items"][0]["reject_reason"] == "营业执照照片模糊，请重新拍摄上传"
