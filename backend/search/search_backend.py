"""The full-text part of search, per database: SQLite FTS5 or PostgreSQL tsvector.

Both index the same space-separated jieba tokens (``SearchDocument.title_tokens`` / ``body_tokens``);
this module only turns a parsed query into each engine's match expression (all of it, or its title
part: the results list title matches first). Everything else (visibility, facets, order, highlighting)
is engine-neutral in ``search.selectors``, so a dedicated engine
could replace this module alone.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from search.models import SearchDocument
from search.text import ParsedQuery

FTS_TABLE = "matching_search_fts"
DOC_TABLE = "matching_searchdocument"
# Title words weigh more than body words (FTS5 bm25 column weights; tsvector weights A and B).
TITLE_WEIGHT = 4.0


def _groups(parsed: ParsedQuery, *, strict: bool) -> list[list[str]]:
    if strict:
        return [[word] for word in parsed.words]
    return parsed.alternatives


def fts5_expression(parsed: ParsedQuery, *, strict: bool, title: bool = False) -> str:
    def quote(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    expr = " AND ".join("(" + " OR ".join(quote(t) for t in group) + ")" for group in _groups(parsed, strict=strict))
    return f"title_tokens : ({expr})" if title else expr


def tsquery_expression(parsed: ParsedQuery, *, strict: bool, title: bool = False) -> str:
    """``title`` narrows every term to the title's lexemes (weight A)."""
    weight = ":A" if title else ""

    def quote(term: str) -> str:
        return "'" + term.replace("\\", "").replace("'", "''") + "'" + weight

    return " & ".join("(" + " | ".join(quote(t) for t in group) + ")" for group in _groups(parsed, strict=strict))


def matching(
    qs: QuerySet[SearchDocument], parsed: ParsedQuery, *, strict: bool, title: bool | None = None
) -> QuerySet[SearchDocument]:
    """``qs`` narrowed to documents matching the query; with ``title`` True only those whose title
    matches it all (one condition: it implies the whole match, and the planner estimates it as one, so a
    common word's page walks the freshness index), with ``title`` False only those whose title does not
    (the body does)."""
    if connection.vendor == "postgresql":
        full = tsquery_expression(parsed, strict=strict)
        in_title = tsquery_expression(parsed, strict=strict, title=True)
        conditions = {
            None: ("(search_vector @@ to_tsquery('simple', %s))", [full]),
            True: ("(search_vector @@ to_tsquery('simple', %s))", [in_title]),
            False: (
                "(search_vector @@ to_tsquery('simple', %s)) AND NOT (search_vector @@ to_tsquery('simple', %s))",
                [full, in_title],
            ),
        }
        sql, params = conditions[title]
        return qs.filter(
            RawSQL(sql.replace("search_vector", f"{DOC_TABLE}.search_vector"), params, output_field=BooleanField())
        )
    # "id IN (MATCH …)" makes SQLite run the full-text query once (see ``matching_ids``).
    inside = f"IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
    full, in_title = fts5_expression(parsed, strict=strict), fts5_expression(parsed, strict=strict, title=True)
    if title is None:
        return qs.extra(where=[f"{DOC_TABLE}.id {inside}"], params=[full])
    if title:
        return qs.extra(where=[f"{DOC_TABLE}.id {inside}"], params=[in_title])
    return qs.extra(where=[f"{DOC_TABLE}.id {inside}", f"{DOC_TABLE}.id NOT {inside}"], params=[full, in_title])


def matching_ids(parsed: ParsedQuery, *, column: str, board: str | None = None) -> RawSQL:
    """A subquery of ``column`` (post_id / factory_id) of the documents matching (strict), for
    ``pk__in=`` filters on other tables."""
    assert column in {"post_id", "factory_id"}
    params: list[str] = []
    if connection.vendor == "postgresql":
        sql = f"SELECT d.{column} FROM {DOC_TABLE} d WHERE d.search_vector @@ to_tsquery('simple', %s)"
        params.append(tsquery_expression(parsed, strict=True))
    else:
        # "id IN (MATCH …)" makes SQLite run the full-text query once; written as a join, the planner
        # may walk the documents by board and run MATCH per row (8x slower at 100k posts).
        sql = (
            f"SELECT d.{column} FROM {DOC_TABLE} d "
            f"WHERE d.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        )
        params.append(fts5_expression(parsed, strict=True))
    sql += f" AND d.{column} IS NOT NULL"
    if board:
        sql += " AND d.board = %s"
        params.append(board)
    return RawSQL(sql, params)


def raw_match_sql(parsed: ParsedQuery, *, limit: int = 20) -> tuple[str, list[str]]:
    """The bare full-text query (no visibility, no facets), for the benchmark's "raw SQL" figure."""
    if connection.vendor == "postgresql":
        expr = tsquery_expression(parsed, strict=True)
        sql = (
            f"SELECT id, ts_rank_cd(search_vector, q) AS rank FROM {DOC_TABLE}, to_tsquery('simple', %s) q "
            f"WHERE search_vector @@ q ORDER BY rank DESC, id DESC LIMIT {int(limit)}"
        )
        return sql, [expr]
    expr = fts5_expression(parsed, strict=True)
    sql = (
        f"SELECT rowid, bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS rank FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s ORDER BY rank, rowid DESC LIMIT {int(limit)}"
    )
    return sql, [expr]


def rebuild_engine_index() -> None:
    """After bulk loads: SQLite's FTS5 table is rebuilt from its content table; PostgreSQL's generated
    column is always current, but the statistics of every table a search reads are refreshed at once:
    with stale ones the planner walks the documents by owner instead of starting from the full-text
    index (7x slower), or a rare word takes 914 ms instead of 3 ms (issue #13)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        elif connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {DOC_TABLE}, listings_post, accounts_user, factories_factoryprofile")
