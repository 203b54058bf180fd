"""The review workbench measured in a real browser at 1440×900 (issue #14 items 1 and 2).

A reviewer decides 30 queued posts by keyboard only (A approves, 1–9 picks a reject template and Enter
confirms, R opens the reason box); the test counts document loads per decision and decisions per
minute of machine time, checks every page for ids, coordinates and field codes, and saves screenshots.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff
from listings import kinds
from listings.models import Post, PostKind, PostStatus, ReviewDecision
from listings.tests.factories import make_post, make_publisher
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from uploads.tests.factories import make_stored_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONSOLE = {"width": 1440, "height": 900}
FIELD_CODES = {name for kind in (PostKind.STOCK, PostKind.PROCUREMENT) for name in kinds.accepted_fields(kind)}


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": CONSOLE}


def _queue(n: int) -> list[Post]:
    make_keyword("全网最低价", action=KeywordAction.FLAG)
    owner = make_publisher("factory")
    photo = make_stored_file(owner=owner)
    posts = []
    for i in range(n):
        extra: dict[str, Any] = {"title": f"库存尾货第{i + 1}批", "latitude": 29.82, "longitude": 121.55}
        if i % 3 == 0:
            extra["description"] = f"全网最低价清仓，第{i + 1}批，加微信 abc{i:03d}888 详谈"
        if i % 5 == 0:
            extra["media_ids"] = [str(photo.pk)]
        posts.append(make_post(owner=owner, kind=PostKind.STOCK, status=PostStatus.PENDING, **extra))
    return posts


def _assert_human_terms(page: Any, posts: list[Post]) -> None:
    text = page.inner_text("body")
    assert not re.search(r"#\d+", text), "an id is shown"
    assert "29.82" not in text and "121.55" not in text and "纬度" not in text and "经度" not in text
    assert str(posts[0].region_id) not in text, "a region code is shown"
    words = set(re.findall(r"[a-z]+(?:_[a-z]+)+|\b[a-z]{5,}\b", text))
    assert not (words & FIELD_CODES), f"field codes shown: {words & FIELD_CODES}"


def test_thirty_posts_decided_by_keyboard_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    posts = _queue(30)
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    console_login(reviewer.username, "review-pass-123")

    page.goto(f"{live_server.url}/admin/listings/reviewqueueitem/")
    page.screenshot(path=str(artifacts / "console-workbench-queue.png"), full_page=True)
    assert page.locator("img[alt=首图]").count() >= 1
    _assert_human_terms(page, posts)

    loads = {"n": 0}
    page.on("load", lambda _page: loads.__setitem__("n", loads["n"] + 1))
    page.goto(f"{live_server.url}/admin/listings/reviewqueueitem/workbench/")
    page.screenshot(path=str(artifacts / "console-workbench-post.png"), full_page=True)
    assert page.locator("mark.hit").count() >= 1 and "敏感词「全网最低价」送审" in page.inner_text("#wb-checks")
    assert "已认证" in page.inner_text("#wb-publisher") or "未认证" in page.inner_text("#wb-publisher")

    loads["n"] = 0
    machine = 0.0
    seen: list[str] = []
    for n in range(30):
        title = page.inner_text("#wb-item-title")
        assert title not in seen, "the same item opened twice"
        seen.append(title)
        _assert_human_terms(page, posts)
        started = time.perf_counter()
        with page.expect_navigation(wait_until="load"):
            if n % 10 == 9:  # a reason template by number key, confirmed with Enter
                page.keyboard.press("2")
                page.keyboard.press("Enter")
            elif n % 10 == 4:  # a written reason
                page.keyboard.press("r")
                page.keyboard.type("图片与描述不符")
                page.keyboard.press("Enter")
            else:
                page.keyboard.press("a")
        machine += time.perf_counter() - started
        if n == 9:
            page.screenshot(path=str(artifacts / "console-workbench-after-decision.png"), full_page=True)

    assert "待审核队列已清空" in page.inner_text("body")
    page.screenshot(path=str(artifacts / "console-workbench-empty.png"), full_page=True)
    decided = ReviewDecision.objects.filter(post__in=posts)
    assert decided.count() == 30 and decided.filter(reviewer=reviewer).count() == 30
    assert Post.objects.filter(pk__in=[p.pk for p in posts], status=PostStatus.REJECTED).count() == 6
    loads_per_decision = loads["n"] / 30
    per_minute = 30 / (machine / 60)
    print(
        f"\nworkbench: 30 decisions, {loads['n']} page loads ({loads_per_decision:.2f} per decision), "
        f"{machine:.1f} s machine time, {per_minute:.0f} decisions per minute"
    )
    assert loads_per_decision <= 1


def test_licence_workbench_shows_image_checksum_and_name_match_issue_14(
    live_server: Any, page: Any, console_login: Any, artifacts: Any
) -> None:
    from accounts.tests.factories import make_user
    from verification.models import Qualification, QualificationStatus
    from verification.tests.factories import licence_file, make_licence

    owner = make_user(account_type="factory", display_name="义乌市佳宝日用品厂")
    licence = make_licence(owner, status=QualificationStatus.PENDING, company_name="义乌市佳宝日用品厂")
    licence.files.add(licence_file(owner))
    other = make_licence(make_user(account_type="trade", display_name="海纳贸易"), status=QualificationStatus.PENDING)
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    console_login(reviewer.username, "review-pass-123")
    page.goto(f"{live_server.url}/admin/verification/qualification/")
    page.get_by_role("link", name="进入资质审核工作台").click()
    page.wait_for_load_state("load")
    assert "校验位正确" in page.inner_text("#wb-uscc")
    assert "一致" in page.inner_text("#wb-name-match")
    expect(page.locator("img[alt='证照图片 1']")).to_be_visible()
    page.screenshot(path=str(artifacts / "console-workbench-licence.png"), full_page=True)
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "与账号名称「海纳贸易」不一致" in page.inner_text("#wb-name-match")
    with page.expect_navigation():
        page.keyboard.press("1")
        page.keyboard.press("Enter")
    assert Qualification.objects.get(pk=licence.pk).status == QualificationStatus.APPROVED
    assert Qualification.objects.get(pk=other.pk).status == QualificationStatus.REJECTED
