"""Figures for the dashboard and its Excel export, read from the daily roll-ups."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from dashboard.metrics import METRICS, SECTIONS, dimension_label
from dashboard.models import DailyMetric

GRANULARITIES = {"day": "按日", "week": "按周", "month": "按月"}


def bucket_start(day: date, granularity: str) -> date:
    if granularity == "week":
        return day - timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    return day


def bucket_label(start: date, granularity: str) -> str:
    if granularity == "week":
        return f"{start:%Y-%m-%d} 周"
    if granularity == "month":
        return f"{start:%Y-%m}"
    return f"{start:%Y-%m-%d}"


def buckets(start: date, end: date, granularity: str) -> list[date]:
    seen: list[date] = []
    day = start
    while day <= end:
        b = bucket_start(day, granularity)
        if not seen or seen[-1] != b:
            seen.append(b)
        day += timedelta(days=1)
    return seen


@dataclass
class Series:
    key: str
    label: str
    values: list[int]
    unit: str = "次"

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class Section:
    key: str
    title: str
    periods: list[str]
    series: list[Series] = field(default_factory=list)
    rates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rows(self) -> list[dict[str, object]]:
        """The table view: one row per period, one column per series."""
        return [
            {"period": period, "values": [series.values[i] for series in self.series]}
            for i, period in enumerate(self.periods)
        ]


def figures(*, start: date, end: date, granularity: str) -> list[Section]:
    """Every section's series over the period, bucketed by day, week or month.

    A metric with dimensions (account type, post kind) yields one series per dimension plus 合计.
    """
    periods = buckets(start, end, granularity)
    index = {p: i for i, p in enumerate(periods)}
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(periods))
    for row in DailyMetric.objects.filter(day__gte=start, day__lte=end).values_list(
        "metric", "dimension", "day", "value"
    ):
        metric_key, dimension, day, value = row
        slot = index[bucket_start(day, granularity)]
        totals[(metric_key, dimension)][slot] += value
        if dimension:
            totals[(metric_key, "")][slot] += value
    sections = []
    for key, (title, metrics) in SECTIONS.items():
        section = Section(key=key, title=title, periods=[bucket_label(p, granularity) for p in periods])
        for metric in metrics:
            dims = sorted({d for (m, d) in totals if m == metric.key and d})
            section.series.append(Series(metric.key, metric.label, totals[(metric.key, "")], metric.unit))
            for dim in dims:
                label = f"{metric.label}·{dimension_label(dim)}"
                section.series.append(Series(f"{metric.key}:{dim}", label, totals[(metric.key, dim)], metric.unit))
        if key == "conversion":
            section.rates = conversion_rates(section)
        sections.append(section)
    return sections


def conversion_rates(section: Section) -> list[tuple[str, str]]:
    by_key = {s.key: s.total for s in section.series}

    def pct(a: str, b: str) -> str:
        return f"{by_key[a] / by_key[b] * 100:.1f}%" if by_key.get(b) else "—"

    return [
        ("浏览→联系", pct("contacts", "detail_views")),
        ("联系→回复", pct("replies", "contacts")),
        ("回复→成交", pct("deals", "replies")),
        ("联系→成交", pct("deals", "contacts")),
    ]


@dataclass(frozen=True)
class Card:
    """A headline figure: this period, the period of the same length just before, and the change."""

    key: str
    label: str
    value: float
    previous: float
    unit: str
    breakdown: list[tuple[str, int]] = field(default_factory=list)
    percent: bool = False  # a rate (conversion), shown as %; its change in percentage points

    @property
    def shown(self) -> str:
        return f"{self.value:.1f}%" if self.percent else f"{int(self.value)}"

    @property
    def change(self) -> str:
        """ "+25.0%" against the previous period ("+1.5 个百分点" for a rate); "—" when there was nothing."""
        if self.percent:
            return f"{self.value - self.previous:+.1f} 个百分点"
        if not self.previous:
            return "—" if not self.value else "新增"
        return f"{(self.value - self.previous) / self.previous * 100:+.1f}%"

    @property
    def trend(self) -> str:
        return "up" if self.value > self.previous else "down" if self.value < self.previous else "flat"


HEADLINE_METRICS = ("new_users", "posts_approved", "contacts", "replies", "deals")
HEADLINE_LABELS = {"posts_approved": "发布信息"}


def previous_period(start: date, end: date) -> tuple[date, date]:
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def headline(*, start: date, end: date) -> list[Card]:
    """New users by type, posts published by board, contacts, replies, deals and conversion (联系→成交),
    each against the previous period of the same length; one read of the roll-ups."""
    prev_start, _prev_end = previous_period(start, end)
    now: dict[tuple[str, str], int] = defaultdict(int)
    before: dict[tuple[str, str], int] = defaultdict(int)
    for metric_key, dimension, day, value in DailyMetric.objects.filter(
        metric__in=HEADLINE_METRICS, day__gte=prev_start, day__lte=end
    ).values_list("metric", "dimension", "day", "value"):
        target = now if day >= start else before
        target[(metric_key, dimension)] += value
        if dimension:
            target[(metric_key, "")] += value
    cards = []
    for key in HEADLINE_METRICS:
        metric = METRICS[key]
        dims = sorted({d for (m, d) in now if m == key and d}, key=lambda d: -now[(key, d)])
        cards.append(
            Card(
                key=key,
                label=HEADLINE_LABELS.get(key, metric.label),
                value=now[(key, "")],
                previous=before[(key, "")],
                unit=metric.unit,
                breakdown=[(dimension_label(d), now[(key, d)]) for d in dims],
            )
        )

    def rate(counts: dict[tuple[str, str], int]) -> float:
        contacts = counts[("contacts", "")]
        return counts[("deals", "")] / contacts * 100 if contacts else 0.0

    cards.append(Card("conversion", "转化率（联系→成交）", rate(now), rate(before), "%", percent=True))
    return cards
