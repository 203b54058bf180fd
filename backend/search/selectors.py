"""Reads of the search index: the keyword search over every board and the verified factories, with
facets and highlights (R-APP-1), and the matching-id subqueries other lists filter by.

Visibility: ``_visible_documents`` filters by what each document carries and its owner's live account
rule, then the page's rows are confirmed by the posts' and factories' own policies' predicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.visibility import visible_account_q
from common.errors import field_error
from factories.models import FactoryProfile
from factories.visibility import is_factory_visible
from listings.models import Post
from listings.visibility import is_post_visible
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
    """Documents whose item is visible, by what the document carries (issue #13): a document exists only
    while its post is published or its factory verified (``search.services.index_post`` /
    ``index_factory``, on every save), with the post's validity copied (``valid_until``); the owner's
    account rule (``accounts.visibility``) is applied live through the document's ``owner``. So the
    full-text match, this filter and the facet counts are one query over the documents and the users,
    without joining every hit's post and factory. The page's rows are then confirmed on their loaded
    items by each object's full policy (``_recheck``), so a document a queryset ``update()`` left behind
    can never show a hidden item (at most it is counted in a facet until the next save or rebuild)."""
    today = timezone.localdate()
    carried = Q(post_id__isnull=False, valid_until__gte=today) | Q(factory_id__isnull=False)
    return SearchDocument.objects.filter(carried & visible_account_q(prefix="owner__"))


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


FACETS_TTL = 60  # seconds a query's board counts are reused (paging, switching boards)


def _facets(docs: QuerySet[SearchDocument], *, key: str, reuse: bool) -> dict[str, int]:
    """Hits per board. Page 1 counts them and keeps them for ``FACETS_TTL`` seconds in the cache (Redis
    across web processes); the next pages of the same query (``reuse``) take them from there instead
    of counting every hit again (issue #13)."""
    cache_key = "search:facets:" + hashlib.sha1(key.encode()).hexdigest()
    cached = cache.get(cache_key) if reuse else None
    if cached is not None:
        return dict(cached)
    facets = dict.fromkeys(board_names(), 0)
    for row in docs.order_by().values("board").annotate(n=Count("id")):
        facets[row["board"]] = row["n"]
    cache.set(cache_key, facets, FACETS_TTL)
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
    key = "|".join(" ".join(group) for group in parsed.alternatives) + "|" + " ".join(parsed.words)
    strict_docs = search_backend.matching(base, parsed, strict=True, ranked=False)
    facets = _facets(strict_docs, key=f"strict:{key}", reuse=page > 1)
    if not any(facets.values()) and any(len(group) > 1 for group in parsed.alternatives):
        relaxed = True
        relaxed_docs = search_backend.matching(base, parsed, strict=False, ranked=False)
        facets = _facets(relaxed_docs, key=f"relaxed:{key}", reuse=page > 1)
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
