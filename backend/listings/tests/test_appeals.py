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
