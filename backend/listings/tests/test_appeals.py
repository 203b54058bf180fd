"""Appeals of a rejected post and the median review time on the publish page (issue #14 item 7)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import signed_in_client
from common.errors import PermissionDenied
from listings import services
from listings.models import Post, PostStatus, ReviewDecision
from listings.tests.factories import make_post, make_reviewer
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def test_owner_appeals_once_and_another_reviewer_decides_issue_14() -> None:
    first = make_reviewer()
    post = make_post(status=PostStatus.REJECTED, reviewer=first)
    owner = signed_in_client(post.owner)
    assert owner.get(f"listings/mine/{post.pk}").json()["can_appeal"] is True
    response = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "内容属实，图片为本厂实拍"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "pending" and body["can_appeal"] is False
    assert body["appeal_note"] == "内容属实，图片为本厂实拍"
    again = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "再来一次申诉理由"})
    assert again.status_code == 409 and again.json()["code"] == "already_appealed"

    with pytest.raises(PermissionDenied) as refused:
        services.approve(reviewer=first, post_id=post.pk)
    assert refused.value.code == "appeal_same_reviewer"
    bench = reverse("admin:listings_reviewqueueitem_workbench", args=[post.pk])
    console(first).post(bench, {"decision": "approve"})
    assert Post.objects.get(pk=post.pk).status == PostStatus.PENDING

    second = console(make_reviewer())
    html = second.get(bench).content.decode()
    assert "申诉复审" in html and "内容属实，图片为本厂实拍" in html
    second.post(bench, {"decision": "approve"})
    assert Post.objects.get(pk=post.pk).status == PostStatus.PUBLISHED
    assert Notification.objects.filter(recipient=post.owner, title="您的申诉已通过").exists()
    assert ReviewDecision.objects.filter(post=post, is_appeal=True).count() == 1


def test_only_the_owner_and_only_a_rejected_post_may_appeal_issue_14() -> None:
    post = make_post(status=PostStatus.REJECTED)
    stranger = signed_in_client(account_type="trade")
    assert stranger.post(f"listings/posts/{post.pk}/appeal", {"note": "不是我的信息也来申诉"}).status_code == 404
    live = make_post()
    refused = signed_in_client(live.owner).post(f"listings/posts/{live.pk}/appeal", {"note": "已发布也想申诉一下"})
    assert refused.status_code == 409 and refused.json()["code"] == "not_rejected"
    empty = signed_in_client(post.owner).post(f"listings/posts/{post.pk}/appeal", {"note": "  "})
    assert empty.status_code == 422 and empty.json()["detail"][0]["field"] == "note"


def test_publish_page_shows_the_median_review_time_from_decisions_issue_14() -> None:
    schema = signed_in_client(account_type="trade").get("listings/form-schema/procurement").json()
    assert schema["median_review_minutes"] is None
    now = timezone.now()
    for minutes in (10, 30, 240):
        with freeze_time(now - timedelta(minutes=minutes)):
            post = make_post(status=PostStatus.PENDING)
        services.approve(reviewer=make_reviewer(), post_id=post.pk)
    schema = signed_in_client(account_type="trade").get("listings/form-schema/procurement").json()
    assert schema["median_review_minutes"] == 30


def test_a_rejected_edit_is_appealed_once_while_the_approved_version_stays_visible_issue_14() -> None:
    """issue #14: a rejected edit of a published post can be appealed under the same rules as a post."""
    post = make_post(kind="stock", title="原标题库存")
    owner = signed_in_client(post.owner)
    assert owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 6.5}).status_code == 200
    first = make_reviewer()
    services.reject(reviewer=first, post_id=post.pk, reason="单价与图片不符")
    mine = owner.get(f"listings/mine/{post.pk}").json()
    assert mine["status"] == "published" and mine["can_appeal"] is True
    assert mine["rejected_edit"]["reason"] == "单价与图片不符"

    short = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "短"})
    assert short.status_code == 422
    response = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "单价已与供货方核实无误"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "published" and body["can_appeal"] is False
    assert body["pending_edit"] is not None and body["rejected_edit"]["appeal_note"] == "单价已与供货方核实无误"
    again = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "再申诉一次的理由"})
    assert again.status_code == 409 and again.json()["code"] == "already_appealed"
    # The approved version is still what everyone sees meanwhile.
    public = signed_in_client(account_type="trade").get(f"listings/posts/{post.pk}")
    assert public.status_code == 200 and str(public.json()["unit_price"]) != "6.5"

    with pytest.raises(PermissionDenied) as refused:
        services.approve(reviewer=first, post_id=post.pk)
    assert refused.value.code == "appeal_same_reviewer"
    # The reviewer who rejected the edit is never offered its appeal: for them the queue is empty.
    empty = console(first).get(reverse("admin:listings_reviewqueueitem_workbench_next"))
    assert "待审核队列已清空" in empty.content.decode()
    bench = reverse("admin:listings_reviewqueueitem_workbench", args=[post.pk])
    second = console(make_reviewer())
    html = second.get(bench).content.decode()
    assert "申诉复审" in html and "单价已与供货方核实无误" in html and "单价与图片不符" in html
    second.post(bench, {"decision": "approve", "revision": str(body["pending_edit"]["id"])})
    post.refresh_from_db()
    assert post.pending_revision_id is None and post.unit_price == 6.5
    assert Notification.objects.filter(recipient=post.owner, title="您的申诉已通过").exists()
    assert ReviewDecision.objects.filter(post=post, is_appeal=True, revision__isnull=False).count() == 1
    final = owner.get(f"listings/mine/{post.pk}").json()
    assert final["can_appeal"] is False
    assert owner.post(f"listings/posts/{post.pk}/appeal", {"note": "通过后还想申诉"}).status_code == 409


def test_a_second_rejection_of_an_appealed_edit_is_told_and_final_issue_14() -> None:
    """issue #14: the appeal outcome of an edit reaches the owner; the approved version stays."""
    post = make_post(kind="stock")
    owner = signed_in_client(post.owner)
    owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 7.5})
    services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="价格异常")
    owner.post(f"listings/posts/{post.pk}/appeal", {"note": "价格是批发价，属实"})
    services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="仍需补充批发说明")
    notice = Notification.objects.get(recipient=post.owner, title="您的申诉未通过")
    assert "仍需补充批发说明" in notice.body and "原内容仍在展示" in notice.body
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED and post.unit_price != 7.5
    again = owner.post(f"listings/posts/{post.pk}/appeal", {"note": "再申诉一次的理由"})
    assert again.status_code == 409 and again.json()["code"] == "already_appealed"
