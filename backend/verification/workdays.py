"""Chinese working days: the review promise (R-FLOW-1) is "within 1 working day", counted with the
official holiday schedule and its make-up workdays (调休上班), which ``chinese_calendar`` publishes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import chinese_calendar
from django.utils import timezone


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        # The State Council publishes each year's schedule late in the year before; until the package
        # knows it, Monday to Friday is the best guess (holidays then count as working days).
        return day.weekday() < 5


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def review_due_at(submitted_at: datetime) -> datetime:
    """End of the next working day after submission, in China time."""
    local_day = timezone.localtime(submitted_at).date()
    due_day = next_working_day(local_day)
    return timezone.make_aware(datetime.combine(due_day, time(23, 59, 59)), timezone.get_current_timezone())
