"""审核中心 batch review, 系统设置 and 数据看板 in a real browser (R-ADM-1, R-ADM-3, R-ADM-4, R-FLOW-2)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff, signed_in_client
from listings.models import PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher, valid_payload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reviewer_batch_rejects_three_posts_with_one_reason_R_ADM_1(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    """Three pending posts of three owners are rejected at once; each owner sees the same reason."""
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    posts = [make_post(kind=PostKind.STOCK, status=PostStatus.PENDING) for _ in range(3)]
    console_login(reviewer.username, "review-pass-123")
    page.goto(f"{live_server.url}/admin/listings/reviewqueueitem/")
    for post in posts:
        page.locator(f"input.action-select[value='{post.pk}']").check()
    page.select_option("select[name=action]", "reject_selected")
    page.locator("#changelist-actions button[type=submit]").click()
    page.fill("textarea[name=reason]", "图片与描述不符，请上传实拍图")
    page.screenshot(path=str(artifacts / "console-batch-reject.png"), full_page=True)
    page.get_by_role("button", name="确认驳回并通知发布者").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("已驳回 3 条")).to_be_visible()
    for post in posts:
        owner_view = signed_in_client(post.owner).get(f"listings/mine/{post.pk}").json()
        assert owner_view["status"] == "rejected"
        assert "图片与描述不符，请上传实拍图" in owner_view["reject_reason"]
        titles = [n["body"] for n in signed_in_client(post.owner).get("notifications").json()["items"]]
        assert any("图片与描述不符" in body for body in titles)


def test_keyword_added_in_settings_blocks_the_next_post_R_ADM_4_R_OPS_1(
    live_server: Any, page: Any, console_login: Any
) -> None:
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/moderation/bannedkeyword/add/")
    page.fill("input[name=word]", "高仿名牌")
    page.select_option("select[name=action]", "block")
    page.locator("button[name=_save]").click()
    page.wait_for_load_state("networkidle")

    factory = signed_in_client(make_publisher("factory"))
    draft = factory.post(
        "listings/posts", valid_payload(PostKind.STOCK, factory.user, description="一批高 仿 名 牌运动鞋清仓")
    )
    assert draft.status_code in (200, 201), draft
    refused = factory.post(f"listings/posts/{draft.json()['id']}/submit")
    assert refused.status_code == 422
    assert refused.json()["code"] == "content_blocked"
    assert "高仿名牌" in refused.json()["message"]


def test_tag_added_in_settings_appears_in_the_publish_form_R_ADM_4(
    live_server: Any, page: Any, console_login: Any
) -> None:
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    page.goto(f"{live_server.url}/admin/taxonomy/categorytag/add/")
    page.fill("input[name=name]", "硅胶折叠杯")
    page.select_option("select[name=industry]", label="日用百货制造")
    page.locator("button[name=_save]").click()
    page.wait_for_load_state("networkidle")
    schema = signed_in_client(make_publisher("factory")).get("listings/form-schema/stock").json()
    assert "硅胶折叠杯" in str(schema)


def test_dashboard_page_and_excel_show_the_same_figures_R_ADM_3(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    make_post(kind=PostKind.PROCESSING_SERVICE)
    make_post(kind=PostKind.STOCK, status=PostStatus.REJECTED)
    admin_user = make_staff(groups=(Role.ADMIN.value,), password="admin-pass-123")
    console_login(admin_user.username, "admin-pass-123")
    today = timezone.localdate().isoformat()
    for granularity in ("day", "week", "month"):
        page.goto(f"{live_server.url}/admin/dashboard/dailymetric/?start={today}&end={today}&granularity={granularity}")
        approved = page.locator("td[data-total][data-metric=posts_approved]").text_content()
        rejected = page.locator("td[data-total][data-metric=posts_rejected]").text_content()
        assert (approved, rejected) == ("1", "1")
    page.screenshot(path=str(artifacts / "console-dashboard.png"), full_page=True)
    with page.expect_download() as download_info:
        page.locator("#export-xlsx").click()
    book = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    # Laid out like the screen (issue #14 item 4): header with units in row 2, periods as rows, then 合计.
    rows = list(book["供需数据"].iter_rows(min_row=2, values_only=True))
    total = dict(zip(rows[0], next(r for r in rows if r[0] == "合计"), strict=False))
    assert total["审核通过（条）"] == 1 and total["审核驳回（条）"] == 1
