"""Background effects of the dashboard: recounting the recent days' figures (R-ADM-3)."""

from __future__ import annotations

from common.tasks import effect
from dashboard.services import refresh_recent


@effect("dashboard.refresh_recent", max_attempts=2)
def refresh_recent_effect() -> None:
    refresh_recent()
