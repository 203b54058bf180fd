"""Trust signals (R-PLUS-4) for cards and match scores: verification, responsiveness, completed deals and
upheld complaints, all computed from events. The figures come from the apps above discovery through hooks
they fill in their ``AppConfig.ready`` (docs/architecture.md, Cross-app hooks): ``messaging`` registers
its response stats, ``support`` its upheld-complaint counts. A user without data gets None, never an invented figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# user ids → {user id: {"response_rate", "median_response_minutes", "completed_deals"}}
ResponseStats = Callable[[list[int]], dict[int, Any]]
# user ids → {user id: upheld complaints against them}
UpheldComplaints = Callable[[list[int]], dict[int, int]]
_providers: dict[str, Callable[[list[int]], dict[int, Any]]] = {}


def register_response_stats(provider: ResponseStats) -> None:
    _providers["response_stats"] = provider


def register_upheld_complaints(provider: UpheldComplaints) -> None:
    _providers["upheld_complaints"] = provider


def _provided(name: str, ids: list[int]) -> dict[int, Any]:
    provider = _providers.get(name)
    assert provider is not None, f"{name} is registered by its app's AppConfig.ready"
    return provider(ids)


@dataclass(frozen=True)
class Responsiveness:
    response_rate: float | None = None
    median_response_minutes: int | None = None
    completed_deals: int | None = None
    upheld_complaints: int = 0


def response_stats(user_ids: Iterable[int]) -> dict[int, Responsiveness]:
    ids = sorted({uid for uid in user_ids if uid})
    if not ids:
        return {}
    raw = _provided("response_stats", ids)
    upheld = _provided("upheld_complaints", ids)
    result: dict[int, Responsiveness] = {}
    for uid in ids:
        stats = raw.get(uid) or {}
        minutes = stats.get("median_response_minutes")
        result[uid] = Responsiveness(
            response_rate=stats.get("response_rate"),
            median_response_minutes=int(minutes) if minutes is not None else None,
            completed_deals=stats.get("completed_deals"),
            upheld_complaints=upheld.get(uid, 0),
        )
    return result


def response_phrase(minutes: int | None) -> str | None:
    """ "平均 2 小时内回复" — rounded up to a unit people read at a glance."""
    if minutes is None:
        return None
    if minutes <= 30:
        return "平均 30 分钟内回复"
    if minutes < 60:
        return "平均 1 小时内回复"
    hours = -(-minutes // 60)
    if hours <= 24:
        return f"平均 {hours} 小时内回复"
    return None
