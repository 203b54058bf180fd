"""Reads of matching: a user's job preference and the matches of their posts or for them (R-PLUS-1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from accounts.models import AccountType
from common.errors import NotFound
from common.presentation import Decorated
from discovery.cards import FactoryCard, PostCard
from discovery.selectors import decorate_factories, decorate_posts
from factories.models import FactoryProfile
from listings.models import Post
from matching import dispatch, labour, matchers
from matching.matchers import Match
from matching.models import WorkerPreference

if TYPE_CHECKING:
    from accounts.models import User


def get_job_preference(*, user: User) -> WorkerPreference | None:
    return WorkerPreference.objects.filter(user=user).select_related("region").prefetch_related("job_types").first()


# --- Matches -----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class MatchCard(Decorated):
    """A match as the reader sees it: the matched post or factory as its card (favourite mark, trust)."""

    wraps: ClassVar[str] = "match"

    match: Match
    post: PostCard | None = None
    factory: FactoryCard | None = None


def as_cards(matches: list[Match], *, user: User) -> list[MatchCard]:
    posts = iter(decorate_posts([m.post for m in matches if m.post is not None], user=user))
    factories = iter(decorate_factories([m.factory for m in matches if m.factory is not None], user=user))
    return [
        MatchCard(
            match=m,
            post=next(posts) if m.post is not None else None,
            factory=next(factories) if m.factory is not None else None,
        )
        for m in matches
    ]


def matches_of_my_post(*, user: User, post_id: int, limit: int = 20) -> list[MatchCard]:
    """The matches of one of the user's own posts (404 for anyone else's)."""
    post = (
        Post.objects.filter(pk=post_id, owner_id=user.pk)
        .select_related("owner", "category", "industry", "region", "job_type")
        .prefetch_related("process_types")
        .first()
    )
    if post is None:
        raise NotFound("信息不存在或无权查看")
    return as_cards(dispatch.matches_for_post(post, limit=limit), user=user)


def matches_for_me(*, user: User, limit: int = 20) -> list[MatchCard]:
    """A factory: the demands that fit it. A worker: the jobs that fit their preference."""
    matches: list[Any] = []
    if user.account_type == AccountType.FACTORY:
        factory = (
            FactoryProfile.objects.filter(owner=user)
            .select_related("industry", "region")
            .prefetch_related("categories", "attributes")
            .first()
        )
        if factory is None:
            raise NotFound("尚未填写工厂入驻信息", code="factory_profile_missing")
        matches = matchers.match_demands_for_factory(factory, limit=limit)
    elif user.account_type == AccountType.WORKER:
        preference = get_job_preference(user=user)
        if preference is None:
            raise NotFound("请先填写求职意向", code="job_preference_missing")
        matches = labour.match_labour_for_worker(preference, limit=limit)
    return as_cards(matches, user=user)
