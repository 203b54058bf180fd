"""Appeals of a rejection (issue #14 item 7): the owner may appeal a rejected post once, with a note; the
post returns to the review queue marked as an appeal, and only a reviewer other than the one who rejected
it may decide it (``review._refuse_own_appeal``). The decision reaches the owner like any review result.

A rejected edit of a published post is appealed the same way (same endpoint, same rules): the edit returns
to the queue as the post's pending edit while the approved version stays on the boards."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from common import audit
from common.errors import Conflict, NotFound
from listings.edits import last_edit
from listings.models import Decision, Post, PostRevision, PostStatus, ReviewDecision, RevisionStatus
from verification.appeals import clean_appeal_note
from verification.workdays import review_due_at


@transaction.atomic
def appeal_rejection(*, user: User, post_id: int, note: str) -> Post:
    """Sends a rejected post of ``user``'s back to review as an appeal (once per post)."""
    note = clean_appeal_note(note)
    post = Post.objects.select_for_update().filter(pk=post_id, owner=user).first()
    if post is None:
        raise NotFound("信息不存在")
    edit = last_edit(post) if post.status == PostStatus.PUBLISHED else None
    if edit is not None and (edit.status == RevisionStatus.REJECTED or edit.appealed_at is not None):
        _appeal_edit(user=user, post=post, revision=edit, note=note)
        return post
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


def _appeal_edit(*, user: User, post: Post, revision: PostRevision, note: str) -> None:
    if revision.appealed_at is not None:
        raise Conflict(
            "already_appealed", "每次修改只能申诉一次", detail={"post_id": post.pk, "revision_id": revision.pk}
        )
    last = ReviewDecision.objects.filter(revision=revision, decision=Decision.REJECTED).order_by("-at", "-id").first()
    now = timezone.now()
    revision.status = RevisionStatus.PENDING
    revision.appealed_at = now
    revision.appeal_note = note
    revision.appeal_excluded_reviewer_id = last.reviewer_id if last else None
    revision.submitted_at = now
    revision.review_due_at = review_due_at(now)
    revision.save(
        update_fields=[
            "status",
            "appealed_at",
            "appeal_note",
            "appeal_excluded_reviewer",
            "submitted_at",
            "review_due_at",
        ]
    )
    post.pending_revision = revision
    post.save(update_fields=["pending_revision", "updated_at"])
    audit.record(
        actor=user, action="listings.post.appeal", target=post, data={"kind": post.kind, "revision_id": revision.pk}
    )
