"""An operator's day in the console at 1440×900 (issue #14 items 3–6): the home says what needs doing and
links to it, the dashboard leads with headline figures, the user page acts on one account and tells the
user, and each page has one name in the sidebar and the breadcrumbs. Screenshots in test-artifacts/."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from app_helpers import goto, phones, shot, sign_up, tid
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.models import AccountStatus
from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher
from verification.models import QualificationStatus
from verification.tests.factories import make_licence

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"width": 1440, "height": 900}


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": DESKTOP}


def card_value(page: Any, label: str) -> str:
    return str(page.locator(f"[data-card='{label}'] [data-value]").inner_text()).strip()


def test_home_shows_todays_work_and_each_count_opens_its_list_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
    late = make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
    Post.objects.filter(pk=late.pk).update(review_due_at=timezone.now() - timedelta(hours=3))
    make_licence(make_user(account_type="factory"), status=QualificationStatus.PENDING)
    make_licence(make_user(account_type="factory"), valid_until=timezone.localdate() + timedelta(days=12))
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    expect(page.locator("#console-home")).to_be_visible()
    assert card_value(page, "待审核信息") == "2"
    assert card_value(page, "超时未审信息") == "1"
    assert card_value(page, "待审核资质") == "1"
    assert card_value(page, "30 天内到期执照") == "1"
    expect(page.locator("[data-card='失败的后台任务']")).to_be_visible()
    expect(page.locator("[data-card='新增用户']")).to_be_visible()
    # Django's app index (组, 行政区划, 上传文件 as page tiles) is gone from the home.
    assert page.locator("#console-home").get_by_text("行政区划").count() == 0
    page.screenshot(path=str(artifacts / "console-home-admin.png"), full_page=True)
    page.locator("[data-card='超时未审信息']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("input.action-select").count() == 1
    expect(page.get_by_text(late.title).first).to_be_visible()


def test_reviewer_home_and_sidebar_show_only_review_work_R_ROLE_4_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    console_login(reviewer.username, "review-pass-123")
    expect(page.locator("[data-card='待审核信息']")).to_be_visible()
    assert page.locator("[data-card='未办结投诉']").count() == 0
    assert page.locator("[data-card='新增用户']").count() == 0
    sidebar = page.locator("#nav-sidebar-apps")
    expect(sidebar.get_by_text("信息审核", exact=True)).to_be_visible()
    for hidden in ("系统", "行政区划", "上传文件", "后台任务", "数据看板", "投诉与反馈"):
        assert sidebar.get_by_text(hidden, exact=True).count() == 0, hidden
    page.screenshot(path=str(artifacts / "console-home-reviewer.png"), full_page=True)


def test_each_page_has_one_name_in_sidebar_breadcrumbs_and_title_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    admin_user = make_staff(superuser=True, password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    sidebar = page.locator("#nav-sidebar-apps")
    expect(sidebar.get_by_text("系统", exact=True)).to_be_visible()
    links = sidebar.locator("a")
    names = sidebar.locator("a > span:not(.material-symbols-outlined)")
    pages = [(names.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert len(pages) > 20
    for name, href in pages[:12]:  # 信息审核 and 用户管理
        page.goto(f"{live_server.url}{href}")
        crumbs = [c.strip() for c in page.locator("[data-crumb]").all_inner_texts()]
        assert crumbs[1] == name, (href, crumbs)
        assert page.title().startswith(name), (href, page.title())
    page.goto(f"{live_server.url}/admin/discovery/announcement/")
    assert [c.strip() for c in page.locator("[data-crumb]").all_inner_texts()][:2] == ["运营设置", "公告"]
    page.screenshot(path=str(artifacts / "console-navigation.png"))


def test_dashboard_leads_with_headline_cards_and_folds_its_tables_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    make_post(kind=PostKind.PROCESSING_SERVICE)
    make_post(kind=PostKind.STOCK)
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/dashboard/dailymetric/")  # asks a worker to recount today
    page.goto(f"{live_server.url}/admin/dashboard/dailymetric/")
    page.wait_for_load_state("networkidle")
    cards = page.locator("#headline [data-card]")
    assert cards.count() == 6
    assert page.locator("[data-card='posts_approved'] [data-value]").inner_text().startswith("2")
    assert "较上期" in page.locator("[data-card='new_users'] [data-change]").inner_text()
    assert page.locator("#chart-users canvas").count() == 1
    assert page.locator("details[data-section]").count() == 4
    expect(page.locator("td[data-total][data-metric=posts_approved]")).not_to_be_visible()  # folded
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"dashboard page height at 1440x900: {height}px (30 days, tables folded)")
    assert height < 2000, height
    page.screenshot(path=str(artifacts / "console-dashboard-headline.png"), full_page=True)
    page.locator("details[data-section='supply_demand'] summary").click()
    assert page.locator("td[data-total][data-metric=posts_approved]").inner_text() == "2"
    with page.expect_download() as download_info:
        page.locator("#export-xlsx").click()
    book = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    assert book.sheetnames[0] == "核心指标"
    sheet = book["供需数据"]
    header = [c.value for c in sheet[2]]
    assert header[0] == "时间" and "审核通过（条）" in header
    assert sheet.max_row == 2 + 30 + 1  # a row per day of the 30 shown, then 合计
    assert sheet.cell(3, 1).value == f"{timezone.localdate() - timedelta(days=29):%Y-%m-%d}"
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[0] == "合计" and total[header.index("审核通过（条）")] == 2


def test_admin_restricts_one_user_from_their_page_and_the_user_is_told_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    factory = make_publisher("factory", display_name="宁波恒达保温杯厂")
    make_post(owner=factory, kind=PostKind.STOCK, title="库存不锈钢保温杯 5000 个")
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/accounts/factoryaccount/{factory.pk}/change/")
    assert page.locator("button[name=_save]").count() == 0
    assert page.locator("button[name=_continue]").count() == 0
    page.locator("a[href='#posts']").click()
    # The tab shows its rows after a script runs: wait for them (is_visible() does not wait; it failed once).
    expect(page.locator("#posts-group").get_by_text("库存不锈钢保温杯 5000 个").first).to_be_visible()
    page.screenshot(path=str(artifacts / "console-user-page.png"), full_page=True)

    page.locator(f"a[href$='/{factory.pk}/restrict/']").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="确认限制发布").click()  # no reason: refused, nothing changes
    assert page.locator("input[name=reason]:invalid").count() == 1 or page.get_by_text("必填").count() > 0
    until = timezone.localtime() + timedelta(days=7)
    page.fill("input[name=reason]", "多次发布虚假库存信息")
    page.fill("input[name=until_0]", f"{until:%Y-%m-%d}")
    page.fill("input[name=until_1]", "18:00:00")
    page.screenshot(path=str(artifacts / "console-user-restrict-form.png"), full_page=True)
    page.get_by_role("button", name="确认限制发布").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("已限制发布，已通知用户")).to_be_visible()
    page.locator("a[href='#status_changes']").click()
    history = page.locator("#status_changes-group")
    expect(history.get_by_text("多次发布虚假库存信息").first).to_be_visible()
    expect(history.get_by_text("限制发布").first).to_be_visible()
    page.screenshot(path=str(artifacts / "console-user-restricted-history.png"), full_page=True)

    factory.refresh_from_db()
    assert factory.status == AccountStatus.RESTRICTED
    me = signed_in_client(factory)
    notes = me.get("notifications").json()["items"]
    assert notes[0]["title"] == "账号已被限制发布"
    assert "多次发布虚假库存信息" in notes[0]["body"] and f"{until:%Y-%m-%d} 18:00" in notes[0]["body"]
    status = me.get("me").json()
    assert status["status"] == "restricted" and status["status_reason"] == "多次发布虚假库存信息"


def test_support_cannot_restrict_from_the_user_page_R_ROLE_4_issue_14(
    live_server: Any, page: Any, console_login: Any
) -> None:
    target = make_user(account_type="trade", display_name="宁波海纳外贸")
    support = make_staff(groups=(Role.SUPPORT.value,), password="support-pass-123")
    console_login(support.username, "support-pass-123")
    response = page.goto(f"{live_server.url}/admin/accounts/tradecompanyaccount/{target.pk}/restrict/")
    assert response is not None and response.status == 403
    target.refresh_from_db()
    assert target.status == AccountStatus.NORMAL


def test_a_restricted_user_sees_the_notice_in_the_app_issue_14(
    live_server: Any, page: Any, phones: Any, console_login: Any, artifacts: Any
) -> None:
    """The admin restricts an account from its console page; the user's 我的 page then shows a banner with
    the reason and the end time, and the notification is in their list."""
    from accounts.models import User

    phone = phones()
    sign_up(phone, live_server.url, "13957401414", "trade")
    user = User.objects.get(account_type="trade", is_staff=False)
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/accounts/tradecompanyaccount/{user.pk}/restrict/")
    until = timezone.localtime() + timedelta(days=3)
    page.fill("input[name=reason]", "发布与实际不符的采购需求")
    page.fill("input[name=until_0]", f"{until:%Y-%m-%d}")
    page.fill("input[name=until_1]", "12:00:00")
    page.get_by_role("button", name="确认限制发布").click()
    expect(page.get_by_text("已限制发布，已通知用户")).to_be_visible()

    goto(phone, live_server.url, "pages/me/index")
    notice = tid(phone, "account-status")
    expect(notice).to_contain_text("账号已被限制发布")
    expect(notice).to_contain_text("发布与实际不符的采购需求")
    expect(notice).to_contain_text(f"至 {until:%Y-%m-%d}")
    shot(phone, artifacts, "me-restricted-notice")
    notes = signed_in_client(user).get("notifications").json()["items"]
    assert notes[0]["title"] == "账号已被限制发布" and "发布与实际不符的采购需求" in notes[0]["body"]
