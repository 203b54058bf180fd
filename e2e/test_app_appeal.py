"""Appealing a rejection from the app on a phone, decided by another reviewer in the workbench, and the
median review time on the publish form (issue #14 item 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import goto, phones, shot, sign_in, tid
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher
from notifications.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]

PHONE = "13800000141"


def test_owner_appeals_a_rejection_and_another_reviewer_approves_it_issue_14(
    live_server: Any, page: Any, console_login: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    first = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    second = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    owner = make_publisher("factory", phone=PHONE, display_name="佳宝")
    post = make_post(owner=owner, kind=PostKind.STOCK, status=PostStatus.REJECTED, reviewer=first)

    app = phones()
    sign_in(app, base, PHONE)
    goto(app, base, "pages/publish/form?kind=stock")
    expect(tid(app, "publish-review-time")).to_contain_text("审核用时中位数")
    shot(app, artifacts, "publish-review-time")

    goto(app, base, "pages/me/posts?status=rejected")
    expect(tid(app, "post-action-appeal")).to_be_visible()
    tid(app, "post-action-appeal").click()
    app.locator(".uni-modal textarea, .uni-modal input").first.fill("图片为本厂实拍，信息属实，请复核")
    app.locator(".uni-modal__btn_primary").click()
    expect(tid(app, "my-post-appeal")).to_contain_text("等待其他审核员复审")
    shot(app, artifacts, "my-posts-appealed")
    post.refresh_from_db()
    assert post.status == PostStatus.PENDING and post.appeal_note == "图片为本厂实拍，信息属实，请复核"

    # The reviewer who rejected it is not given the appeal; another reviewer decides it.
    console_login(first.username, "review-pass-123")
    page.goto(f"{base}/admin/listings/reviewqueueitem/workbench/")
    expect(page.get_by_text("待审核队列已清空")).to_be_visible()
    page.context.clear_cookies()
    console_login(second.username, "review-pass-123")
    page.goto(f"{base}/admin/listings/reviewqueueitem/workbench/")
    expect(page.get_by_text("图片为本厂实拍，信息属实，请复核")).to_be_visible()
    page.screenshot(path=str(artifacts / "console-workbench-appeal.png"), full_page=True)
    with page.expect_navigation():
        page.keyboard.press("a")
    assert Post.objects.get(pk=post.pk).status == PostStatus.PUBLISHED
    assert Notification.objects.filter(recipient=owner, title="您的申诉已通过").exists()
