"""The review workbench (issue #14 item 1): one screen per item in human terms, hits marked in place,
one-step decisions that open the next item (overdue first), claims so two reviewers never share an
item, and who may use it (R-ADM-1, R-OPS-1)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts.roles import Role
from accounts.tests.factories import make_staff, signed_in_client
from listings.models import Post, PostKind, PostStatus, RejectReasonTemplate, ReviewDecision
from listings.tests.factories import make_post, make_reviewer
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from verification.models import ReviewClaim

pytestmark = pytest.mark.django_db


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def bench(post: Post) -> str:
    return reverse("admin:listings_reviewqueueitem_workbench", args=[post.pk])


def visible_text(html: str) -> str:
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", "", html)
    return re.sub(r"(?s)<[^>]+>", " ", body)


def test_item_is_shown_in_human_terms_with_hits_marked_in_place_issue_14() -> None:
    make_keyword("全网最低价", action=KeywordAction.FLAG)
    post = make_post(status=PostStatus.PENDING, description="全网最低价清仓，加微信 abc12345 详谈")
    html = console(make_reviewer()).get(bench(post)).content.decode()
    text = visible_text(html)
    assert post.title in text
    assert post.industry.name in text and post.category.name in text
    assert post.region.full_name in text
    assert '<mark class="hit hit-warn" title="敏感词「全网最低价」送审">全网最低价' in html
    assert "联系方式：微信号" in text
    assert "微信文本检测" in text
    assert str(post.region_id) not in text  # the adcode
    assert "纬度" not in text and "经度" not in text and "description" not in text
    assert "通过 0 次" in text and "被投诉" in text


def test_an_edit_shows_the_published_value_beside_the_new_one_issue_14() -> None:
    post = make_post(kind=PostKind.STOCK)
    signed_in_client(post.owner).put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 6.5})
    html = console(make_reviewer()).get(bench(post)).content.decode()
    assert "已发布信息的修改" in html
    row = re.search(r'<tr class="changed"><th>单价</th>(.*?)</tr>', html, re.S)
    assert row is not None and "6.5" in row.group(1) and 'class="before"' in row.group(1)


def test_approve_is_one_post_and_opens_the_next_overdue_first_issue_14() -> None:
    fresh = make_post(status=PostStatus.PENDING, title="刚提交的库存")
    with freeze_time("2026-11-02 09:00:00+08:00"):
        late = make_post(status=PostStatus.PENDING, title="超时的库存")
    client = console(make_reviewer())
    start = client.get(reverse("admin:listings_reviewqueueitem_workbench_next"))
    assert start["Location"] == bench(late)
    response = client.post(bench(late), {"decision": "approve", "title_seen": late.title})
    assert response.status_code == 302 and response["Location"] == bench(fresh)
    late.refresh_from_db()
    assert late.status == PostStatus.PUBLISHED
    assert ReviewDecision.objects.get(post=late).submitted_at is not None


def test_reject_with_a_template_or_a_written_reason_issue_14() -> None:
    template = RejectReasonTemplate.objects.filter(is_active=True).first()
    assert template is not None
    first, second = make_post(status=PostStatus.PENDING), make_post(status=PostStatus.PENDING)
    client = console(make_reviewer())
    client.post(bench(first), {"decision": "reject", "template": str(template.pk)})
    client.post(bench(second), {"decision": "reject", "reason": "图片与描述不符"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == PostStatus.REJECTED and template.text in first.reject_reason
    assert second.reject_reason == "图片与描述不符"
    nothing = make_post(status=PostStatus.PENDING)
    response = client.post(bench(nothing), {"decision": "reject", "reason": " "}, follow=True)
    assert "驳回必须填写原因" in response.content.decode()
    assert Post.objects.get(pk=nothing.pk).status == PostStatus.PENDING


def test_a_second_reviewer_gets_the_next_item_or_sees_who_holds_it_issue_14() -> None:
    first, second = make_post(status=PostStatus.PENDING), make_post(status=PostStatus.PENDING)
    alice = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    bob = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    assert console(alice).get(bench(first)).status_code == 200
    assert ReviewClaim.objects.get(key=f"post:{first.pk}").holder == alice
    bob_client = console(bob)
    assert bob_client.get(reverse("admin:listings_reviewqueueitem_workbench_next"))["Location"] == bench(second)
    held = bob_client.get(bench(first)).content.decode()
    assert f"该项正由 <b>{alice}</b> 审核" in held
    bob_client.post(bench(first), {"decision": "approve"})
    assert Post.objects.get(pk=first.pk).status == PostStatus.PENDING  # refused: alice holds it
    ReviewClaim.objects.filter(key=f"post:{first.pk}").update(expires_at=timezone.now())  # alice's claim ran out
    bob_client.post(bench(first), {"decision": "approve"})
    assert Post.objects.get(pk=first.pk).status == PostStatus.PUBLISHED


def test_wrong_staff_role_and_plain_users_cannot_open_the_workbench_issue_14() -> None:
    post = make_post(status=PostStatus.PENDING)
    support = make_staff(groups=(Role.SUPPORT.value,), password="review-pass-123")
    assert console(support).get(bench(post)).status_code == 403
    assert console(support).post(bench(post), {"decision": "approve"}).status_code == 403
    assert Post.objects.get(pk=post.pk).status == PostStatus.PENDING
    anonymous = Client().get(bench(post))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


def test_the_queue_shows_content_not_field_codes_issue_14() -> None:
    make_keyword("全网最低价", action=KeywordAction.FLAG)
    post = make_post(status=PostStatus.PENDING, description="全网最低价清仓")
    html = console(make_reviewer()).get(reverse("admin:listings_reviewqueueitem_changelist")).content.decode()
    assert "全网最低价（详细说明）" in html and "(description)" not in html and "（description）" not in html
    assert post.category.name in html and bench(post) in html


def test_batch_decisions_skip_items_another_reviewer_holds_issue_14() -> None:
    """A batch approval or rejection from the queue list never decides an item open in someone else's
    workbench: it is skipped and named; the rest are decided."""
    held, free, other = (make_post(status=PostStatus.PENDING) for _ in range(3))
    alice = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    bob = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    assert console(alice).get(bench(held)).status_code == 200  # alice holds `held`
    bob_client = console(bob)
    changelist = reverse("admin:listings_reviewqueueitem_changelist")

    answer = bob_client.post(
        changelist, {"action": "approve_selected", "_selected_action": [held.pk, free.pk]}, follow=True
    )

    assert Post.objects.get(pk=held.pk).status == PostStatus.PENDING
    assert Post.objects.get(pk=free.pk).status == PostStatus.PUBLISHED
    assert f"#{held.pk} 正由其他审核员审核，已跳过" in answer.content.decode()

    reject = bob_client.post(changelist, {"action": "reject_selected", "_selected_action": [held.pk, other.pk]})
    assert reject.status_code == 302 and f"ids={other.pk}" in reject["Location"]
    assert str(held.pk) not in reject["Location"].split("ids=")[1].split(",")


def test_leaving_the_workbench_releases_the_claim_at_once_issue_14() -> None:
    """The page's pagehide beacon posts to the release URL: the reviewer's own claim ends, nobody else's;
    other roles are refused."""
    post = make_post(status=PostStatus.PENDING)
    alice = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    bob = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    alice_client = console(alice)
    page = alice_client.get(bench(post)).content.decode()
    release = reverse("admin:listings_reviewqueueitem_workbench_release", args=[post.pk])
    assert release in page and "sendBeacon" in page

    assert console(bob).post(release).status_code == 204  # bob cannot end alice's claim
    assert ReviewClaim.objects.get(key=f"post:{post.pk}").holder == alice
    support = make_staff(groups=(Role.SUPPORT.value,), password="review-pass-123")
    assert console(support).post(release).status_code == 403
    assert alice_client.get(release).status_code == 405

    assert alice_client.post(release).status_code == 204
    assert not ReviewClaim.objects.filter(key=f"post:{post.pk}").exists()
    assert console(bob).get(reverse("admin:listings_reviewqueueitem_workbench_next"))["Location"] == bench(post)
