"""用户管理 in the operator console, in a real browser (R-ROLE-4, R-ADM-2, R-OPS-2)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.models import AccountStatus
from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_admin_restricts_a_user_who_then_cannot_publish_R_ADM_2_R_OPS_2(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    """An admin restricts a trade company in 用户管理 with a reason; the account's publish right is gone."""
    operator = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    trade = make_user(account_type="trade", display_name="宁波海纳外贸有限公司")
    console_login(operator.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/accounts/tradecompanyaccount/")
    expect(page.get_by_text("宁波海纳外贸有限公司")).to_be_visible()
    page.locator("input.action-select").first.check()
    page.select_option("select[name=action]", "restrict_publishing")
    page.fill("input[name=reason]", "多次发布虚假采购信息")
    page.locator("#changelist-actions button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts / "console-user-restricted.png"), full_page=True)
    expect(page.get_by_text("已处理 1 个账号")).to_be_visible()
    trade.refresh_from_db()
    assert trade.status == AccountStatus.RESTRICTED
    assert trade.status_reason == "多次发布虚假采购信息"
    refusal = signed_in_client(trade).get("me/publish-permission").json()
    assert refusal["can_publish"] is False
    assert refusal["code"] == "account_restricted"


def test_reviewer_cannot_open_user_management_R_ROLE_4(live_server: Any, page: Any, console_login: Any) -> None:
    """A reviewer sees the review pages but not the admin-only account pages."""
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    console_login(reviewer.username, "review-pass-123")
    response = page.goto(f"{live_server.url}/admin/accounts/operatoraccount/")
    assert response is not None and response.status == 403
