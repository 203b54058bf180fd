"""One definition, two uses: a visibility rule is written once as a ``Q`` and either filters a
queryset (SQL) or is evaluated here against one loaded object (Python), so the two cannot drift.

``matches(q, obj)`` supports what the policies use: ``AND``/``OR``/negation, ``__`` paths through
attributes (a missing related object counts as ``None``), and the lookups ``exact``, ``isnull``,
``gt``, ``gte``, ``lt``, ``lte`` and ``in``. A comparison with ``None`` is false, as in SQL; a
negated condition is its plain Python negation, as Django's ``exclude``/``~Q`` means it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, cast

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP

_MISSING = object()


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    return lambda left, right: left is not None and right is not None and op(left, right)


LOOKUPS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": lambda left, right: left == right,
    "isnull": lambda left, right: (left is None) == bool(right),
    "gt": _compare(operator.gt),
    "gte": _compare(operator.ge),
    "lt": _compare(operator.lt),
    "lte": _compare(operator.le),
    "in": lambda left, right: left in right,
}


def _resolve(obj: Any, path: list[str]) -> Any:
    value = obj
    for name in path:
        if value is None:
            return None
        try:
            value = getattr(value, name, _MISSING)
        except ObjectDoesNotExist:
            return None
        if value is _MISSING:
            raise ValueError(f"visibility rule names {name!r}, which {type(obj).__name__} does not have")
    return value


def _condition(key: str, expected: Any, obj: Any) -> bool:
    parts = key.split(LOOKUP_SEP)
    lookup = "exact"
    if parts[-1] in LOOKUPS and len(parts) > 1:
        lookup = parts.pop()
    return LOOKUPS[lookup](_resolve(obj, parts), expected)


def matches(q: Q, obj: Any) -> bool:
    """Whether ``obj`` satisfies ``q``: the Python reading of the same rule a queryset filters by."""
    results = (
        matches(child, obj) if isinstance(child, Q) else _condition(*cast("tuple[str, Any]", child), obj)
        for child in q.children
    )
    result = all(results) if q.connector == Q.AND else any(results)
    return not result if q.negated else result
