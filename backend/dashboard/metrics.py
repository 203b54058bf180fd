"""What the dashboard counts, per local day, and how (R-ADM-3).

Each metric is a query grouped by local day (Asia/Shanghai) and by one dimension (account type, post
kind, or none). Sections group metrics for the charts, tables and Excel sheets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, F, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import AccountType, ActiveDay, User
from discovery.models import ViewEvent
from listings import registry
from listings.models import Post, ReviewDecision
from messaging.models import Connection
from notifications.models import Notification, NotificationKind


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    # Returns the rows to count and the names of the datetime field and the dimension field (or "").
    source: Callable[[], tuple[QuerySet[Any], str, str]]
    unit: str = "次"  # shown in the table headers and the Excel export


def _users() -> tuple[QuerySet[Any], str, str]:
    return User.objects.filter(is_staff=False).exclude(account_type=""), "date_joined", "account_type"


def _active() -> tuple[QuerySet[Any], str, str]:
    return ActiveDay.objects.all(), "", "account_type"


def group_kinds(group: str) -> list[str]:
    """The post kinds of a board group (``BoardSpec.group``), read from the registry at count time."""
    return [spec.kind for spec in registry.all() if spec.group == group]


def _decisions(decision: str, group: str | None = None) -> Callable[[], tuple[QuerySet[Any], str, str]]:
    def source() -> tuple[QuerySet[Any], str, str]:
        qs = ReviewDecision.objects.filter(decision=decision, post__isnull=False)
        if group:
            qs = qs.filter(post__kind__in=group_kinds(group))
        return qs, "at", "post__kind"

    return source


def _submitted() -> tuple[QuerySet[Any], str, str]:
    return Post.objects.filter(submitted_at__isnull=False), "submitted_at", "kind"


def _views() -> tuple[QuerySet[Any], str, str]:
    return ViewEvent.objects.all(), "at", ""


def _connections(field: str, group: str | None = None) -> Callable[[], tuple[QuerySet[Any], str, str]]:
    def source() -> tuple[QuerySet[Any], str, str]:
        qs = Connection.objects.filter(**{f"{field}__isnull": False})
        if group:
            qs = qs.filter(post__kind__in=group_kinds(group))
        return qs, field, ""

    return source


def _matches() -> tuple[QuerySet[Any], str, str]:
    return Notification.objects.filter(kind=NotificationKind.NEW_MATCH), "created_at", ""


PROCESSING = "processing"  # the board group of 代加工需求 and 代加工服务

SECTIONS: dict[str, tuple[str, list[Metric]]] = {
    "users": (
        "用户数据",
        [
            Metric("new_users", "新增用户", _users, "人"),
            Metric("active_users", "活跃用户", _active, "人"),
        ],
    ),
    "supply_demand": (
        "供需数据",
        [
            Metric("posts_submitted", "提交审核", _submitted, "条"),
            Metric("posts_approved", "审核通过", _decisions("approved"), "条"),
            Metric("posts_rejected", "审核驳回", _decisions("rejected"), "条"),
        ],
    ),
    "processing": (
        "代加工专项",
        [
            Metric("processing_published", "代加工需求/服务发布", _decisions("approved", PROCESSING), "条"),
            Metric("processing_matches", "匹配推送", _matches, "条"),
            Metric("processing_contacts", "代加工对接", _connections("created_at", PROCESSING)),
            Metric("processing_deals", "代加工成交", _connections("deal_at", PROCESSING)),
        ],
    ),
    "conversion": (
        "对接转化",
        [
            Metric("detail_views", "详情浏览", _views),
            Metric("contacts", "发起联系", _connections("created_at")),
            Metric("replies", "对方回复", _connections("first_reply_at")),
            Metric("deals", "达成合作", _connections("deal_at")),
        ],
    ),
}

METRICS: dict[str, Metric] = {m.key: m for _key, (_label, metrics) in SECTIONS.items() for m in metrics}


def dimension_label(dimension: str) -> str:
    """An account type's or a post kind's label (from the board registry); "" is 合计."""
    if dimension == "":
        return "合计"
    if dimension in AccountType.values:
        return str(AccountType(dimension).label)
    return registry.label(dimension)


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def count_by_day(metric: Metric, start: date, end: date) -> dict[tuple[date, str], int]:
    """{(day, dimension): count} for the metric over [start, end], by local day."""
    qs, when, dimension = metric.source()
    if when:
        lower, upper = local_bounds(start, end)
        qs = qs.filter(**{f"{when}__gte": lower, f"{when}__lt": upper}).annotate(
            _day=TruncDate(when, tzinfo=timezone.get_current_timezone())
        )
    else:  # already a date column
        qs = qs.filter(day__gte=start, day__lte=end).annotate(_day=F("day"))
    group = ["_day", dimension] if dimension else ["_day"]
    rows = qs.order_by().values(*group).annotate(n=Count("pk", distinct=True))
    return {(row["_day"], str(row.get(dimension, "") or "") if dimension else ""): row["n"] for row in rows}
