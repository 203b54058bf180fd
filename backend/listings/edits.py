"""The latest edit of a published post, as its owner and the appeal rules see it (issue #14)."""

from __future__ import annotations

from listings.models import Post, PostRevision, RevisionStatus


def last_edit(post: Post) -> PostRevision | None:
    """The post's most recent edit that was reviewed or is waiting (a withdrawn one does not count)."""
    return (
        PostRevision.objects.filter(post=post)
        .exclude(status=RevisionStatus.WITHDRAWN)
        .order_by("-submitted_at", "-id")
        .first()
    )


def edit_can_be_appealed(revision: PostRevision | None) -> bool:
    return revision is not None and revision.status == RevisionStatus.REJECTED and revision.appealed_at is None
