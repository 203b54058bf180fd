"""Daily roll-ups behind the dashboard (R-ADM-3)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import User
from accounts.tests.factories import make_user
from dashboard.models import DailyMetric
from dashboard.selectors import figures
from dashboard.services import rebuild_rollups

pytestmark = pytest.mark.django_db


def value(metric: str, dimension: str = "") -> int:
    return sum(DailyMetric.objects.filter(metric=metric, dimension=dimension).values_list("value", flat=True))


def test_new_users_are_counted_per_local_day_and_type_R_ADM_3() -> None:
    today = timezone.localdate()
    make_user(account_type="trade")
    make_user(account_type="factory")
    make_user(account_type="factory")
    make_user()  # no type chosen yet: not counted as a trade company, factory or worker
    rebuild_rollups(start=today, end=today)
    assert value("new_users", "factory") == 2
    assert value("new_users", "trade") == 1
    assert value("new_users", "worker") == 0


def test_rebuild_is_idempotent_and_picks_up_late_data_R_ADM_3() -> None:
    """Running the job twice writes the same rows; data that arrives late for a past day is counted
    once that day is rebuilt."""
    today = timezone.localdate()
    three_days_ago = today - timedelta(days=3)
    make_user(account_type="worker")
    rebuild_rollups(start=three_days_ago, end=today)
    first = list(DailyMetric.objects.values_list("day", "metric", "dimension", "value").order_by("pk"))
    rebuild_rollups(start=three_days_ago, end=today)
    assert list(DailyMetric.objects.values_list("day", "metric", "dimension", "value").order_by("pk")) == [
        (d, m, dim, v) for d, m, dim, v in first
    ]
    late = make_user(account_type="worker")
    User.objects.filter(pk=late.pk).update(date_joined=timezone.now() - timedelta(days=3))
    assert DailyMetric.objects.filter(day=three_days_ago, metric="new_users").count() == 0
    rebuild_rollups(start=three_days_ago, end=three_days_ago)
    assert DailyMetric.objects.get(day=three_days_ago, metric="new_users", dimension="worker").value == 1
    assert DailyMetric.objects.get(day=today, metric="new_users", dimension="worker").value == 1


def test_local_midnight_decides_the_day_R_ADM_3() -> None:
    """A user who registers at 00:30 Beijing time counts for that Beijing day, not the UTC one."""
    with freeze_time("2026-03-09 16:30:00+00:00"):  # 2026-03-10 00:30 in Asia/Shanghai
        make_user(account_type="trade")
    day = timezone.datetime(2026, 3, 10).date()
    rebuild_rollups(start=day - timedelta(days=1), end=day)
    assert DailyMetric.objects.get(metric="new_users", dimension="trade").day == day


def test_week_and_month_buckets_add_up_the_days_R_ADM_3() -> None:
    monday = timezone.datetime(2026, 6, 1).date()  # a Monday
    for offset, count in ((0, 1), (2, 2), (7, 4), (30, 8)):
        DailyMetric.objects.create(
            day=monday + timedelta(days=offset), metric="new_users", dimension="trade", value=count
        )
    end = monday + timedelta(days=30)
    by_day = {s.key: s for s in figures(start=monday, end=end, granularity="day")[0].series}
    by_week = figures(start=monday, end=end, granularity="week")[0]
    by_month = figures(start=monday, end=end, granularity="month")[0]
    assert by_day["new_users"].total == 15
    assert by_week.periods[:2] == ["2026-06-01 周", "2026-06-08 周"]
    assert {s.key: s for s in by_week.series}["new_users"].values[:2] == [3, 4]
    assert by_month.periods == ["2026-06", "2026-07"]
    assert {s.key: s for s in by_month.series}["new_users"].values == [7, 8]
    assert {s.key: s for s in by_month.series}["new_users:trade"].values == [7, 8]


def test_end_before_start_is_refused_R_ADM_3() -> None:
    from common.errors import AppError

    today = timezone.localdate()
    with pytest.raises(AppError) as error:
        rebuild_rollups(start=today, end=today - timedelta(days=1))
    assert error.value.detail[0]["field"] == "end"
