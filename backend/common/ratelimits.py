"""Named rate limits: one table (``settings.RATE_LIMITS``), one limiter core, one 429 answer.

A limit is a name and one or more rules, e.g. ``"chat_send": "30/m per user, 300/h per user"``; each rule
is ``COUNT/PERIOD per SCOPE`` with PERIOD ``s``, ``m``, ``h``, ``d`` (or ``10m``) and SCOPE one of
``user`` (the signed-in account), ``ip`` (the caller's address, ``common.request.client_ip``, so
``CMT_TRUST_X_REAL_IP`` applies) or ``phone`` (the phone a sign-in or SMS request names). A rule whose scope
is unknown for the request (no account on a public page) is skipped. Counting is django-ratelimit's
(fixed windows in the ``default`` cache, Redis in production); the table is read on every call, so a
settings override or an ops change of ``CMT_RATE_LIMIT_<NAME>`` takes effect without code.

Use ``@rate_limit("name")`` on a Ninja view (after authentication, before anything is written) or call
``check("name", user_id=..., ip=...)`` where there is no view (the chat WebSocket). An exceeded limit
raises ``RateLimited``: 429 ``rate_limited`` with ``detail.retry_after`` and a ``Retry-After`` header.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from common import crypto
from common.errors import AppError
from common.request import client_ip

logger = logging.getLogger("common.ratelimits")

SCOPES = ("user", "ip", "phone")
_RULE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*[smhd])\s+per\s+(\w+)\s*$")


class RateLimited(AppError):
    def __init__(self, retry_after: int) -> None:
        retry_after = max(1, int(retry_after))
        super().__init__(
            "rate_limited", f"操作过于频繁，请 {retry_after} 秒后再试", detail={"retry_after": retry_after}, status=429
        )
        self.retry_after = retry_after
        self.headers = {"Retry-After": str(retry_after)}


@dataclass(frozen=True)
class Rule:
    rate: str  # django-ratelimit's form, e.g. "30/m"
    scope: str


def parse(spec: str) -> list[Rule]:
    """``"30/m per user, 100/h per ip"`` → rules; raises ValueError on anything else."""
    rules = []
    for part in spec.split(","):
        if not part.strip():
            continue
        match = _RULE_RE.match(part)
        if match is None or match.group(3) not in SCOPES:
            raise ValueError(f"rate limit rule {part!r}: expected 'COUNT/PERIOD per {'|'.join(SCOPES)}'")
        rules.append(Rule(rate=f"{match.group(1)}/{match.group(2)}", scope=match.group(3)))
    return rules


def rules_for(name: str) -> list[Rule]:
    table: Mapping[str, str] = settings.RATE_LIMITS
    if name not in table:
        raise KeyError(f"no rate limit named {name!r} in settings.RATE_LIMITS")
    return parse(table[name])


def phone_key(phone: str) -> str:
    """A phone as a limiter key: its blind index, so the cache holds no phone number."""
    return crypto.blind_index(phone, context="ratelimit.phone")


def _usage(name: str, rule: Rule, value: str, *, increment: bool) -> dict[str, Any] | None:
    usage: dict[str, Any] | None = get_usage(
        None, group=f"{name}:{rule.scope}", key=lambda _group, _request: value, rate=rule.rate, increment=increment
    )
    if usage is not None and usage["time_left"] < 0:  # the cache did not answer the count
        logger.warning("rate limit %s not checked: the cache did not count", name)
        return None
    return usage


def check(name: str, *, user_id: int | None = None, ip: str | None = None, phone: str | None = None) -> None:
    """Counts one use of ``name`` under each of its rules, or raises ``RateLimited`` when one is used up.

    A refused call is not counted (it did nothing), so one exhausted rule does not drain the others: the
    rules are read first and counted only when all allow the call. Two calls racing past the read are
    caught by the count. A cache outage lets calls through (logged): limits must not take the service down.
    """
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    values = {"user": str(user_id) if user_id is not None else None, "ip": ip, "phone": phone}
    rules = [(rule, value) for rule in rules_for(name) if (value := values[rule.scope])]
    try:
        for increment in (False, True):
            retry_after: int | None = None
            for rule, value in rules:
                usage = _usage(name, rule, value, increment=increment)
                used = usage["count"] - (1 if increment else 0) if usage else 0
                if usage is not None and used >= usage["limit"]:
                    # In the window's last second time_left is 0: still refused, retry after 1 s.
                    retry_after = max(retry_after or 1, usage["time_left"])
            if retry_after is not None:
                logger.info("rate limit %s exceeded", name)
                raise RateLimited(retry_after)
    except RateLimited:
        raise
    except Exception:  # the cache is unreachable
        logger.warning("rate limit %s not checked: cache unavailable", name, exc_info=True)


def _user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "auth", None)
    pk = getattr(user, "pk", None)
    return int(pk) if pk is not None else None


def rate_limit(
    name: str, *, phone: Callable[[dict[str, Any]], str | None] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Limits a Ninja view by the named limit, per signed-in user and per IP (``phone`` picks the phone out
    of the view's validated arguments for ``per phone`` rules). The check runs before the view body, so a
    refused call writes nothing."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        rules_for(name)  # fail at import on a name the table lacks

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            check(name, user_id=_user_id(request), ip=client_ip(request), phone=phone(kwargs) if phone else None)
            return view(request, *args, **kwargs)

        # Ninja reads the signature; resolve string annotations against the view's own module.
        wrapper.__signature__ = inspect.signature(view, eval_str=True)  # type: ignore[attr-defined]
        return wrapper

    return decorator
