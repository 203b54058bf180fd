"""The home page (R-APP-1): board counts, announcements and recommendations from what the reader
browsed, or by role when there is no history (R-ROLE-1..3)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import AccountType
from discovery.models import Announcement, ViewEvent
from discovery.selectors import decorate_factories, decorate_posts, near, newest_order
from factories.models import FactoryProfile
from factories.selectors import visible_factories
from listings import registry
from listings.models import Post
from listings.selectors import recommendable_posts, visible_posts, with_card_relations
from search.models import FACTORY_BOARD, board_names
from search.text import parse_query

if TYPE_CHECKING:
    from accounts.models import User


def job_preference_of(user: User) -> Any:
    """The worker's job preference (``matching.WorkerPreference``) through the user's reverse relation,
    so discovery needs no import of ``matching`` (matching builds on discovery, not the reverse)."""
    try:
        return user.job_preference
    except (ObjectDoesNotExist, AttributeError):
        return None


def current_announcements(*, limit: int = 5) -> list[Announcement]:
    now = timezone.now()
    return list(
        Announcement.objects.filter(is_active=True)
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("-pinned", F("starts_at").desc(nulls_last=True), "-id")[:limit]
    )


def board_counts() -> dict[str, int]:
    counts = dict.fromkeys(board_names(), 0)
    for row in visible_posts().order_by().values("kind").annotate(n=Count("id")):
        counts[row["kind"]] = row["n"]
    counts[FACTORY_BOARD] = visible_factories().order_by().count()
    return counts


@dataclass
class Recommendation:
    type: str  # "post" | "factory"
    reason: str
    post: Any = None  # a Post while ranking, its PostCard once decorated
    factory: Any = None  # a FactoryProfile, then its FactoryCard
    score: float = 0.0


HISTORY_HALF_LIFE_DAYS = 7.0
HISTORY_WINDOW_DAYS = 60


@dataclass
class Interests:
    """What a user's browsing says they care about, each weighted by recency."""

    categories: Counter[int] = field(default_factory=Counter)
    category_names: dict[int, str] = field(default_factory=dict)
    regions: Counter[str] = field(default_factory=Counter)  # city-level adcode prefix (4 digits)
    region_names: dict[str, str] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)
    keywords: Counter[str] = field(default_factory=Counter)
    seen_post_ids: set[int] = field(default_factory=set)
    seen_factory_ids: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.categories or self.regions or self.keywords)


def interests_of(user: User, *, now: datetime | None = None) -> Interests:
    now = now or timezone.now()
    events = list(
        ViewEvent.objects.filter(user=user, at__gte=now - timedelta(days=HISTORY_WINDOW_DAYS)).order_by("-at")[:100]
    )
    interests = Interests()
    if not events:
        return interests
    post_ids = {e.post_id for e in events if e.post_id}
    factory_ids = {e.factory_id for e in events if e.factory_id}
    posts = {p.pk: p for p in Post.objects.filter(pk__in=post_ids).select_related("category", "region")}
    factories = {
        f.pk: f
        for f in FactoryProfile.objects.filter(pk__in=factory_ids)
        .select_related("region")
        .prefetch_related("categories")
    }
    for event in events:
        weight = 0.5 ** ((now - event.at).total_seconds() / 86400 / HISTORY_HALF_LIFE_DAYS)
        if event.post_id and event.post_id in posts:
            post = posts[event.post_id]
            interests.seen_post_ids.add(post.pk)
            interests.kinds[post.kind] += weight
            if post.category_id:
                interests.categories[post.category_id] += weight
                interests.category_names[post.category_id] = post.category.name  # type: ignore[union-attr]
            if post.region_id:
                interests.regions[post.region_id[:4]] += weight
                interests.region_names[post.region_id[:4]] = post.region.city_name or post.region.name  # type: ignore[union-attr]
            for word in parse_query(post.product_name or "").words:
                if len(word) > 1:
                    interests.keywords[word] += weight
        elif event.factory_id and event.factory_id in factories:
            factory = factories[event.factory_id]
            interests.seen_factory_ids.add(factory.pk)
            interests.kinds[FACTORY_BOARD] += weight
            for category in factory.categories.all():
                interests.categories[category.pk] += weight * 0.5
                interests.category_names[category.pk] = category.name
            interests.regions[factory.region_id[:4]] += weight * 0.5
            interests.region_names[factory.region_id[:4]] = factory.region.city_name or factory.region.name
    return interests


def _from_history(user: User, interests: Interests, limit: int) -> list[Recommendation]:
    top_categories = [c for c, _ in interests.categories.most_common(5)]
    top_regions = [r for r, _ in interests.regions.most_common(3)]
    top_keywords = [k for k, _ in interests.keywords.most_common(3)]
    wanted = Q(category_id__in=top_categories) if top_categories else Q()
    for prefix in top_regions:
        wanted |= Q(region__adcode__startswith=prefix, kind__in=[k for k, _ in interests.kinds.most_common(2)])
    for keyword in top_keywords:
        wanted |= Q(product_name__icontains=keyword) | Q(title__icontains=keyword)
    if not wanted:
        return []
    candidates = list(
        with_card_relations(
            recommendable_posts().filter(wanted).exclude(owner_id=user.pk).exclude(pk__in=interests.seen_post_ids)
        ).order_by(*newest_order())[:200]
    )
    now = timezone.now()
    recommendations = []
    category_total = sum(interests.categories.values()) or 1.0
    region_total = sum(interests.regions.values()) or 1.0
    keyword_total = sum(interests.keywords.values()) or 1.0
    for post in candidates:
        parts: list[tuple[float, str]] = []
        if post.category_id is not None and post.category_id in interests.categories:
            name = interests.category_names.get(post.category_id, "")
            parts.append((3.0 * interests.categories[post.category_id] / category_total, f"您常看的品类：{name}"))
        prefix = (post.region_id or "")[:4]
        if prefix in interests.regions:
            parts.append(
                (1.5 * interests.regions[prefix] / region_total, f"您关注的地区：{interests.region_names[prefix]}")
            )
        haystack = f"{post.title} {post.product_name}"
        for keyword, weight in interests.keywords.items():
            if keyword in haystack:
                parts.append((2.0 * weight / keyword_total, f"与您看过的「{keyword}」相关"))
                break
        if not parts:
            continue
        published = post.refreshed_at or post.published_at or now
        freshness = 0.5 ** ((now - published).total_seconds() / 86400 / 14)
        total = sum(p for p, _ in parts) + 0.5 * freshness
        best_reason = max(parts, key=lambda p: p[0])[1]
        recommendations.append(Recommendation(type="post", reason=best_reason, post=post, score=total))
    recommendations.sort(key=lambda r: (-r.score, -r.post.pk))
    return recommendations[:limit]


def _cold_start(user: User | None, *, lat: float | None, lng: float | None, limit: int) -> list[Recommendation]:
    """With no history, by role (R-ROLE-1..3): factory → demands in its categories; worker → jobs near
    them; trade company → factories and stock in the categories it buys."""

    def posts(qs: QuerySet[Post], reason: str, n: int, order: list[Any] | None = None) -> list[Recommendation]:
        mine = qs.exclude(owner_id=getattr(user, "pk", None))
        rows = with_card_relations(mine).order_by(*(order or newest_order()))[:n]
        return [Recommendation(type="post", reason=reason, post=p) for p in rows]

    account_type = user.account_type if user is not None else ""
    # The boards whose posts this role is shown first (``BoardSpec.recommended_to``).
    boards = registry.recommended_to(account_type)
    if not boards:
        return posts(recommendable_posts(), "最新发布", limit)
    first = boards[0]
    of_boards = recommendable_posts().filter(kind__in=[b.kind for b in boards])
    if user is not None and account_type == AccountType.FACTORY:
        profile = FactoryProfile.objects.filter(owner=user).prefetch_related("categories").first()
        if profile is not None:
            category_ids = [c.pk for c in profile.categories.all()]
            demands = of_boards.filter(Q(category_id__in=category_ids) | Q(industry_id=profile.industry_id))
            found = posts(demands, "与您工厂的品类相符的需求", limit)
            if found:
                return found
        return posts(recommendable_posts().filter(kind=first.kind), f"最新{first.label}", limit)
    if user is not None and account_type == AccountType.WORKER:
        preference = job_preference_of(user)
        jobs = of_boards
        if preference is not None and preference.job_types.exists():
            jobs = jobs.filter(job_type__in=preference.job_types.all())
        if lat is not None and lng is not None:
            nearby = near(jobs, lat=lat, lng=lng, within_km=100)
            by_distance = [F("distance_km").asc(nulls_last=True), "-id"]
            found = posts(nearby, f"离您较近的{first.short_name}", limit, by_distance)
            if found:
                return found
        if preference is not None and preference.region is not None:
            prefix = preference.region.adcode[:4]
            nearby_jobs = jobs.filter(region__adcode__startswith=prefix)
            found = posts(nearby_jobs, f"{preference.region.name}附近的{first.short_name}", limit)
            if found:
                return found
        return posts(of_boards, f"最新{first.short_name}信息", limit)
    if account_type == AccountType.TRADE:
        own_kinds = [b.kind for b in registry.published_by(account_type)]
        category_ids = list(
            Post.objects.filter(owner=user, kind__in=own_kinds, category__isnull=False)
            .values_list("category_id", flat=True)
            .distinct()
        )
        if category_ids:
            half = max(1, limit // 2)
            factories = (
                visible_factories()
                .filter(categories__in=category_ids)
                .distinct()
                .exclude(owner_id=getattr(user, "pk", None))
                .order_by("-completed_deals", "-id")[:half]
            )
            found = [Recommendation(type="factory", reason="生产您采购品类的工厂", factory=f) for f in factories]
            found += posts(
                of_boards.filter(category_id__in=category_ids),
                f"您采购品类的{first.label}",
                limit - len(found),
            )
            if found:
                return found
    return posts(of_boards, f"最新{first.label}", limit)


def recommendations(
    *, user: User | None, lat: float | None = None, lng: float | None = None, limit: int = 10
) -> list[Recommendation]:
    """Never the reader's own posts; disabled owners are out through ``recommendable_posts()``."""
    if user is None:
        rows = with_card_relations(recommendable_posts()).order_by(*newest_order())[:limit]
        found = [Recommendation(type="post", reason="最新发布", post=p) for p in rows]
    else:
        interests = interests_of(user)
        found = _from_history(user, interests, limit) if interests else []
        if len(found) < limit:
            seen = {r.post.pk for r in found if r.post is not None} | interests.seen_post_ids
            more = _cold_start(user, lat=lat, lng=lng, limit=limit)
            found += [r for r in more if r.post is None or r.post.pk not in seen][: limit - len(found)]
    posts = iter(decorate_posts([r.post for r in found if r.post is not None], user=user))
    factories = iter(decorate_factories([r.factory for r in found if r.factory is not None], user=user))
    return [
        replace(r, post=next(posts) if r.post is not None else None, factory=next(factories) if r.factory else None)
        for r in found
    ]


@dataclass
class Home:
    counts: dict[str, int]
    announcements: list[Announcement]
    recommendations: list[Recommendation]


def home(*, user: User | None, lat: float | None = None, lng: float | None = None) -> Home:
    return Home(
        counts=board_counts(),
        announcements=current_announcements(),
        recommendations=recommendations(user=user, lat=lat, lng=lng),
    )
