"""The console home (issue #14 item 3): today's work in numbers, each linked to its filtered list, and
the day's headline figures. One aggregate query per table (8 in all), whatever the data; each card shows
only to an operator who does that work (``ConsolePermission``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountType, User
from common.console_permissions import ConsolePermission, has_console_permission
from common.models import Effect, EffectStatus
from listings import selectors as listing_selectors
from listings.models import Post
from messaging.models import Connection
from support.models import OPEN_STATUSES, Complaint, Feedback, FeedbackStatus
from verification import selectors as verification_selectors
from verification.models import Qualification, QualificationStatus


@dataclass(frozen=True)
class Card:
    label: str
    value: int | str
    url: str
    alert: bool = False  # shown in red when there is something overdue or failed
    hint: str = ""


@dataclass(frozen=True)
class Group:
    title: str
    cards: list[Card]


def _url(name: str, query: str = "") -> str:
    url = reverse(f"admin:{name}_changelist")
    return f"{url}?{query}" if query else url


def _day_start() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def work_groups(user: Any) -> list[Group]:
    """What needs doing now, for the lists this operator may open."""
    now = timezone.now()
    groups: list[Group] = []
    if has_console_permission(user, ConsolePermission.REVIEW_POSTS):
        posts = (
            listing_selectors.review_queue(base=Post.objects.all())
            .order_by()
            .aggregate(pending=Count("pk"), overdue=Count("pk", filter=Q(queue_due_at__lt=now)))
        )
        groups.append(
            Group(
                "信息审核",
                [
                    Card("待审核信息", posts["pending"], _url("listings_reviewqueueitem")),
                    Card(
                        "超时未审信息",
                        posts["overdue"],
                        _url("listings_reviewqueueitem", "overdue=yes"),
                        posts["overdue"] > 0,
                    ),
                ],
            )
        )
    if has_console_permission(user, ConsolePermission.REVIEW_QUALIFICATIONS):
        expiring = verification_selectors.expiring_within(30).order_by().values("pk")
        quals = Qualification.objects.aggregate(
            pending=Count("pk", filter=Q(status=QualificationStatus.PENDING)),
            overdue=Count("pk", filter=Q(status=QualificationStatus.PENDING, review_due_at__lt=now)),
            expiring=Count("pk", filter=Q(pk__in=expiring)),
        )
        groups.append(
            Group(
                "资质认证",
                [
                    Card("待审核资质", quals["pending"], _url("verification_qualification", "status__exact=pending")),
                    Card(
                        "超时未审资质",
                        quals["overdue"],
                        _url("verification_qualification", "overdue=yes"),
                        quals["overdue"] > 0,
                    ),
                    Card("30 天内到期执照", quals["expiring"], _url("verification_qualification", "rereview=soon")),
                ],
            )
        )
    disputes: list[Card] = []
    if has_console_permission(user, ConsolePermission.HANDLE_COMPLAINTS):
        open_complaints = Complaint.objects.filter(status__in=OPEN_STATUSES).count()
        disputes.append(Card("未办结投诉", open_complaints, _url("support_complaint", "open=yes"), open_complaints > 0))
    if has_console_permission(user, ConsolePermission.REPLY_FEEDBACK):
        unanswered = Feedback.objects.filter(status=FeedbackStatus.PENDING).count()
        disputes.append(Card("待回复反馈", unanswered, _url("support_feedback", "status__exact=pending")))
    if disputes:
        groups.append(Group("投诉与反馈", disputes))
    if has_console_permission(user, ConsolePermission.RETRY_EFFECTS):
        failed = Effect.objects.filter(status=EffectStatus.FAILED).count()
        groups.append(
            Group(
                "系统",
                [
                    Card(
                        "失败的后台任务",
                        failed,
                        _url("common_effect", "status__exact=failed"),
                        failed > 0,
                        "可在列表中重试",
                    )
                ],
            )
        )
    return groups


def headline(user: Any) -> Group | None:
    """Today's figures since local midnight, read from the live tables (the roll-ups are per day)."""
    if not has_console_permission(user, ConsolePermission.EXPORT_DASHBOARD):
        return None
    start = _day_start()
    board = reverse("admin:dashboard_dailymetric_changelist")
    users = User.objects.filter(is_staff=False, date_joined__gte=start).aggregate(
        **{t.value: Count("pk", filter=Q(account_type=t.value)) for t in AccountType}
    )
    connections = Connection.objects.filter(
        Q(created_at__gte=start) | Q(first_reply_at__gte=start) | Q(deal_at__gte=start)
    ).aggregate(
        contacts=Count("pk", filter=Q(created_at__gte=start)),
        replies=Count("pk", filter=Q(first_reply_at__gte=start)),
        deals=Count("pk", filter=Q(deal_at__gte=start)),
    )
    published = Post.objects.filter(published_at__gte=start).count()
    new_users = sum(users.values())
    by_type = "，".join(f"{t.label} {users[t.value]}" for t in AccountType)
    return Group(
        "今日数据",
        [
            Card("新增用户", new_users, board, hint=by_type),
            Card("新发布信息", published, board),
            Card("发起联系", connections["contacts"], board),
            Card("对方回复", connections["replies"], board),
            Card("达成合作", connections["deals"], board),
        ],
    )


def dashboard_callback(request: HttpRequest, context: dict[str, Any]) -> dict[str, Any]:
    """unfold's DASHBOARD_CALLBACK: the home page's figures (template ``admin/console_home.html``)."""
    today = timezone.localdate()
    context.update(
        {
            "title": "工作台",
            "work_groups": work_groups(request.user),
            "headline": headline(request.user),
            "today": today,
            "yesterday": today - timedelta(days=1),
        }
    )
    return context
