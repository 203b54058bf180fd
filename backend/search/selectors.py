"""Reads of the search index: the keyword search over every board and the verified factories, with
facets and highlights (R-APP-1), and the matching-id subqueries other lists filter by.

Visibility: the one-query filter on the document's copies (``_visible_documents``), then the page's
rows are confirmed against ``listings.selectors.visible_posts()`` / ``factories.selectors.visible_factories()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import AccountStatus
from common.errors import field_error
from factories.selectors import visible_factories
from listings.selectors import visible_posts
from search import search_backend, text
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


def _visible_documents() -> QuerySet[SearchDocument]:
    """Documents whose item looks visible, decided on this table plus the owner's account (one join,
    no per-row subqueries), so the full-text match, this filter and the facet counts are one indexed
    query. Mirrors ``visible_posts()`` and the factory directory's rule using the document's copies of
    the owner and the validity; ``_recheck`` then confirms the returned page against the source rows.
    """
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
    facets = dict.fromkeys(board_names(), 0)
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
    if kind is not None and kind not in board_names():
        allowed = "、".join(board_label(name) for name in board_names())
        raise field_error("kind", "enum", f"板块无效，可选：{allowed}")
    parsed = text.parse_query(query or "")
    empty = SearchResults(
        query=query, terms=[], facets=dict.fromkeys(board_names(), 0), items=[], count=0, page=page, page_size=page_size
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
                board_label=board_label(doc.board),
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
    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="post_id", board=kind)


def matching_factory_ids(query: str) -> Any:
    parsed = text.parse_query(query)
    if not parsed.words:
        return []
    return search_backend.matching_ids(parsed, column="factory_id")
