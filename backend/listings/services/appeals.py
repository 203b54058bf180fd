"""Appeals of a rejection (issue #14 item 7): the owner may appeal a rejected post once, with a note; the
post returns to the review queue marked as an appeal, and only a reviewer other than the one who rejected
it may decide it (``review._refuse_own_appeal``). The decision reaches the owner like any review result."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from common import audit
from common.errors import Conflict, NotFound
from listings.models import Decision, Post, PostStatus, ReviewDecision
from verification.appeals import clean_appeal_note
from verification.workdays import review_due_at


@transaction.atomic
def appeal_rejection(*, user: User, post_id: int, note: str) -> Post:
    """Sends a rejected post of ``user``'s back to review as an appeal (once per post)."""
    note = clean_appeal_note(note)
    post = Post.objects.select_for_update().filter(pk=post_id, owner=user).first()
    if post is None:
        raise NotFound("信息不存在")
    if post.appealed_at is not None:
        raise Conflict("already_appealed", "每条信息只能申诉一次", detail={"post_id": post.pk})
    if post.status != PostStatus.REJECTED:
        raise Conflict("not_rejected", "只有被驳回的信息可以申诉", detail={"status": post.status})
    last = (
        ReviewDecision.objects.filter(post=post, decision=Decision.REJECTED, revision__isnull=True)
        .order_by("-at", "-id")
        .first()
    )
    now = timezone.now()
    post.status = PostStatus.PENDING
    post.appealed_at = now
    post.appeal_note = note
    post.appeal_excluded_reviewer_id = last.reviewer_id if last else None
    post.submitted_at = now
    post.review_due_at = review_due_at(now)
    post.save(
        update_fields=[
            "status",
            "appealed_at",
            "appeal_note",
            "appeal_excluded_reviewer",
            "submitted_at",
            "review_due_at",
            "updated_at",
        ]
    )
    audit.record(actor=user, action="listings.post.appeal", target=post, data={"kind": post.kind})
    return post
