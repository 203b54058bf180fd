"""A short-lived shared cache of anonymous board answers (issue #13): every anonymous reader of
``GET /api/discovery/{kind}`` with the same query string gets the same bytes, so the rendered answer is
kept in the cache (Redis in production, shared by every worker) for ``BOARD_CACHE_SECONDS``.

Correctness rests on version tokens, not on the timeout: the key carries the board's token and a global
token; a change to a post of that board (``Post``, its media) replaces the board's token, a change
to what every board shows of its owners (account visibility or name, a factory profile, the
recruitment licence) replaces the global one (``discovery.receivers``). A token is replaced at once
and again when the transaction commits, so a reader between the two cannot keep the old rows under
the new token. A newly approved post therefore appears, and a rejected one disappears, at the next
request. The key also carries the day, so a post whose last valid day has passed leaves at midnight
like an uncached list. The timeout only bounds what changes with the clock within a day (a
disablement's end time) and figures read from other apps (response rates).

Signed-in readers are never served from it (their cards carry their own favourite marks).

``AnonymousBoardAnswers`` (a middleware) answers a kept page before the API parses anything (issue #13: the
parameter schemas, authentication and input checks were most of a kept answer's cost); a query string it
has no answer for goes on to the API, which checks it, answers and keeps the page under the same key.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from common.auth import current_user
from listings import registry

GLOBAL = "discovery:board-version:*"


def _version_key(kind: str) -> str:
    return f"discovery:board-version:{kind}"


def _token() -> str:
    return uuid.uuid4().hex[:12]


def _replace(keys: list[str]) -> None:
    cache.set_many({key: _token() for key in keys}, timeout=None)


def bump(kind: str | None = None) -> None:
    """Forget the cached answers of board ``kind`` (every board when None), now and at commit."""
    keys = [_version_key(kind)] if kind else [GLOBAL]
    _replace(keys)
    transaction.on_commit(lambda: _replace(keys))


def _lookup(kind: str, request: HttpRequest) -> tuple[str, tuple[str, str], bytes | None]:
    """``(key, tokens, cached body or None)`` in one cache round trip: the answer is stored with the
    tokens it was read under and counts only while they are still the current ones."""
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    digest = hashlib.sha1(repr(query).encode(), usedforsecurity=False).hexdigest()
    key, board = f"discovery:board:{kind}:{timezone.localdate().isoformat()}:{digest}", _version_key(kind)
    found = cache.get_many([GLOBAL, board, key])
    missing = {name: _token() for name in (GLOBAL, board) if name not in found}
    if missing:
        # First reader since a restart or eviction: a fresh token, so nothing older can be served.
        cache.set_many(missing, timeout=None)
        found.update(missing)
    tokens = (found[GLOBAL], found[board])
    stored = found.get(key)
    body = stored[1] if isinstance(stored, tuple) and stored[0] == tokens else None
    return key, tokens, body


_BOARD_PATH = re.compile(r"/api/discovery/(?P<kind>[a-z_]{1,40})")
_LOOKUP = "_board_cache_lookup"  # the request attribute the middleware leaves for the view on a miss


class AnonymousBoardAnswers:
    """Answers an anonymous ``GET /api/discovery/{kind}`` from the cache when a page is kept for its query
    string, before the API parses the query; anything else goes on unchanged. Anonymous means no
    ``Authorization`` header, as ``common.auth.OptionalBearerAuth`` reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        match = _BOARD_PATH.fullmatch(request.path_info)
        if (
            match is not None
            and request.method == "GET"
            and settings.BOARD_CACHE_SECONDS > 0
            and not request.headers.get("Authorization")
            and registry.exists(match["kind"])
        ):
            key, tokens, body = _lookup(match["kind"], request)
            if body is not None:
                return HttpResponse(body, content_type="application/json; charset=utf-8")
            setattr(request, _LOOKUP, (match["kind"], key, tokens))
        return self.get_response(request)


def cached_anonymous(render: Callable[[HttpRequest, Any], bytes]) -> Callable[[Callable[..., Any]], Any]:
    """Wraps a paginated board view: anonymous GETs are answered from the cache when present, else the
    view's page is rendered by ``render`` (the same JSON Ninja would answer), stored and returned."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            seconds = settings.BOARD_CACHE_SECONDS
            if seconds <= 0 or request.method != "GET" or current_user(request) is not None:
                return view(request, *args, **kwargs)
            kind = kwargs.get("kind", "")
            looked_up = getattr(request, _LOOKUP, None)
            if looked_up is not None and looked_up[0] == kind:  # the middleware's miss, moments ago
                key, tokens, body = looked_up[1], looked_up[2], None
            else:
                key, tokens, body = _lookup(kind, request)
            if body is None:
                body = render(request, view(request, *args, **kwargs))
                cache.set(key, (tokens, body), timeout=seconds)
            return HttpResponse(body, content_type="application/json; charset=utf-8")

        return wrapper

    return decorator


class CountMemo:
    """The capped count of one board query, kept under the board's version tokens for every reader, signed
    in or not (issue #13: counting walks up to 1,001 rows of the sort's index, a sixth of an uncached board
    answer at 1M posts). The key is what the count depends on: the board, the day, the filters and the
    reader's circle when the list is bounded by distance; not the page, the sort or the reader. A change to
    a post of the board, or to what every board shows of its owners, replaces a token (``bump``), so a
    count is never older than the rows it counts; the timeout bounds what changes with the clock."""

    def __init__(self, kind: str, query: dict[str, Any]) -> None:
        digest = hashlib.sha1(repr(sorted(query.items())).encode(), usedforsecurity=False).hexdigest()
        self._prefix = f"discovery:board-count:{kind}:{timezone.localdate().isoformat()}:{digest}"
        self._board = _version_key(kind)
        self._tokens: tuple[str, str] | None = None

    @staticmethod
    def enabled() -> bool:
        return settings.BOARD_CACHE_SECONDS > 0

    def get(self, limit: int) -> tuple[int, bool] | None:
        """The count up to ``limit`` if one is kept under the current tokens (one cache round trip)."""
        key = f"{self._prefix}:{limit}"
        found = cache.get_many([GLOBAL, self._board, key])
        if GLOBAL not in found or self._board not in found:
            return None  # no tokens yet: the first answer of the board sets them (``_lookup``)
        self._tokens = (found[GLOBAL], found[self._board])
        stored = found.get(key)
        if isinstance(stored, tuple) and stored[0] == self._tokens:
            count, capped = stored[1]
            return int(count), bool(capped)
        return None

    def put(self, limit: int, value: tuple[int, bool]) -> None:
        """Keeps ``value`` under the tokens ``get`` read before the count was made: a change committed in
        between replaced them, so the count then kept is never served."""
        if self._tokens is not None:
            cache.set(f"{self._prefix}:{limit}", (self._tokens, value), timeout=settings.BOARD_CACHE_SECONDS)
