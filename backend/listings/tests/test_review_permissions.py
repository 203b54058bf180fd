"""Every review service checks the specific permission 审核信息 (listings.change_post), not is_staff:
the 客服 support role, which may only view posts, is refused and the post is left as it was, in the
services and in the console (R-ROLE-4, R-ADM-1, R-FLOW-2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import make_staff
from common.console_permissions import ConsolePermission
from common.errors import PermissionDenied
from common.models import AuditEntry
from listings import services
from listings.models import Post, PostStatus, ReviewDecision
from listings.tests.factories import make_post, make_reviewer
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def support() -> Any:
    return make_staff(groups=(Role.SUPPORT.value,))


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def _snapshot(post: Post) -> tuple[Any, ...]:
    post.refresh_from_db()
    return (post.status, post.reject_reason, post.reviewed_at, post.pending_revision_id)


REVIEW_CALLS: dict[str, Callable[[Any, Post], Any]] = {
    "approve": lambda who, post: services.approve(reviewer=who, post_id=post.pk),
    "reject": lambda who, post: services.reject(reviewer=who, post_id=post.pk, reason="信息不完整"),
    "batch_approve": lambda who, post: services.batch_approve(reviewer=who, post_ids=[post.pk]),
    "batch_reject": lambda who, post: services.batch_reject(reviewer=who, post_ids=[post.pk], reason="信息不完整"),
}


@pytest.mark.parametrize("name", list(REVIEW_CALLS))
def test_support_staff_cannot_decide_a_pending_post_R_ROLE_4_R_ADM_1(name: str) -> None:
    post = make_post(status=PostStatus.PENDING)
    before = _snapshot(post)
    notices = Notification.objects.filter(recipient=post.owner).count()

    with pytest.raises(PermissionDenied) as refused:
        REVIEW_CALLS[name](support(), post)

    assert refused.value.code == "permission_denied"
    assert refused.value.status_code == 403
    assert "审核信息" in refused.value.message
    assert _snapshot(post) == before == (PostStatus.PENDING, "", None, None)
    assert not ReviewDecision.objects.filter(post=post).exists()
    assert Notification.objects.filter(recipient=post.owner).count() == notices


@pytest.mark.parametrize("name", list(REVIEW_CALLS))
def test_the_reviewer_role_still_decides_R_ROLE_4_R_ADM_1(name: str) -> None:
    post = make_post(status=PostStatus.PENDING)
    REVIEW_CALLS[name](make_reviewer(), post)
    post.refresh_from_db()
    assert post.status == (PostStatus.PUBLISHED if "approve" in name else PostStatus.REJECTED)


def test_inactive_or_non_staff_accounts_holding_the_permission_are_refused_R_ROLE_4() -> None:
    post = make_post(status=PostStatus.PENDING)
    former = make_reviewer()
    former.is_active = False
    former.save()
    demoted = make_reviewer()
    demoted.is_staff = False
    demoted.save()
    for who in (former, demoted):
        with pytest.raises(PermissionDenied):
            services.approve(reviewer=who, post_id=post.pk)
    assert _snapshot(post)[0] == PostStatus.PENDING


def test_operator_take_down_needs_review_permission_unless_applying_a_complaint_R_ROLE_4_R_OPS_4() -> None:
    post = make_post()
    with pytest.raises(PermissionDenied) as refused:
        services.take_down_by_operator(operator=support(), post_id=post.pk, reason="违规")
    assert refused.value.code == "permission_denied"
    assert _snapshot(post)[0] == PostStatus.PUBLISHED
    assert not AuditEntry.objects.filter(action="listings.post.take_down").exists()

    # A reviewer, who handles no complaints, cannot claim the complaint route either.
    with pytest.raises(PermissionDenied):
        services.take_down_by_operator(
            operator=make_reviewer(), post_id=post.pk, reason="违规", permission=ConsolePermission.HANDLE_COMPLAINTS
        )
    # A permission that has nothing to do with taking posts down is refused for anyone.
    with pytest.raises(PermissionDenied):
        services.take_down_by_operator(
            operator=make_staff(superuser=True),
            post_id=post.pk,
            reason="违规",
            permission=ConsolePermission.REPLY_FEEDBACK,
        )
    assert _snapshot(post)[0] == PostStatus.PUBLISHED

    services.take_down_by_operator(operator=make_reviewer(), post_id=post.pk, reason="违规")
    assert _snapshot(post)[0] == PostStatus.TAKEN_DOWN


def test_support_posting_the_approve_form_in_the_console_is_refused_R_ROLE_4_R_ADM_1() -> None:
    post = make_post(status=PostStatus.PENDING)
    client = console(support())
    url = reverse("admin:listings_reviewqueueitem_approve_detail", args=[post.pk])

    response = client.post(url)

    assert response.status_code == 403
    client.post(
        reverse("admin:listings_reviewqueueitem_changelist"),
        {
            "action": "approve_selected",
            "_selected_action": [post.pk],
        },
    )
    assert _snapshot(post)[0] == PostStatus.PENDING
    assert not ReviewDecision.objects.filter(post=post).exists()


def test_a_console_page_that_lets_someone_in_still_shows_the_services_refusal_R_ROLE_4_R_ADM_1() -> None:
    """A hand-made group that opens the queue page (the proxy's change permission) but lacks
    listings.change_post: the service refuses, and the page says which permission is missing."""
    group = Group.objects.create(name="只看队列")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="listings", codename__in=["view_reviewqueueitem", "change_reviewqueueitem"]
        )
    )
    clerk = make_staff(groups=(group.name,))
    post = make_post(status=PostStatus.PENDING)

    response = console(clerk).post(
        reverse("admin:listings_reviewqueueitem_approve_detail", args=[post.pk]), follow=True
    )

    assert response.status_code == 200
    assert "没有「审核信息」权限" in response.content.decode()
    assert _snapshot(post)[0] == PostStatus.PENDING
