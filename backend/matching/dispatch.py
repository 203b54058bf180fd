"""Which matcher runs for a post, and the notice its matches get (R-PLUS-1).

A kind's ``BoardSpec.matcher`` names its matcher by key; this module maps keys to functions
(``register_matcher`` adds one). A kind without a matcher gets no matches, without error.
"""

from __future__ import annotations

from collections.abc import Callable

from listings import registry
from listings.models import Post
from matching.labour import match_workers_for_labour
from matching.matchers import (
    Match,
    match_demands_for_processing_service,
    match_factories_for_demand,
    match_services_for_processing_demand,
)

Matcher = Callable[..., list[Match]]

MATCHERS: dict[str, Matcher] = {
    "factories_for_demand": match_factories_for_demand,
    "services_for_processing_demand": match_services_for_processing_demand,
    "demands_for_processing_service": match_demands_for_processing_service,
    "workers_for_labour": match_workers_for_labour,
}


def register_matcher(key: str, matcher: Matcher) -> None:
    MATCHERS[key] = matcher


def matches_for_post(post: Post, *, limit: int = 20) -> list[Match]:
    key = registry.get(post.kind).matcher
    if key is None:
        return []
    return MATCHERS[key](post, limit=limit)


def notice_for(post: Post) -> tuple[str, str]:
    """Title and in-app link of the notice sent to a post's matches."""
    return registry.get(post.kind).match_notice, f"/pages/posts/detail?id={post.pk}"
