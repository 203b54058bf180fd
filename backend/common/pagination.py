"""Pagination used by every list endpoint: ``?page=1&page_size=20`` →
``{"items": [...], "count": N, "count_capped": false, "page": 1, "page_size": 20, "next_cursor": null}``.

Totals are exact up to ``COUNT_CAP`` (1000) rows, or up to the page asked for when it lies further:
past that ``count`` stops at the cap and ``count_capped`` is true (show "1000+"), so a page never
counts a whole board (issue #13). Lists that know their sort key (``Keyset``, the board lists) also
answer ``next_cursor``: passed back as ``?cursor=``, the next page starts after the last row by the
sort key instead of skipping ``(page - 1) * page_size`` rows, so page 100 costs what page 1 does.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from common.errors import field_error

COUNT_CAP = 1000


@dataclass(frozen=True)
class Keyset:
    """A list's sort as ``(key, -id)``: ``key`` names a field or annotation, ``descending`` its
    direction, nulls last either way; ``parse`` turns a cursor's text back into the key's value."""

    name: str
    key: str
    descending: bool
    parse: Callable[[str], Any]

    def after(self, value: Any, pk: int) -> tuple[Q, Q | None]:
        """The rows after ``(value, pk)``: the non-null part (with a plain bound on the key, so an
        index on ``(…, key, id)`` starts there) and, when the key may still be followed by nulls,
        the null part to read after it (``None`` once the cursor is in the nulls already)."""
        if value is None:
            return Q(**{f"{self.key}__isnull": True, "pk__lt": pk}), None
        op, bound = ("lt", "lte") if self.descending else ("gt", "gte")
        non_null = Q(**{f"{self.key}__{bound}": value}) & (
            Q(**{f"{self.key}__{op}": value}) | Q(**{self.key: value, "pk__lt": pk})
        )
        return non_null, Q(**{f"{self.key}__isnull": True})

    def encode(self, row: Any) -> str:
        value = getattr(row, self.key)
        text = None if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
        raw = json.dumps({"s": self.name, "v": text, "id": row.pk}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def decode(self, cursor: str) -> tuple[Any, int]:
        try:
            data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            if data["s"] != self.name:
                raise ValueError("another sort")
            return (None if data["v"] is None else self.parse(data["v"])), int(data["id"])
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise field_error("cursor", "invalid", "翻页位置无效，请从第一页重新加载") from exc


# Counting never goes past this many rows, however deep the page asked for: a page number far past the
# end (still within 64 bits) must not become a LIMIT or OFFSET the database cannot hold (issue #12).
MAX_COUNTED = 1_000_000


def count_limit(at_least: int = 0) -> int:
    """How far ``capped_count`` counts for a page reaching row ``at_least``."""
    return min(max(COUNT_CAP, at_least), MAX_COUNTED)


def capped_count(qs: QuerySet[Any], *, at_least: int = 0) -> tuple[int, bool]:
    """``(count, capped)``: the rows of ``qs`` counted up to ``max(COUNT_CAP, at_least)``."""
    limit = count_limit(at_least)
    count = qs.order_by().values("pk")[: limit + 1].count()
    return min(count, limit), count > limit


class PageNumber(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, description="页码，从 1 开始")
        page_size: int = Field(20, ge=1, le=100, description="每页条数，最多 100")
        cursor: str | None = Field(
            None, max_length=300, description="上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移）"
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="总条数；超过 1000 时为 1000（count_capped 为 true，显示“1000+”）")
        count_capped: bool = False
        page: int
        page_size: int
        next_cursor: str | None = Field(None, description="下一页的位置（支持游标的列表才有）；没有更多时为空")

    items_attribute: str = "items"

    def paginate_queryset(self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any) -> Any:
        size = pagination.page_size
        offset = (pagination.page - 1) * size
        keyset: Keyset | None = getattr(queryset, "keyset", None)
        if keyset is not None:
            return self._keyset_page(queryset, keyset, pagination, offset)
        if pagination.cursor:
            raise field_error("cursor", "unsupported", "该列表不支持游标翻页，请使用页码")
        if isinstance(queryset, QuerySet) or hasattr(queryset, "capped_count"):
            count, capped = (
                queryset.capped_count(at_least=offset + size)
                if hasattr(queryset, "capped_count")
                else capped_count(queryset, at_least=offset + size)
            )
        else:
            count, capped = len(queryset), False
        # A page past the end is empty; asking the database for it could overflow its 64-bit OFFSET.
        items = list(queryset[offset : offset + size]) if offset < count or (capped and offset < MAX_COUNTED) else []
        return self._page(items, count, capped, pagination, None)

    def _keyset_page(self, queryset: Any, keyset: Keyset, pagination: Any, offset: int) -> dict[str, Any]:
        size = pagination.page_size
        limit = count_limit(offset + size)
        if pagination.cursor:
            count, capped = queryset.capped_count(at_least=offset + size)
            rows = queryset.after(*keyset.decode(pagination.cursor), size + 1)
        elif offset + size < limit and hasattr(queryset, "counted_rows"):
            # Within the counted rows: the page and the count from one walk of the index.
            rows, count, capped = queryset.counted_rows(offset, offset + size + 1, limit=limit)
        else:
            count, capped = queryset.capped_count(at_least=offset + size)
            reachable = offset < count or (capped and offset < MAX_COUNTED)
            rows = queryset.rows(offset, offset + size + 1) if reachable else []
        more = len(rows) > size
        rows = rows[:size]
        next_cursor = keyset.encode(rows[-1]) if more and rows else None
        return self._page(queryset.decorate(rows), count, capped, pagination, next_cursor)

    @staticmethod
    def _page(items: list[Any], count: int, capped: bool, pagination: Any, cursor: str | None) -> dict[str, Any]:
        return {
            "items": items,
            "count": count,
            "count_capped": capped,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "next_cursor": cursor,
        }
