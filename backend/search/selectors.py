"""Reads of the search index: the keyword search over every board and the verified factories, with
facets and highlights (R-APP-1), and the matching-id subqueries other lists filter by.

Visibility: ``_visible_documents`` filters by what each document carries (one table, no join), then the
page's rows are confirmed by the posts' and factories' own policies' predicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from common.errors import AppError, field_error
from common.pagination import Keyset
from common.visibility import matches
from factories.models import FactoryProfile
from factories.visibility import visible_factory_q
from listings.compliance import closed_kinds
from listings.models import Post
from listings.visibility import visible_post_q
from search import search_backend, services, text
from search.models import SearchDocument, board_label, board_names


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
    next_cursor: str | None = None


def _visible_documents(closed: list[str]) -> QuerySet[SearchDocument]:
    """Documents whose item is visible, by what the document carries (issue #13), so a search reads this
    one table: a document exists only while its post is published or its factory verified
    (``search.services.index_post`` / ``index_factory``, on every save); it carries the post's validity
    (``valid_until``) and the owner's ``accounts.visibility.hidden_until`` (kept by the owner's saves);
    a board switched off for want of the recruitment licence is left out by ``board``
    (``listings.compliance.closed_kinds``, as ``listings.visibility`` asks it). The page's rows are then
    confirmed on their loaded items by each object's full policy (``_recheck``), so a document a
    queryset ``update()`` left behind can never show a hidden item."""
    today = timezone.localdate()
    carried = Q(post_id__isnull=False, valid_until__gte=today) | Q(factory_id__isnull=False)
    owner = Q(owner_hidden_until__isnull=True) | Q(owner_hidden_until__lte=timezone.now())
    docs = SearchDocument.objects.filter(carried & owner)
    return docs.exclude(board__in=closed) if closed else docs


RULE_FIELDS = {
    "post": ("owner_id", "status", "valid_until", "kind"),
    "factory": ("owner_id", "is_verified"),
    "owner": ("is_active", "deleted_at", "status", "status_until"),
}


def _recheck(rows: list[SearchDocument]) -> list[SearchDocument]:
    """The page's rows confirmed on their loaded items by the same policy's predicates (a belt to
    the filter's braces: a row whose item changed between the two reads is dropped)."""
    post_ids = [r.post_id for r in rows if r.post_id]
    factory_ids = [r.factory_id for r in rows if r.factory_id]
    # Only the columns the rules read (another one would be loaded on access: slower, never wrong).
    posts = Post.objects.only(*RULE_FIELDS["post"]).in_bulk(post_ids) if post_ids else {}
    factories = FactoryProfile.objects.only(*RULE_FIELDS["factory"]).in_bulk(factory_ids) if factory_ids else {}
    items: list[Any] = [*posts.values(), *factories.values()]
    # The owners by primary key in one query (a join would let the planner hash every user at small sizes).
    owners = User.objects.only(*RULE_FIELDS["owner"]).in_bulk({item.owner_id for item in items}) if items else {}
    for item in items:
        item.owner = owners.get(item.owner_id)
    post_rule, factory_rule = visible_post_q(), visible_factory_q()  # built once: the rule reads the licence

    def visible(item: Any, rule: Q) -> bool:
        return item is not None and matches(rule, item)

    return [
        r
        for r in rows
        if (
            visible(posts.get(r.post_id), post_rule)
            if r.post_id
            else visible(factories.get(r.factory_id), factory_rule)
        )
    ]


FACETS_TTL = 60  # seconds a query's board counts are reused while the index does not change
ZERO_TTL = 5  # seconds a cached "no hits" is reused


class FacetCache:
    """Hits per board, kept for ``FACETS_TTL`` seconds in the cache (Redis across web processes) under the
    query, the day and the closed boards, stamped with the index's ``generation`` (every index change
    moves it on): paging and asking again do not count every hit again (issue #13), and no change is
    hidden by a cached count. One round trip reads the generation and both match modes' counts."""

    def __init__(self, key: str, closed: list[str]) -> None:
        scope = f"{key}|{timezone.localdate()}|{','.join(closed)}"
        self.keys = {
            mode: "search:facets:" + hashlib.sha1(f"{mode}:{scope}".encode()).hexdigest()
            for mode in ("strict", "relaxed")
        }
        found = cache.get_many([services.GENERATION_KEY, *self.keys.values()])
        self.generation = found.get(services.GENERATION_KEY) or services.generation()
        self.found = found

    def facets(self, mode: str, docs: QuerySet[SearchDocument], *, kind: str | None) -> dict[str, int]:
        """One GROUP BY over the matching visible documents, unless counted since the last change. A
        cached zero for what is asked is trusted for ``ZERO_TTL`` seconds only, so a count cached before
        an item became visible by time alone (a disablement's end) hides the page that long at most."""
        cached = self.found.get(self.keys[mode])
        if isinstance(cached, tuple) and len(cached) == 3 and cached[0] == self.generation:
            hits = cached[1].get(kind, 0) if kind else sum(cached[1].values())
            if hits or timezone.now().timestamp() - cached[2] < ZERO_TTL:
                return dict(cached[1])
        facets = dict.fromkeys(board_names(), 0)
        for row in docs.order_by().values("board").annotate(n=Count("id")):
            facets[row["board"]] = row["n"]
        cache.set(self.keys[mode], (self.generation, facets, timezone.now().timestamp()), FACETS_TTL)
        return facets


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


# The order: documents whose title matches first, then those matching in the body only; in each, the
# freshest first. Each tier is one walk of the ``search_doc_fresh`` index (or ``search_doc_board_fresh``
# with ``kind``) that stops after the page, and a cursor names the tier and the row it stopped at, so
# page 100 by cursor costs what page 1 does.
TIERS = (
    Keyset(name="search-title", key="published_at", descending=True, parse=_parse_time),
    Keyset(name="search-body", key="published_at", descending=True, parse=_parse_time),
)


# What a hit shows (the token columns, read only by the full-text index, stay behind).
PAGE_FIELDS = ("board", "post_id", "factory_id", "title", "text", "summary", "region_name", "published_at")


def _decode_cursor(cursor: str) -> tuple[int, datetime, int]:
    error = None
    for tier, keyset in enumerate(TIERS):
        try:
            value, pk = keyset.decode(cursor)
        except AppError as exc:
            error = exc
            continue
        if value is not None:
            return tier, value, pk
    raise error or field_error("cursor", "invalid", "翻页位置无效，请从第一页重新加载")


def _page_rows(
    tiers: list[QuerySet[SearchDocument]], *, offset: int, size: int, cursor: str | None
) -> tuple[list[tuple[int, SearchDocument]], str | None]:
    """``size`` rows from the tiers in order, from ``cursor`` or else ``offset``, and the next cursor."""
    want = size + 1
    rows: list[tuple[int, SearchDocument]] = []
    start = 0
    if cursor:
        start, value, pk = _decode_cursor(cursor)
        offset = 0
    for tier, qs in enumerate(tiers):
        if tier < start:
            continue
        if len(rows) >= want:
            break
        if cursor and tier == start:
            qs = qs.filter(TIERS[tier].after(value, pk)[0])
        chunk = list(qs[offset : offset + want - len(rows)])
        if offset and not chunk:
            offset -= qs.order_by().values("pk")[:offset].count()  # this tier ended before the offset
            continue
        offset = 0
        rows.extend((tier, row) for row in chunk)
    more = len(rows) > size
    rows = rows[:size]
    next_cursor = TIERS[rows[-1][0]].encode(rows[-1][1]) if more and rows else None
    return rows, next_cursor


def search(
    query: str, *, kind: str | None = None, page: int = 1, page_size: int = 20, cursor: str | None = None
) -> SearchResults:
    """The one keyword search over every board and the verified factories.

    The query is segmented like the documents; all its words must match (title or body). When that
    finds nothing, each word may match through its shorter dictionary words instead. Results list
    title matches first, then body matches, each freshest first; ``next_cursor`` continues after the
    page (``page`` alone skips rows). Highlights are character ranges into the returned plain text.
    """
    if kind is not None and kind not in board_names():
        allowed = "、".join(board_label(name) for name in board_names())
        raise field_error("kind", "enum", f"板块无效，可选：{allowed}")
    parsed = text.parse_query(query or "")
    empty = SearchResults(
        query=query, terms=[], facets=dict.fromkeys(board_names(), 0), items=[], count=0, page=page, page_size=page_size
    )
    if not parsed.words:
        return empty
    closed = closed_kinds()
    base = _visible_documents(closed)
    relaxed = False
    key = "|".join(" ".join(group) for group in parsed.alternatives) + "|" + " ".join(parsed.words)
    counts = FacetCache(key, closed)
    facets = counts.facets("strict", search_backend.matching(base, parsed, strict=True), kind=kind)
    if not any(facets.values()) and any(len(group) > 1 for group in parsed.alternatives):
        relaxed = True
        facets = counts.facets("relaxed", search_backend.matching(base, parsed, strict=False), kind=kind)
    count = facets.get(kind, 0) if kind else sum(facets.values())
    terms = parsed.words if not relaxed else parsed.all_terms
    result = SearchResults(
        query=query, terms=terms, facets=facets, items=[], count=count, page=page, page_size=page_size, relaxed=relaxed
    )
    if not count:
        return result
    scoped = base.filter(board=kind) if kind else base
    tiers = [
        search_backend.matching(scoped, parsed, strict=not relaxed, title=title)
        .order_by("-published_at", "-id")
        .only(*PAGE_FIELDS)
        for title in (True, False)
    ]
    rows, result.next_cursor = _page_rows(tiers, offset=(page - 1) * page_size, size=page_size, cursor=cursor)
    tier_of = {doc.pk: tier for tier, doc in rows}
    for doc in _recheck([doc for _tier, doc in rows]):
        snippet_text, ranges = text.snippet(doc.text or doc.summary, terms)
        result.items.append(
            SearchHit(
                type="factory" if doc.factory_id else "post",
                id=doc.factory_id or doc.post_id,  # type: ignore[arg-type]
                board=doc.board,
                board_label=board_label(doc.board),
                title=doc.title,
                title_highlights=text.highlight_ranges(doc.title, terms),
                snippet=snippet_text,
                highlights=ranges,
                summary=doc.summary,
                region_name=doc.region_name,
                published_at=doc.published_at,
                rank=float(len(TIERS) - tier_of[doc.pk]),
            )
        )
    return result


def matching_post_ids(query: str, *, kind: str | None = None) -> Any:
    """A subquery of the post ids matching a keyword (for a board's ``q`` filter)."""
    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="post_id", board=kind)


def matching_factory_ids(query: str) -> Any:
    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="factory_id")
