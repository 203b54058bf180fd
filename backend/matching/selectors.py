"""Reads of discovery: board lists with filters and sorts, keyword search, favourites, browsing
history, the home feed and recommendations (R-APP-1, R-APP-3, R-APP-4, R-APP-5, R-ROLE-1..3).

Every public list starts from ``listings.selectors.visible_posts()`` (published, still valid, owner
neither disabled nor cancelled) or from the factory directory's own rule (verified factories).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from django.db.models import Count, Exists, F, FloatField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import ASin, Coalesce, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone

from common.errors import NotFound, field_error
from matching import text
from matching.models import Announcement, Board, Favourite, SearchDocument, ViewEvent, WorkerPreference
from regions.geo import EARTH_RADIUS_KM, bounding_box

if TYPE_CHECKING:
    from factories.models import FactoryProfile
    from listings.models import Post

T = TypeVar("T")


def visible_posts() -> QuerySet[Post]:
    from listings.selectors import visible_posts as listings_visible_posts

    return listings_visible_posts()


def visible_factories() -> QuerySet[FactoryProfile]:
    """The factory directory's rule (verified, owner active): the factories anyone may see."""
    from factories.selectors import DirectoryFilter, directory

    return directory(DirectoryFilter())


class DecoratedPage(Sequence[T], Generic[T]):
    """A queryset that ``@paginate(PageNumber)`` slices, then ``decorate`` enriches only the page's
    rows (distance, favourite marks, trust figures) with a fixed number of extra queries."""

    def __init__(self, qs: QuerySet[Any], decorate: Callable[[list[Any]], list[T]]) -> None:
        self.qs = qs
        self.decorate = decorate

    def __len__(self) -> int:
        return self.qs.count()

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return self.decorate(list(self.qs[index]))
        return self.decorate([self.qs[index]])[0]


# --- Board lists (R-ROLE-1..3, R-BOARD-1..4) ------------------------------------------------------

SORTS: dict[str, tuple[str, ...]] = {
    "procurement": ("newest", "soonest", "nearest"),
    "stock": ("newest", "cheapest", "nearest"),
    "labour": ("newest", "wage", "nearest"),
    "processing_demand": ("newest", "soonest", "nearest"),
    "processing_service": ("newest", "capacity", "nearest"),
}
SORT_LABELS = {
    "newest": "最新发布",
    "soonest": "交期最近",
    "nearest": "离我最近",
    "cheapest": "价格最低",
    "wage": "工资最高",
    "capacity": "产能最大",
}


@dataclass(frozen=True)
class BoardFilter:
    """The one filter vocabulary of every board; a filter a board has no data for simply matches
    nothing, so clients can send the same parameters everywhere."""

    industry: int | None = None
    category: int | None = None
    region: str | None = None
    q: str | None = None
    quantity_min: Decimal | None = None
    quantity_max: Decimal | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    currency: str | None = None
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    delivery_before: date | None = None
    delivery_after: date | None = None
    period_from: date | None = None
    period_to: date | None = None
    job_type: list[int] = field(default_factory=list)
    process_type: list[int] = field(default_factory=list)
    meals: bool | None = None
    housing: bool | None = None
    certification: str | None = None
    grade: str | None = None
    sample_required: bool | None = None
    capacity_min: Decimal | None = None
    include_full: bool = False
    lat: float | None = None
    lng: float | None = None
    within_km: float | None = None
    sort: str = "newest"


def region_prefix(adcode: str, *, field_name: str = "region") -> str:
    from regions.selectors import descendant_adcode_prefix, valid_region

    return descendant_adcode_prefix(valid_region((adcode or "").strip(), field=field_name))


def distance_expression(
    latitude: float, longitude: float, *, lat_field: str = "latitude", lng_field: str = "longitude"
) -> Any:
    """Great-circle (haversine) distance in km from a point, as SQL (works on SQLite and PostgreSQL)."""
    lat0 = math.radians(latitude)
    dlat = Radians(F(lat_field)) - Value(lat0)
    dlon = Radians(F(lng_field)) - Value(math.radians(longitude))
    a = Power(Sin(dlat / 2), 2) + Value(math.cos(lat0)) * Cos(Radians(F(lat_field))) * Power(Sin(dlon / 2), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def _newest_order() -> list[Any]:
    # A refresh (R-PLUS-2) moves a post up, so "newest" means last published or refreshed.
    return [Coalesce("refreshed_at", "published_at").desc(nulls_last=True), "-id"]


def _apply_point(qs: QuerySet[Any], f: BoardFilter | Any) -> QuerySet[Any]:
    if f.lat is None or f.lng is None:
        return qs.annotate(distance_km=Value(None, output_field=FloatField()))
    if f.within_km:
        # Plain comparisons on indexed columns first; the trigonometry then runs on the box only.
        min_lat, max_lat, min_lng, max_lng = bounding_box(f.lat, f.lng, f.within_km)
        qs = qs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
    qs = qs.annotate(distance_km=distance_expression(f.lat, f.lng))
    if f.within_km:
        qs = qs.filter(distance_km__lte=f.within_km)
    return qs


def board_posts(kind: str, f: BoardFilter) -> QuerySet[Post]:
    """A board's filtered, sorted list. Every order ends with ``-id`` so pages never overlap."""
    from listings.models import Post, PostKind
    from listings.selectors import with_card_relations

    if f.sort not in SORTS[kind]:
        allowed = "、".join(SORT_LABELS[s] for s in SORTS[kind])
        raise field_error("sort", "invalid_choice", f"该板块可选排序：{allowed}")
    if f.sort == "nearest" and (f.lat is None or f.lng is None):
        raise field_error("lat", "required", "按距离排序需要提供当前位置（lat、lng）")
    qs = visible_posts().filter(kind=kind)
    if f.industry:
        qs = qs.filter(industry_id=f.industry)
    if f.category:
        qs = qs.filter(category_id=f.category)
    if f.region:
        qs = qs.filter(region__adcode__startswith=region_prefix(f.region))
    if f.q and f.q.strip():
        qs = qs.filter(pk__in=matching_post_ids(f.q, kind=kind))
    if f.quantity_min is not None:
        qs = qs.filter(quantity__gte=f.quantity_min)
    if f.quantity_max is not None:
        qs = qs.filter(quantity__lte=f.quantity_max)
    if f.price_min is not None:
        qs = qs.filter(unit_price__gte=f.price_min)
    if f.price_max is not None:
        qs = qs.filter(unit_price__lte=f.price_max)
    if f.currency:
        qs = qs.filter(currency=f.currency)
    if f.wage_min is not None:
        qs = qs.filter(wage_per_day__gte=f.wage_min)
    if f.wage_max is not None:
        qs = qs.filter(wage_per_day__lte=f.wage_max)
    if f.delivery_before is not None:
        qs = qs.filter(delivery_date__lte=f.delivery_before)
    if f.delivery_after is not None:
        qs = qs.filter(delivery_date__gte=f.delivery_after)
    # Work periods that overlap [period_from, period_to].
    if f.period_from is not None:
        qs = qs.filter(period_end__gte=f.period_from)
    if f.period_to is not None:
        qs = qs.filter(period_start__lte=f.period_to)
    if f.job_type:
        qs = qs.filter(job_type_id__in=f.job_type)
    if f.process_type:
        qs = qs.filter(
            Exists(Post.process_types.through.objects.filter(post_id=OuterRef("pk"), processtype_id__in=f.process_type))
        )
    if f.meals is not None:
        qs = qs.filter(meals_provided=f.meals)
    if f.housing is not None:
        qs = qs.filter(housing_provided=f.housing)
    if f.certification:
        qs = qs.filter(certification_codes__contains=f" {f.certification.strip().upper()} ")
    if f.grade:
        qs = qs.filter(grade=f.grade.upper())
    if f.sample_required is not None:
        qs = qs.filter(sample_required=f.sample_required)
    if f.capacity_min is not None:
        qs = qs.filter(capacity_per_day__gte=f.capacity_min)
    if kind == PostKind.LABOUR and not f.include_full:
        qs = qs.filter(is_full=False)
    qs = _apply_point(qs, f)
    order: list[Any]
    if f.sort == "soonest":
        order = [F("delivery_date").asc(nulls_last=True), "-id"]
    elif f.sort == "cheapest":
        order = [F("unit_price").asc(nulls_last=True), "-id"]
    elif f.sort == "wage":
        order = [F("wage_per_day").desc(nulls_last=True), "-id"]
    elif f.sort == "capacity":
        order = [F("capacity_per_day").desc(nulls_last=True), "-id"]
    elif f.sort == "nearest":
        order = [F("distance_km").asc(nulls_last=True), "-id"]
    else:
        order = _newest_order()
    return with_card_relations(qs).order_by(*order)


def decorate_posts(posts: list[Post], *, user: Any) -> list[Post]:
    """Adds ``favourite_id`` (the reader's) and ``trust`` (owner's response figures) to each post."""
    favourites: dict[int, int] = {}
    if user is not None and posts:
        favourites = dict(
            Favourite.objects.filter(user=user, post_id__in=[p.pk for p in posts]).values_list("post_id", "id")
        )
    from matching.trust import response_stats

    stats = response_stats(p.owner_id for p in posts)
    for post in posts:
        post.favourite_id = favourites.get(post.pk)  # type: ignore[attr-defined]
        post.trust = stats.get(post.owner_id)  # type: ignore[attr-defined]
    return posts


def board_page(kind: str, f: BoardFilter, *, user: Any) -> DecoratedPage[Post]:
    return DecoratedPage(board_posts(kind, f), lambda rows: decorate_posts(rows, user=user))


# --- The discovery factory directory (R-APP-3, R-PLUS-4) ----------------------------------------


@dataclass(frozen=True)
class FactoryFilter:
    industry: int | None = None
    category: int | None = None
    region: str | None = None
    attributes: list[int] = field(default_factory=list)
    q: str | None = None
    lat: float | None = None
    lng: float | None = None
    within_km: float | None = None
    sort: str = "deals"  # deals (接单量) | distance | newest (recently verified)


def discovery_factories(f: FactoryFilter) -> QuerySet[FactoryProfile]:
    from factories.selectors import DirectoryFilter, directory

    if f.sort == "distance" and (f.lat is None or f.lng is None):
        raise field_error("lat", "required", "按距离排序需要提供当前位置（lat、lng）")
    qs = directory(
        DirectoryFilter(
            industry_id=f.industry,
            category_id=f.category,
            attribute_ids=list(f.attributes),
            latitude=f.lat,
            longitude=f.lng,
            within_km=f.within_km,
            sort="distance" if f.sort == "distance" else "deals",
        )
    )
    if f.region:
        qs = qs.filter(region__adcode__startswith=region_prefix(f.region))
    if f.q and f.q.strip():
        qs = qs.filter(pk__in=matching_factory_ids(f.q))
    if f.sort == "newest":
        qs = qs.order_by(F("verified_at").desc(nulls_last=True), "-id")
    return qs


def decorate_factories(factories: list[FactoryProfile], *, user: Any) -> list[FactoryProfile]:
    """Trust signals (R-PLUS-4) and the reader's favourite marks for a page of factories."""
    from matching.trust import response_stats

    favourites: dict[int, int] = {}
    if user is not None and factories:
        favourites = dict(
            Favourite.objects.filter(user=user, factory_id__in=[f.pk for f in factories]).values_list(
                "factory_id", "id"
            )
        )
    stats = response_stats(f.owner_id for f in factories)
    for factory in factories:
        figures = stats.get(factory.owner_id)
        factory.response_rate = figures.response_rate if figures else None  # type: ignore[attr-defined]
        factory.response_minutes = figures.median_response_minutes if figures else None  # type: ignore[attr-defined]
        if figures and figures.completed_deals is not None:
            # Connections ending in a deal are the live figure; the profile column may lag behind.
            factory.completed_deals = max(factory.completed_deals, figures.completed_deals)
        factory.upheld_complaints = figures.upheld_complaints if figures else 0  # type: ignore[attr-defined]
        factory.favourite_id = favourites.get(factory.pk)  # type: ignore[attr-defined]
    return factories


def factory_page(f: FactoryFilter, *, user: Any) -> DecoratedPage[FactoryProfile]:
    return DecoratedPage(discovery_factories(f), lambda rows: decorate_factories(rows, user=user))


# --- Keyword search (R-APP-1) -------------------------------------------------------------------


@dataclass
class SearchHit:
    type: str  # "post" | "factory"
    id: int
    board: str
    board_label: str
    title: str
    title_highlights: list[tuple[int, int]]
    snippet: str
    highlights: list[tuple[int, int]]
    summary: str
    region_name: str
    published_at: datetime | None
    rank: float


@dataclass
class SearchResults:
    query: str
    terms: list[str]
    facets: dict[str, int]
    items: list[SearchHit]
    count: int
    page: int
    page_size: int
    relaxed: bool = False


def _visible_documents() -> QuerySet[SearchDocument]:
    """Documents whose item looks visible, decided on this table plus the owner's account (one join,
    no per-row subqueries), so the full-text match, this filter and the facet counts are one indexed
    query. Mirrors ``visible_posts()`` and the factory directory's rule using the document's copies of
    the owner and the validity; ``_recheck`` then confirms the returned page against the source rows.
    """
    from accounts.models import AccountStatus

    now = timezone.now()
    owner_live = Q(owner__is_active=True, owner__deleted_at__isnull=True)
    # Posts: a disablement whose end time has passed no longer counts (as in visible_posts()).
    post_disabled = Q(owner__status=AccountStatus.DISABLED) & (
        Q(owner__status_until__isnull=True) | Q(owner__status_until__gt=now)
    )
    post_ok = Q(post_id__isnull=False, valid_until__gte=timezone.localdate()) & ~post_disabled
    # Factories: the directory hides any disabled owner, whatever the end time.
    factory_ok = Q(factory_id__isnull=False) & ~Q(owner__status=AccountStatus.DISABLED)
    return SearchDocument.objects.filter(owner_live).filter(post_ok | factory_ok)


def _recheck(rows: list[SearchDocument]) -> list[SearchDocument]:
    """The page's rows still visible by the exact rules: the document's copies may be stale after a
    write that fired no signal (e.g. a queryset ``update()`` of a post's status)."""
    post_ids = [r.post_id for r in rows if r.post_id]
    factory_ids = [r.factory_id for r in rows if r.factory_id]
    posts = set(visible_posts().filter(pk__in=post_ids).values_list("pk", flat=True)) if post_ids else set()
    factories = (
        set(visible_factories().filter(pk__in=factory_ids).values_list("pk", flat=True)) if factory_ids else set()
    )
    return [r for r in rows if (r.post_id in posts if r.post_id else r.factory_id in factories)]


def _facets(docs: QuerySet[SearchDocument]) -> dict[str, int]:
    facets = dict.fromkeys(Board.values, 0)
    for row in docs.order_by().values("board").annotate(n=Count("id")):
        facets[row["board"]] = row["n"]
    return facets


def search(query: str, *, kind: str | None = None, page: int = 1, page_size: int = 20) -> SearchResults:
    """The one keyword search over every board and the verified factories.

    The query is segmented like the documents; all its words must match (title or body). When that
    finds nothing, each word may match through its shorter dictionary words instead. Results are
    ordered by relevance (title matches weigh more), then freshness; highlights are character ranges
    into the returned plain text.
    """
    from matching import search_backend

    parsed = text.parse_query(query or "")
    empty = SearchResults(
        query=query, terms=[], facets=dict.fromkeys(Board.values, 0), items=[], count=0, page=page, page_size=page_size
    )
    if not parsed.words:
        return empty
    base = _visible_documents()
    relaxed = False
    facets = _facets(search_backend.matching(base, parsed, strict=True, ranked=False))
    if not any(facets.values()) and any(len(group) > 1 for group in parsed.alternatives):
        relaxed = True
        facets = _facets(search_backend.matching(base, parsed, strict=False, ranked=False))
    count = facets.get(kind, 0) if kind else sum(facets.values())
    terms = parsed.words if not relaxed else parsed.all_terms
    result = SearchResults(
        query=query, terms=terms, facets=facets, items=[], count=count, page=page, page_size=page_size, relaxed=relaxed
    )
    if not count:
        return result
    ranked = search_backend.matching(base, parsed, strict=not relaxed, ranked=True)
    if kind:
        ranked = ranked.filter(board=kind)
    offset = (page - 1) * page_size
    rows = ranked.order_by(F("rank").desc(), F("published_at").desc(nulls_last=True), "-id")[
        offset : offset + page_size
    ]
    for doc in _recheck(list(rows)):
        snippet_text, ranges = text.snippet(doc.text or doc.summary, terms)
        result.items.append(
            SearchHit(
                type="factory" if doc.factory_id else "post",
                id=doc.factory_id or doc.post_id,  # type: ignore[arg-type]
                board=doc.board,
                board_label=Board(doc.board).label,
                title=doc.title,
                title_highlights=text.highlight_ranges(doc.title, terms),
                snippet=snippet_text,
                highlights=ranges,
                summary=doc.summary,
                region_name=doc.region_name,
                published_at=doc.published_at,
                rank=float(getattr(doc, "rank", 0.0) or 0.0),
            )
        )
    return result


def matching_post_ids(query: str, *, kind: str | None = None) -> Any:
    """A subquery of the post ids matching a keyword (for a board's ``q`` filter)."""
    from matching import search_backend

    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="post_id", board=kind)


def matching_factory_ids(query: str) -> Any:
    from matching import search_backend

    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="factory_id")


# --- Favourites and history (R-APP-4, R-APP-5) ------------------------------------------------


def _attach_targets(rows: list[Any], *, user: Any) -> list[Any]:
    """Loads the posts and factories a page of favourites/history points at, in a fixed number of
    queries; ``available`` says whether the reader may still open it."""
    from factories.models import FactoryProfile
    from listings.models import Post
    from listings.selectors import with_card_relations

    post_ids = [r.post_id for r in rows if r.post_id]
    factory_ids = [r.factory_id for r in rows if r.factory_id]
    posts = {p.pk: p for p in with_card_relations(Post.objects.filter(pk__in=post_ids))} if post_ids else {}
    visible_post_ids = set(visible_posts().filter(pk__in=post_ids).values_list("pk", flat=True)) if post_ids else set()
    factories: dict[int, Any] = {}
    visible_factory_ids: set[int] = set()
    if factory_ids:
        from factories.selectors import _with_relations

        factories = {f.pk: f for f in _with_relations(FactoryProfile.objects.filter(pk__in=factory_ids))}
        visible_factory_ids = set(visible_factories().filter(pk__in=factory_ids).values_list("pk", flat=True))
    decorate_posts(list(posts.values()), user=user)
    decorate_factories(list(factories.values()), user=user)
    for row in rows:
        if row.post_id:
            row.target_post = posts.get(row.post_id)
            row.available = row.post_id in visible_post_ids or (
                row.target_post is not None and row.target_post.owner_id == user.pk
            )
            row.target_factory = None
            row.type = "post"
        else:
            row.target_factory = factories.get(row.factory_id)
            row.available = row.factory_id in visible_factory_ids
            row.target_post = None
            row.type = "factory"
    return rows


def my_favourites(*, user: Any, type: str | None = None) -> DecoratedPage[Favourite]:
    qs = Favourite.objects.filter(user=user)
    if type == "post":
        qs = qs.filter(post__isnull=False)
    elif type == "factory":
        qs = qs.filter(factory__isnull=False)
    return DecoratedPage(qs.order_by("-created_at", "-id"), lambda rows: _attach_targets(rows, user=user))


def my_history(*, user: Any, type: str | None = None) -> DecoratedPage[ViewEvent]:
    qs = ViewEvent.objects.filter(user=user)
    if type == "post":
        qs = qs.filter(post__isnull=False)
    elif type == "factory":
        qs = qs.filter(factory__isnull=False)
    return DecoratedPage(qs.order_by("-at", "-id"), lambda rows: _attach_targets(rows, user=user))


def get_job_preference(*, user: Any) -> WorkerPreference | None:
    return WorkerPreference.objects.filter(user=user).select_related("region").prefetch_related("job_types").first()


# --- Home (R-APP-1) ---------------------------------------------------------------------------


def current_announcements(*, limit: int = 5) -> list[Announcement]:
    now = timezone.now()
    return list(
        Announcement.objects.filter(is_active=True)
        .filter(Q(starts_at__isnull=True) | Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("-pinned", F("starts_at").desc(nulls_last=True), "-id")[:limit]
    )


def board_counts() -> dict[str, int]:
    counts = dict.fromkeys(Board.values, 0)
    for row in visible_posts().order_by().values("kind").annotate(n=Count("id")):
        counts[row["kind"]] = row["n"]
    counts[Board.FACTORY] = visible_factories().order_by().count()
    return counts


@dataclass
class Recommendation:
    type: str  # "post" | "factory"
    reason: str
    post: Any = None
    factory: Any = None
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


def interests_of(user: Any, *, now: datetime | None = None) -> Interests:
    from factories.models import FactoryProfile
    from listings.models import Post

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
            for word in text.parse_query(post.product_name or "").words:
                if len(word) > 1:
                    interests.keywords[word] += weight
        elif event.factory_id and event.factory_id in factories:
            factory = factories[event.factory_id]
            interests.seen_factory_ids.add(factory.pk)
            interests.kinds[Board.FACTORY] += weight
            for category in factory.categories.all():
                interests.categories[category.pk] += weight * 0.5
                interests.category_names[category.pk] = category.name
            interests.regions[factory.region_id[:4]] += weight * 0.5
            interests.region_names[factory.region_id[:4]] = factory.region.city_name or factory.region.name
    return interests


def _from_history(user: Any, interests: Interests, limit: int) -> list[Recommendation]:
    from listings.selectors import with_card_relations

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
            visible_posts().filter(wanted).exclude(owner_id=user.pk).exclude(pk__in=interests.seen_post_ids)
        ).order_by(*_newest_order())[:200]
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


def _cold_start(user: Any, *, lat: float | None, lng: float | None, limit: int) -> list[Recommendation]:
    """With no history, by role (R-ROLE-1..3): factory → demands in its categories; worker → jobs near
    them; trade company → factories and stock in the categories it buys."""
    from factories.models import FactoryProfile
    from listings.models import Post, PostKind
    from listings.selectors import with_card_relations

    def posts(qs: QuerySet[Post], reason: str, n: int, order: list[Any] | None = None) -> list[Recommendation]:
        rows = with_card_relations(qs.exclude(owner_id=user.pk)).order_by(*(order or _newest_order()))[:n]
        return [Recommendation(type="post", reason=reason, post=p) for p in rows]

    account_type = getattr(user, "account_type", "")
    if account_type == "factory":
        profile = FactoryProfile.objects.filter(owner=user).prefetch_related("categories").first()
        if profile is not None:
            category_ids = [c.pk for c in profile.categories.all()]
            demands = (
                visible_posts()
                .filter(kind__in=[PostKind.PROCUREMENT, PostKind.PROCESSING_DEMAND])
                .filter(Q(category_id__in=category_ids) | Q(industry_id=profile.industry_id))
            )
            found = posts(demands, "与您工厂的品类相符的需求", limit)
            if found:
                return found
        return posts(visible_posts().filter(kind=PostKind.PROCUREMENT), "最新采购需求", limit)
    if account_type == "worker":
        preference = get_job_preference(user=user)
        jobs = visible_posts().filter(kind=PostKind.LABOUR, is_full=False)
        if preference is not None and preference.job_types.exists():
            jobs = jobs.filter(job_type__in=preference.job_types.all())
        if lat is not None and lng is not None:
            near = _apply_point(jobs, BoardFilter(lat=lat, lng=lng, within_km=100))
            found = posts(near, "离您较近的用工", limit, [F("distance_km").asc(nulls_last=True), "-id"])
            if found:
                return found
        if preference is not None and preference.region is not None:
            prefix = preference.region.adcode[:4]
            found = posts(jobs.filter(region__adcode__startswith=prefix), f"{preference.region.name}附近的用工", limit)
            if found:
                return found
        return posts(visible_posts().filter(kind=PostKind.LABOUR, is_full=False), "最新用工信息", limit)
    if account_type == "trade":
        category_ids = list(
            Post.objects.filter(owner=user, kind=PostKind.PROCUREMENT, category__isnull=False)
            .values_list("category_id", flat=True)
            .distinct()
        )
        if category_ids:
            half = max(1, limit // 2)
            factories = (
                visible_factories()
                .filter(categories__in=category_ids)
                .distinct()
                .exclude(owner_id=user.pk)
                .order_by("-completed_deals", "-id")[:half]
            )
            found = [Recommendation(type="factory", reason="生产您采购品类的工厂", factory=f) for f in factories]
            found += posts(
                visible_posts().filter(kind=PostKind.STOCK, category_id__in=category_ids),
                "您采购品类的库存",
                limit - len(found),
            )
            if found:
                return found
        return posts(visible_posts().filter(kind=PostKind.STOCK), "最新库存", limit)
    return posts(visible_posts(), "最新发布", limit)


def recommendations(
    *, user: Any, lat: float | None = None, lng: float | None = None, limit: int = 10
) -> list[Recommendation]:
    """Never the reader's own posts; disabled owners are out through ``visible_posts()``."""
    from listings.selectors import with_card_relations

    if user is None:
        rows = with_card_relations(visible_posts()).order_by(*_newest_order())[:limit]
        found = [Recommendation(type="post", reason="最新发布", post=p) for p in rows]
    else:
        interests = interests_of(user)
        found = _from_history(user, interests, limit) if interests else []
        if len(found) < limit:
            seen = {r.post.pk for r in found if r.post is not None} | interests.seen_post_ids
            more = _cold_start(user, lat=lat, lng=lng, limit=limit)
            found += [r for r in more if r.post is None or r.post.pk not in seen][: limit - len(found)]
    decorate_posts([r.post for r in found if r.post is not None], user=user)
    decorate_factories([r.factory for r in found if r.factory is not None], user=user)
    return found


@dataclass
class Home:
    counts: dict[str, int]
    announcements: list[Announcement]
    recommendations: list[Recommendation]


def home(*, user: Any, lat: float | None = None, lng: float | None = None) -> Home:
    return Home(
        counts=board_counts(),
        announcements=current_announcements(),
        recommendations=recommendations(user=user, lat=lat, lng=lng),
    )


# --- Matching reads -----------------------------------------------------------------------------


def matches_of_my_post(*, user: Any, post_id: int, limit: int = 20) -> list[Any]:
    """The matches of one of the user's own posts (404 for anyone else's)."""
    from listings.models import Post
    from matching import matchers

    post = (
        Post.objects.filter(pk=post_id, owner_id=user.pk)
        .select_related("owner", "category", "industry", "region", "job_type")
        .prefetch_related("process_types")
        .first()
    )
    if post is None:
        raise NotFound("信息不存在或无权查看")
    matches = matchers.matches_for_post(post, limit=limit)
    decorate_posts([m.post for m in matches if m.post is not None], user=user)
    decorate_factories([m.factory for m in matches if m.factory is not None], user=user)
    return matches


def matches_for_me(*, user: Any, limit: int = 20) -> list[Any]:
    """A factory: the demands that fit it. A worker: the jobs that fit their preference."""
    from factories.models import FactoryProfile
    from matching import matchers

    matches: list[Any] = []
    if user.account_type == "factory":
        factory = (
            FactoryProfile.objects.filter(owner=user)
            .select_related("industry", "region")
            .prefetch_related("categories", "attributes")
            .first()
        )
        if factory is None:
            raise NotFound("尚未填写工厂入驻信息", code="factory_profile_missing")
        matches = matchers.match_demands_for_factory(factory, limit=limit)
    elif user.account_type == "worker":
        preference = get_job_preference(user=user)
        if preference is None:
            raise NotFound("请先填写求职意向", code="job_preference_missing")
        matches = matchers.match_labour_for_worker(preference, limit=limit)
    decorate_posts([m.post for m in matches if m.post is not None], user=user)
    return matches
