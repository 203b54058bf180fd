"""Which posts anyone may see (R-BOARD-*, R-OPS-2, R-PLUS-2): published (not a draft, pending,
rejected, taken down or expired), valid until today or later, and the owner's account visible
(``accounts.visibility``). The owner sees their own post in any state.

``visible_post_q(prefix=...)`` filters any queryset reaching a post through ``prefix`` (e.g.
``"post__"``); ``is_post_visible(post)`` is the same rule on one loaded post.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from accounts.visibility import visible_account_q
from common.visibility import matches
from listings.compliance import closed_kinds
from listings.models import Post, PostStatus


def live_post_q(*, prefix: str = "", valid_until: str = "valid_until") -> Q:
    """The post's own part of the rule (status, validity, its board not switched off for want of the
    recruitment licence — ``listings.compliance``), without its owner."""
    q = Q(**{f"{prefix}status": PostStatus.PUBLISHED, f"{prefix}{valid_until}__gte": timezone.localdate()})
    closed = closed_kinds()
    return q & ~Q(**{f"{prefix}kind__in": closed}) if closed else q


def visible_post_q(*, prefix: str = "") -> Q:
    return live_post_q(prefix=prefix) & visible_account_q(prefix=f"{prefix}owner__")


def is_post_visible(post: Any) -> bool:
    return post is not None and matches(visible_post_q(), post)


def can_view_post(post: Any, *, user: Any) -> bool:
    if post is None:
        return False
    return (user is not None and post.owner_id == getattr(user, "pk", None)) or is_post_visible(post)


def visible_post_ids(ids: list[str], user: Any) -> set[str]:
    """Of ``ids``, the posts ``user`` may still open (visible, or their own): for notification links."""
    own = Q(owner_id=getattr(user, "pk", None))
    return {str(pk) for pk in Post.objects.filter(visible_post_q() | own, pk__in=ids).values_list("pk", flat=True)}
