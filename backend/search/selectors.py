"""Reads of the search index: the keyword search over every board and the verified factories, with
facets and highlights (R-APP-1), and the matching-id subqueries other lists filter by.

Visibility: ``_visible_documents`` filters by the policies' ``Q`` (``listings.visibility``,
``factories.visibility``), then the page's rows are confirmed by the same policies' predicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from common.errors import field_error
from factories.models import FactoryProfile
from factories.visibility import is_factory_visible, visible_factory_q
from listings.models import Post
from listings.visibility import is_post_visible, visible_post_q
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
    """Documents whose item is visible, by the one policy of each object (``listings.visibility``,
    ``factories.visibility``) through the document's relation to it, so the full-text match, this
    filter and the facet counts are one query (primary-key joins, no per-row subqueries)."""
    post_ok = Q(post_id__isnull=False) & visible_post_q(prefix="post__")
    factory_ok = Q(factory_id__isnull=False) & visible_factory_q(prefix="factory__")
    return SearchDocument.objects.filter(post_ok | factory_ok)


def _recheck(rows: list[SearchDocument]) -> list[SearchDocument]:
    """The page's rows confirmed on their loaded items by the same policy's predicates (a belt to
    the filter's braces: a row whose item changed between the two reads is dropped)."""
    post_ids = [r.post_id for r in rows if r.post_id]
    factory_ids = [r.factory_id for r in rows if r.factory_id]
    posts = {p.pk: p for p in Post.objects.select_related("owner").filter(pk__in=post_ids)} if post_ids else {}
    factories = (
        {f.pk: f for f in FactoryProfile.objects.select_related("owner").filter(pk__in=factory_ids)}
        if factory_ids
        else {}
    )
    return [
        r
        for r in rows
        if (
            is_post_visible(posts.get(r.post_id))
            if r.post_id
            else is_factory_visible(factories.get(r.factory_id or 0))
        )
    ]


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
