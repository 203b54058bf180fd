"""The owner's lifecycle actions: submit, take down, relist, refresh, delete a draft, and the counters
other apps update (views, contacts, hires) (R-FLOW-2, R-OPS-1, R-PLUS-2)."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from common.errors import Conflict, NotFound
from common.tasks import enqueue
from listings import kinds, registry
from listings.models import Post, PostRevision, PostStatus, RevisionStatus
from listings.services.content import (
    CheckResult,
    _check_can_publish,
    _own_post_for_update,
    _parse,
    _run_checks,
    _validate_complete,
)
from moderation import pipeline
from moderation.models import MediaCheck
from verification.workdays import review_due_at

# Once a published post's owner refreshes it, it stays on top; limit how often, so refreshing cannot
# be used to sit at the head of a board.
REFRESH_INTERVAL = timedelta(hours=24)


def _send_to_review(post: Post, check: CheckResult) -> None:
    now = timezone.now()
    post.status = PostStatus.PENDING
    post.is_flagged = check.is_flagged
    post.moderation = check.moderation
    post.valid_until = check.valid_until
    post.submitted_at = now
    post.review_due_at = review_due_at(now)
    post.reject_reason = ""
    post.save()
    # WeChat's image check leaves the request: one effect per submission, sent by a worker after commit.
    enqueue(
        "listings.request_image_checks",
        key=f"listings.image_checks:{post.pk}:{now.isoformat()}",
        target=post,
        post_id=post.pk,
        owner_id=post.owner_id,
    )


def request_image_checks(*, post_id: int, owner_id: int) -> None:
    """Sends the post's images to WeChat's asynchronous check (the effect ``listings.request_image_checks``)."""
    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        return
    files = [link.file for link in post.media_links.select_related("file").order_by("order")]
    # A retry after WeChat failed part-way sends only the images not yet sent for this submission.
    sent = MediaCheck.objects.filter(
        target_type=post._meta.label_lower, target_id=str(post.pk), created_at__gte=post.submitted_at or post.created_at
    ).values_list("file_id", flat=True)
    pipeline.send_image_checks(
        place="post", files=files, author=User.objects.get(pk=owner_id), target=post, already_sent=sent
    )


@transaction.atomic
def submit_post(*, user: User, post_id: int) -> Post:
    """Draft or rejected → pending review, after every check passes (R-FLOW-2, R-OPS-1)."""
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.DRAFT, PostStatus.REJECTED}:
        raise Conflict("not_submittable", f"当前状态（{post.get_status_display()}）不能提交审核")
    typed = _parse(post.kind, kinds.form_values(post))
    _send_to_review(post, _run_checks(user=user, kind=post.kind, typed=typed))
    return post


@transaction.atomic
def take_down(*, user: User, post_id: int) -> Post:
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status != PostStatus.PUBLISHED:
        raise Conflict("not_published", "只有已发布的信息可以下架")
    post.status = PostStatus.TAKEN_DOWN
    _withdraw_pending_edit(post)
    post.save()
    return post


def _withdraw_pending_edit(post: Post) -> None:
    if post.pending_revision_id:
        PostRevision.objects.filter(pk=post.pending_revision_id).update(status=RevisionStatus.WITHDRAWN)
        post.pending_revision = None


@transaction.atomic
def relist(*, user: User, post_id: int) -> Post:
    """Back on the board at once when nothing changed and it is still valid; otherwise through review."""
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.TAKEN_DOWN, PostStatus.EXPIRED}:
        raise Conflict("not_relistable", "只有已下架或已过期的信息可以重新上架")
    typed = _parse(post.kind, kinds.form_values(post))
    today = timezone.localdate()
    edited = post.last_approved_at is None or (
        post.content_changed_at is not None and post.content_changed_at > post.last_approved_at
    )
    still_valid = post.valid_until is not None and post.valid_until >= today
    if not edited and still_valid and post.status == PostStatus.TAKEN_DOWN:
        _validate_complete(post.kind, typed)
        _check_can_publish(user, post.kind)
        post.status = PostStatus.PUBLISHED
        post.refreshed_at = timezone.now()
        post.save()
        return post
    if not still_valid:
        typed = _parse(post.kind, {**kinds.form_values(post), "valid_until": None})
    _send_to_review(post, _run_checks(user=user, kind=post.kind, typed=typed))
    return post


@transaction.atomic
def refresh(*, user: User, post_id: int) -> Post:
    """Extends the validity and re-runs the checks (R-PLUS-2).

    A published post that still passes stays on the board with a new validity and moves up; one the
    checks now flag, or an expired one, goes through review again.
    """
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status not in {PostStatus.PUBLISHED, PostStatus.EXPIRED}:
        raise Conflict("not_refreshable", "只有已发布或已过期的信息可以刷新")
    now = timezone.now()
    if post.status == PostStatus.PUBLISHED and post.refreshed_at and now - post.refreshed_at < REFRESH_INTERVAL:
        raise Conflict("refresh_too_soon", "每条信息 24 小时内只能刷新一次")
    typed = _parse(post.kind, {**kinds.form_values(post), "valid_until": None})
    check = _run_checks(user=user, kind=post.kind, typed=typed)
    if post.status == PostStatus.PUBLISHED and not check.is_flagged:
        post.valid_until = check.valid_until
        post.refreshed_at = now
        post.moderation = check.moderation
        post.save()
        return post
    _withdraw_pending_edit(post)
    _send_to_review(post, check)
    return post


@transaction.atomic
def delete_draft(*, user: User, post_id: int) -> None:
    post = _own_post_for_update(user=user, post_id=post_id)
    if post.status != PostStatus.DRAFT:
        raise Conflict("not_deletable", "只能删除草稿；已发布的信息请先下架")
    post.delete()


def record_view(*, post: Post, viewer: User | None) -> None:
    if viewer is not None and viewer.pk == post.owner_id:
        return
    Post.objects.filter(pk=post.pk).update(view_count=F("view_count") + 1)
    post.view_count += 1


def record_contact(*, post_id: int) -> None:
    """Called by messaging when someone taps 联系对方 on a post (a counter on the detail page)."""
    Post.objects.filter(pk=post_id).update(contact_count=F("contact_count") + 1)


@transaction.atomic
def set_hired_count(*, post_id: int, hired_count: int) -> Post:
    """Called by applications when hires change; a labour post that reaches its headcount is 已招满."""
    kinds_with_headcount = [spec.kind for spec in registry.all() if spec.accepts_applications]
    post = Post.objects.select_for_update().filter(pk=post_id, kind__in=kinds_with_headcount).first()
    if post is None:
        raise NotFound("用工信息不存在")
    post.hired_count = max(0, hired_count)
    post.is_full = bool(post.headcount) and post.hired_count >= (post.headcount or 0)
    post.save(update_fields=["hired_count", "is_full", "updated_at"])
    return post
