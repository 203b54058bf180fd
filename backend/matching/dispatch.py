"""Which matcher runs for a post, and the notice its matches get (R-PLUS-1)."""

from __future__ import annotations

from listings.models import Post, PostKind
from matching.labour import match_workers_for_labour
from matching.matchers import (
    Match,
    match_demands_for_processing_service,
    match_factories_for_demand,
    match_services_for_processing_demand,
)


def matches_for_post(post: Post, *, limit: int = 20) -> list[Match]:
    if post.kind == PostKind.PROCUREMENT:
        return match_factories_for_demand(post, limit=limit)
    if post.kind == PostKind.PROCESSING_DEMAND:
        return match_services_for_processing_demand(post, limit=limit)
    if post.kind == PostKind.PROCESSING_SERVICE:
        return match_demands_for_processing_service(post, limit=limit)
    if post.kind == PostKind.LABOUR:
        return match_workers_for_labour(post, limit=limit)
    return []


def notice_for(post: Post) -> tuple[str, str]:
    """Title and in-app link of the notice sent to a post's matches."""
    titles: dict[str, str] = {
        PostKind.PROCUREMENT: "有新的采购需求适合您的工厂",
        PostKind.PROCESSING_DEMAND: "有新的代加工需求适合您",
        PostKind.PROCESSING_SERVICE: "有新的代加工服务适合您的需求",
        PostKind.LABOUR: "有新的招工信息符合您的求职意向",
    }
    return titles.get(post.kind, "有新的信息适合您"), f"/pages/posts/detail?id={post.pk}"
