"""The roll-up job: recompute daily metrics for a range of days. Idempotent; late data is picked up by
rebuilding the days it falls on."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from common.errors import field_error
from common.tasks import enqueue
from dashboard.metrics import METRICS, count_by_day
from dashboard.models import DailyMetric

MAX_REBUILD_DAYS = 3660


@transaction.atomic
def rebuild_rollups(*, start: date, end: date) -> int:
    """Replaces every DailyMetric row in [start, end] with freshly counted values; returns rows written."""
    if end < start:
        raise field_error("end", "after_start", "结束日期不能早于开始日期")
    if (end - start).days > MAX_REBUILD_DAYS:
        raise field_error("start", "range", "一次最多重算 10 年的数据")
    DailyMetric.objects.filter(day__gte=start, day__lte=end).delete()
    rows = [
        DailyMetric(day=day, metric=metric.key, dimension=dimension, value=value)
        for metric in METRICS.values()
        for (day, dimension), value in count_by_day(metric, start, end).items()
        if value
    ]
    DailyMetric.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def refresh_recent(*, days: int = 2) -> int:
    """Today's and yesterday's figures change all day: recounted by a worker when the dashboard is
    opened (``request_refresh``) and by beat's roll-up job."""
    today = timezone.localdate()
    return rebuild_rollups(start=today - timedelta(days=days - 1), end=today)


def request_refresh() -> None:
    """Opening the dashboard asks a worker to recount the recent days, at most once a minute; the page
    shows the figures of the last roll-up meanwhile (beat runs one every 10 minutes)."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    enqueue("dashboard.refresh_recent", key=f"dashboard.refresh_recent:{minute}")
