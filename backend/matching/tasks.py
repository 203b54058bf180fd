"""Background effects of matching: the match notices of a newly approved post (R-PLUS-1), and the
refresh of a factory's ranking rows after its change committed (issue #13)."""

from __future__ import annotations

from common.tasks import effect
from listings.models import Post, PostStatus
from matching.services import notify_matches_for_post, refresh_factory_ranks_of_owner


@effect("matching.notify_matches_for_post")
def notify_matches(*, post_id: int) -> None:
    """Runs after the approval committed; a post taken down meanwhile notifies no one."""
    post = Post.objects.filter(pk=post_id, status=PostStatus.PUBLISHED).select_related("owner").first()
    if post is not None:
        notify_matches_for_post(post)


@effect("matching.refresh_factory_rank")
def refresh_factory_rank(*, owner_id: int) -> None:
    refresh_factory_ranks_of_owner(owner_id=owner_id)
