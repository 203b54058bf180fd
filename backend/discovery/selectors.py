"""Reads of discovery: board lists with filters and sorts, the factory directory, the trust signals and
favourite marks every card carries, favourites and browsing history (R-APP-3..5, R-ROLE-1..3, R-PLUS-4).

Every public list starts from ``listings.selectors.visible_posts()`` (published, still valid, owner
neither disabled nor cancelled) or ``factories.selectors.visible_factories()`` (verified, owner active).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from django.db.models import DateTimeField, F, FloatField, OrderBy, QuerySet, Value
from django.db.models.functions import ASin, Coalesce, Cos, Power, Radians, Sin, Sqrt

from common.errors import field_error
from common.pagination import Keyset, capped_count, count_limit
from discovery.board_cache import CountMemo
from discovery.cards import FactoryCard, PostCard, TargetEntry
from discovery.filters import BoardFilters, BoardOrder, FactoryFilters, FactoryOrder, TargetFilters
from discovery.models import Favourite, ViewEvent
from discovery.trust import response_stats
from factories.models import FactoryProfile
from factories.selectors import visible_factories
from factories.selectors import with_relations as with_factory_relations
from listings import compliance, registry
from listings.models import Post
from listings.selectors import card_posts, visible_posts, with_card_relations
from regions.geo import EARTH_RADIUS_KM, bounding_box

if TYPE_CHECKING:
    from accounts.models import User

T = TypeVar("T")


class DecoratedPage(Sequence[T], Generic[T]):
    """A queryset that ``common.pagination.PageNumber`` pages, then ``decorate`` enriches only the
    page's rows (distance, favourite marks, trust figures) with a fixed number of extra queries.

    Ids first (issue #13): the sorted, filtered query selects only ids (an index walk that stops after
    the page); the page's rows with their relations are then loaded by primary key. With a ``keyset``
    (the list's sort key) the paginator also pages by cursor (``after``)."""

    def __init__(
        self,
        qs: QuerySet[Any],
        decorate: Callable[[list[Any]], list[T]],
        *,
        keyset: Keyset | None = None,
        load: Callable[[list[int]], list[Any]] | None = None,
        counts: CountMemo | None = None,
    ) -> None:
        self.qs = qs
        self.decorate = decorate
        self.keyset = keyset
        self.load = load  # the rows of the chosen ids (else ``qs`` filtered by them)
        self.counts = counts  # counts kept between requests (else counted each time)

    def __len__(self) -> int:
        return self.qs.count()

    def capped_count(self, *, at_least: int = 0) -> tuple[int, bool]:
        limit = count_limit(at_least)
        known = self.counts.get(limit) if self.counts is not None else None
        if known is None:
            known = capped_count(self.qs.select_related(None).prefetch_related(None), at_least=at_least)
            if self.counts is not None:
                self.counts.put(limit, known)
        return known

    def _load(self, ids: list[int]) -> list[Any]:
        if self.load is not None:
            return self.load(ids)
        by_id = {row.pk: row for row in self.qs.order_by().filter(pk__in=ids)} if ids else {}
        return [by_id[pk] for pk in ids if pk in by_id]

    def rows(self, start: int, stop: int) -> list[Any]:
        return self._load(list(self.qs.values_list("pk", flat=True)[start:stop]))

    def counted_rows(self, start: int, stop: int, *, limit: int) -> tuple[list[Any], int, bool]:
        """Rows ``start:stop`` and the capped count (``common.pagination.capped_count`` with ``limit``)
        from one walk of the sort's index: the first ``limit + 1`` ids, of which the page is a slice; with a
        count kept from an earlier request, only the page's ids."""
        known = self.counts.get(limit) if self.counts is not None else None
        if known is not None:
            return self.rows(start, stop), *known
        ids = list(self.qs.values_list("pk", flat=True)[: max(limit, stop) + 1])
        count = (min(len(ids), limit), len(ids) > limit)
        if self.counts is not None:
            self.counts.put(limit, count)
        return self._load(ids[start:stop]), *count

    def after(self, value: Any, pk: int, limit: int) -> list[Any]:
        """Up to ``limit`` rows following ``(value, pk)`` in the keyset's order."""
        assert self.keyset is not None
        non_null, nulls = self.keyset.after(value, pk)
        ids = list(self.qs.filter(non_null).values_list("pk", flat=True)[:limit])
        if len(ids) < limit and nulls is not None:
            ids += list(self.qs.filter(nulls).values_list("pk", flat=True)[: limit - len(ids)])
        return self._load(ids)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return self.decorate(self.rows(index.start or 0, index.stop))
        return self.decorate(self.rows(index, index + 1))[0]


class NearestPage(DecoratedPage[T]):
    """A list sorted by distance from the reader, read in widening circles (issue #13): the rows within
    ``r`` km come first in that order whatever lies further, so a page is the first rows of the smallest
    circle (2, 5, 10, 25, 50, 250, 1250 km) holding enough of them; each circle is a box on the indexed
    latitude/longitude (``post_near_idx``), not a sort of the whole board. Only when even the widest
    circle is too small (or for the posts without a position, which come last) is the list read whole."""

    RADII_KM = (2.0, 5.0, 10.0, 25.0, 50.0, 250.0, 1250.0)

    def __init__(
        self,
        qs: QuerySet[Any],
        decorate: Callable[[list[Any]], list[T]],
        *,
        keyset: Keyset,
        lat: float,
        lng: float,
        within_km: float | None,
        load: Callable[[list[int]], list[Any]] | None = None,
        counts: CountMemo | None = None,
    ) -> None:
        super().__init__(qs, decorate, keyset=keyset, load=load, counts=counts)
        self.lat, self.lng, self.within_km = lat, lng, within_km

    def _circles(self, qs: QuerySet[Any], beyond: float = 0.0) -> list[QuerySet[Any]]:
        """``qs`` within each radius past ``beyond`` km, then ``qs`` itself (already bounded by
        ``within_km`` when given)."""
        circles = []
        for km in self.RADII_KM:
            if km <= beyond or (self.within_km is not None and km >= self.within_km):
                continue
            min_lat, max_lat, min_lng, max_lng = bounding_box(self.lat, self.lng, km)
            circles.append(
                qs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng), distance_km__lte=km)
            )
        return [*circles, qs]

    @staticmethod
    def _first(circles: list[QuerySet[Any]], start: int, stop: int) -> list[int]:
        for circle in circles:
            ids = list(circle.values_list("pk", flat=True)[start:stop])
            if len(ids) == stop - start:
                break
        return ids

    def rows(self, start: int, stop: int) -> list[Any]:
        return self._load(self._first(self._circles(self.qs), start, stop))

    def counted_rows(self, start: int, stop: int, *, limit: int) -> tuple[list[Any], int, bool]:
        count, capped = self.capped_count(at_least=limit)
        return self.rows(start, stop), count, capped

    def after(self, value: Any, pk: int, limit: int) -> list[Any]:
        assert self.keyset is not None
        if value is None:  # among the posts without a position already
            return super().after(value, pk, limit)
        non_null, nulls = self.keyset.after(value, pk)
        ids = self._first(self._circles(self.qs.filter(non_null), beyond=float(value)), 0, limit)
        if len(ids) < limit and nulls is not None:
            ids += list(self.qs.filter(nulls).values_list("pk", flat=True)[: limit - len(ids)])
        return self._load(ids)


# --- Board lists (R-ROLE-1..3, R-BOARD-1..4) ------------------------------------------------------


def distance_expression(
    latitude: float, longitude: float, *, lat_field: str = "latitude", lng_field: str = "longitude"
) -> Any:
    """Great-circle (haversine) distance in km from a point, as SQL (works on SQLite and PostgreSQL)."""
    lat0 = math.radians(latitude)
    dlat = Radians(F(lat_field)) - Value(lat0)
    dlon = Radians(F(lng_field)) - Value(math.radians(longitude))
    a = Power(Sin(dlat / 2), 2) + Value(math.cos(lat0)) * Cos(Radians(F(lat_field))) * Power(Sin(dlon / 2), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def newest_order() -> list[Any]:
    # A refresh (R-PLUS-2) moves a post up, so "newest" means last published or refreshed.
    return [Coalesce("refreshed_at", "published_at").desc(nulls_last=True), "-id"]


def near(qs: QuerySet[Any], *, lat: float | None, lng: float | None, within_km: float | None) -> QuerySet[Any]:
    """Annotates ``distance_km`` from the reader's point (None without one), keeping only rows within
    ``within_km`` when given."""
    if lat is None or lng is None:
        return qs.annotate(distance_km=Value(None, output_field=FloatField()))
    if within_km:
        # Plain comparisons on indexed columns first; the trigonometry then runs on the box only.
        min_lat, max_lat, min_lng, max_lng = bounding_box(lat, lng, within_km)
        qs = qs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
    qs = qs.annotate(distance_km=distance_expression(lat, lng))
    if within_km:
        qs = qs.filter(distance_km__lte=within_km)
    return qs


def _board_keyset(sort_key: str, ordering: tuple[Any, ...]) -> tuple[Keyset, list[Any]]:
    """The board sort as a keyset ``(key, -id)`` and its ``order_by``; "newest" sorts on the
    annotation ``sort_at`` (refreshed or published), the expression ``post_sort_newest_idx`` holds."""
    if not ordering:
        keyset = Keyset(sort_key, "sort_at", True, DateTimeField().to_python)
        return keyset, [F("sort_at").desc(nulls_last=True), "-id"]
    first = ordering[0]
    assert isinstance(first, OrderBy) and isinstance(first.expression, F), f"sort {sort_key}: (F(...), '-id')"
    key: str = getattr(first.expression, "name")  # noqa: B009 (F.name is not in the stubs)
    field = Post._meta.get_field(key) if key != "distance_km" else None
    parse: Callable[[str], Any] = float if field is None else getattr(field, "to_python")  # noqa: B009
    return Keyset(sort_key, key, first.descending, parse), list(ordering)


def board_posts(kind: str, filters: BoardFilters, order: BoardOrder) -> tuple[QuerySet[Post], Keyset]:
    """A board's filtered, sorted list and its keyset. Every order ends with ``-id`` so pages never
    overlap; each has a partial index (migration ``listings.0004``; "nearest": ``post_near_idx``, read by
    ``NearestPage`` in widening circles)."""
    spec = registry.require_kind(kind)
    compliance.require_open(kind)  # 403 recruitment_licence_missing while the labour board is off
    sort = spec.sort(order.sort)
    if sort is None:
        allowed = "、".join(s.label for s in spec.sorts)
        raise field_error("sort", "invalid_choice", f"该板块可选排序：{allowed}")
    if sort.needs_location and (order.lat is None or order.lng is None):
        raise field_error("lat", "required", "按距离排序需要提供当前位置（lat、lng）")
    qs = filters.filter(visible_posts().filter(kind=kind)).annotate(sort_at=Coalesce("refreshed_at", "published_at"))
    qs = near(qs, lat=order.lat, lng=order.lng, within_km=order.within_km)
    keyset, ordering = _board_keyset(sort.key, sort.ordering)
    return with_card_relations(qs).order_by(*ordering), keyset


def decorate_posts(posts: list[Post], *, user: User | None) -> list[PostCard]:
    """Each post as a card: ``favourite_id`` (the reader's) and ``trust`` (owner's response figures)."""
    favourites: dict[int, int] = {}
    if user is not None and posts:
        favourites = dict(
            Favourite.objects.filter(user=user, post_id__in=[p.pk for p in posts]).values_list("post_id", "id")
        )
    stats = response_stats(p.owner_id for p in posts)
    return [PostCard(post=post, favourite_id=favourites.get(post.pk), trust=stats.get(post.owner_id)) for post in posts]


def post_favourite_ids(post: Post, *, user: User) -> dict[str, Any]:
    """The viewer block's favourite (``listings.selectors.register_viewer_part``, issue #15 item 8)."""
    favourite_id = Favourite.objects.filter(user=user, post_id=post.pk).values_list("id", flat=True).first()
    return {"favourite_id": favourite_id}


def board_page(kind: str, filters: BoardFilters, order: BoardOrder, *, user: User | None) -> DecoratedPage[PostCard]:
    """The page's ids come from the visible, filtered, sorted query; its rows are then read by those ids
    alone (``listings.selectors.card_posts``) with the same annotations, which the cursor reads."""
    qs, keyset = board_posts(kind, filters, order)
    decorate: Callable[[list[Post]], list[PostCard]] = lambda rows: decorate_posts(rows, user=user)  # noqa: E731
    annotated = near(
        Post.objects.annotate(sort_at=Coalesce("refreshed_at", "published_at")),
        lat=order.lat,
        lng=order.lng,
        within_km=None,
    )
    load: Callable[[list[int]], list[Post]] = lambda ids: card_posts(annotated, ids)  # noqa: E731
    counts = None
    if CountMemo.enabled():
        circle = (order.lat, order.lng, order.within_km) if order.within_km else None
        counts = CountMemo(kind, {**filters.model_dump(mode="json"), "circle": circle})
    if keyset.key == "distance_km" and order.lat is not None and order.lng is not None:
        return NearestPage(
            qs,
            decorate,
            keyset=keyset,
            lat=order.lat,
            lng=order.lng,
            within_km=order.within_km,
            load=load,
            counts=counts,
        )
    return DecoratedPage(qs, decorate, keyset=keyset, load=load, counts=counts)


# --- The factory directory (R-APP-3, R-PLUS-4) ----------------------------------------------------


def directory(filters: FactoryFilters, order: FactoryOrder) -> QuerySet[FactoryProfile]:
    if order.sort == "distance" and (order.lat is None or order.lng is None):
        raise field_error("lat", "required", "按距离排序需要提供当前位置（lat、lng）")
    qs = near(filters.filter(visible_factories()), lat=order.lat, lng=order.lng, within_km=order.within_km)
    if order.sort == "distance":
        qs = qs.order_by(F("distance_km").asc(nulls_last=True), "-completed_deals", "-id")
    elif order.sort == "newest":
        qs = qs.order_by(F("verified_at").desc(nulls_last=True), "-id")
    else:
        qs = qs.order_by("-completed_deals", "-verified_at", "-id")
    return with_factory_relations(qs)


def decorate_factories(factories: list[FactoryProfile], *, user: User | None) -> list[FactoryCard]:
    """Trust signals (R-PLUS-4) and the reader's favourite marks for a page of factories."""
    favourites: dict[int, int] = {}
    if user is not None and factories:
        favourites = dict(
            Favourite.objects.filter(user=user, factory_id__in=[f.pk for f in factories]).values_list(
                "factory_id", "id"
            )
        )
    stats = response_stats(f.owner_id for f in factories)
    cards = []
    for factory in factories:
        figures = stats.get(factory.owner_id)
        completed_deals = factory.completed_deals
        if figures and figures.completed_deals is not None:
            # Connections ending in a deal are the live figure; the profile column may lag behind.
            completed_deals = max(completed_deals, figures.completed_deals)
        cards.append(
            FactoryCard(
                factory=factory,
                completed_deals=completed_deals,
                response_rate=figures.response_rate if figures else None,
                response_minutes=figures.median_response_minutes if figures else None,
                upheld_complaints=figures.upheld_complaints if figures else 0,
                favourite_id=favourites.get(factory.pk),
            )
        )
    return cards


def factory_page(filters: FactoryFilters, order: FactoryOrder, *, user: User | None) -> DecoratedPage[FactoryCard]:
    return DecoratedPage(directory(filters, order), lambda rows: decorate_factories(rows, user=user))


# --- Favourites and history (R-APP-4, R-APP-5) ------------------------------------------------


def _attach_targets(rows: list[Any], *, user: User) -> list[TargetEntry]:
    """Loads the posts and factories a page of favourites/history points at, in a fixed number of
    queries; ``available`` says whether the reader may still open it."""
    post_ids = [r.post_id for r in rows if r.post_id]
    factory_ids = [r.factory_id for r in rows if r.factory_id]
    posts = {p.pk: p for p in with_card_relations(Post.objects.filter(pk__in=post_ids))} if post_ids else {}
    visible_post_ids = set(visible_posts().filter(pk__in=post_ids).values_list("pk", flat=True)) if post_ids else set()
    factories: dict[int, Any] = {}
    visible_factory_ids: set[int] = set()
    if factory_ids:
        factories = {f.pk: f for f in with_factory_relations(FactoryProfile.objects.filter(pk__in=factory_ids))}
        visible_factory_ids = set(visible_factories().filter(pk__in=factory_ids).values_list("pk", flat=True))
    post_cards = {card.post.pk: card for card in decorate_posts(list(posts.values()), user=user)}
    factory_cards = {card.factory.pk: card for card in decorate_factories(list(factories.values()), user=user)}
    entries = []
    for row in rows:
        if row.post_id:
            post = post_cards.get(row.post_id)
            available = row.post_id in visible_post_ids or (post is not None and post.owner_id == user.pk)
            entries.append(TargetEntry(entry=row, type="post", available=available, target_post=post))
        else:
            available = row.factory_id in visible_factory_ids
            factory = factory_cards.get(row.factory_id)
            entries.append(TargetEntry(entry=row, type="factory", available=available, target_factory=factory))
    return entries


def my_favourites(*, user: User, filters: TargetFilters) -> DecoratedPage[TargetEntry]:
    qs = filters.filter(Favourite.objects.filter(user=user))
    return DecoratedPage(qs.order_by("-created_at", "-id"), lambda rows: _attach_targets(rows, user=user))


def my_history(*, user: User, filters: TargetFilters) -> DecoratedPage[TargetEntry]:
    qs = filters.filter(ViewEvent.objects.filter(user=user))
    return DecoratedPage(qs.order_by("-at", "-id"), lambda rows: _attach_targets(rows, user=user))
