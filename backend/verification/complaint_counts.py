"""How many complaints name a user, for the reviewer's card in both workbenches (issue #14 item 1).

Complaints live in ``support``, far above the apps that show the card (``listings`` and ``verification``):
support fills :func:`register_complaint_counter` in its ``AppConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable

ComplaintCounter = Callable[[int], tuple[int, int]]
_counters: list[ComplaintCounter] = []


def register_complaint_counter(counter: ComplaintCounter) -> None:
    _counters[:] = [counter]


def complaints_about(user_id: int) -> tuple[int, int]:
    """(complaints, upheld complaints) about the user; (0, 0) when support is not installed."""
    return _counters[0](user_id) if _counters else (0, 0)
