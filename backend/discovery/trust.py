"""Trust signals (R-PLUS-4) for cards and match scores: verification, responsiveness, completed deals and
upheld complaints, all computed from events (``messaging.selectors.response_stats`` and
``support.selectors.upheld_complaints_count``). A user without data gets None, never an invented figure.
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
    upheld_complaints: int = 0


def response_stats(user_ids: Iterable[int]) -> dict[int, Responsiveness]:
    ids = sorted({uid for uid in user_ids if uid})
    if not ids:
        return {}
    from messaging.selectors import response_stats as messaging_stats
    from support.selectors import upheld_complaints_count

    raw: dict[int, Any] = messaging_stats(ids)
    upheld = upheld_complaints_count(ids)
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
