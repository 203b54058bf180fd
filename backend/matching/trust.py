"""Trust signals (R-PLUS-4) for cards and match scores: verification, responsiveness, completed deals.

Response figures come from ``messaging.selectors.response_stats``; until that selector exists the
figures are simply absent (None), never invented.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Responsiveness:
    response_rate: float | None = None
    median_response_minutes: int | None = None
    completed_deals: int | None = None


def response_stats(user_ids: Iterable[int]) -> dict[int, Responsiveness]:
    ids = sorted({uid for uid in user_ids if uid})
    if not ids:
        return {}
    try:
        from messaging.selectors import response_stats as messaging_stats
    except ImportError:  # messaging not built yet
        return {}
    raw: dict[int, Any] = messaging_stats(ids)
    result: dict[int, Responsiveness] = {}
    for uid, stats in raw.items():
        if not isinstance(stats, dict):
            continue
        minutes = stats.get("median_response_minutes")
        result[int(uid)] = Responsiveness(
            response_rate=stats.get("response_rate"),
            median_response_minutes=int(minutes) if minutes is not None else None,
            completed_deals=stats.get("completed_deals"),
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
