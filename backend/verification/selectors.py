"""Reads of qualifications: the applicant's history and the operators' queues (R-APP-4, R-OPS-2)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import NotFound, PermissionDenied
from verification.models import Qualification, QualificationStatus

if TYPE_CHECKING:
    from accounts.models import User

REREVIEW_WINDOW_DAYS = 30


def my_qualifications(*, user: User) -> QuerySet[Qualification]:
    """Every submission of ``user``, newest first, with files for the thumbnails."""
    return Qualification.objects.filter(user=user).prefetch_related("files").order_by("-submitted_at", "-id")


def is_reviewer(user: User) -> bool:
    return has_console_permission(user, ConsolePermission.REVIEW_QUALIFICATIONS)


def get_qualification_for_review(*, user: User, qualification_id: int) -> Qualification:
    """A qualification an operator may decide on; others get 403, unknown ids 404."""
    if not is_reviewer(user):
        raise PermissionDenied("仅审核员可以审核资质", code="reviewer_only")
    qualification = Qualification.objects.filter(pk=qualification_id).first()
    if qualification is None:
        raise NotFound()
    return qualification


def pending_reviews() -> QuerySet[Qualification]:
    """The review queue, the most urgent first."""
    return (
        Qualification.objects.filter(status=QualificationStatus.PENDING)
        .select_related("user")
        .order_by("review_due_at", "id")
    )


def overdue_reviews(*, now: datetime | None = None) -> QuerySet[Qualification]:
    """Pending submissions past their one-working-day promise."""
    return pending_reviews().filter(review_due_at__lt=now or timezone.now())


def expiring_within(days: int, *, today: date | None = None) -> QuerySet[Qualification]:
    """Approved licences whose validity ends within ``days`` days (today included)."""
    today = today or timezone.localdate()
    return (
        Qualification.objects.filter(
            status=QualificationStatus.APPROVED,
            is_long_term=False,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=days),
        )
        .select_related("user")
        .order_by("valid_until", "id")
    )


def rereview_list(*, days: int = REREVIEW_WINDOW_DAYS, today: date | None = None) -> QuerySet[Qualification]:
    """Accounts operators should ask to re-certify: expired, or expiring within ``days`` days."""
    today = today or timezone.localdate()
    soon = Q(
        status=QualificationStatus.APPROVED,
        is_long_term=False,
        valid_until__isnull=False,
        valid_until__lte=today + timedelta(days=days),
    )
    # Once the account holds a newer approved licence (or one awaiting review), it is being handled.
    renewed = Qualification.objects.filter(
        user=OuterRef("user"),
        kind=OuterRef("kind"),
        status__in=[QualificationStatus.APPROVED, QualificationStatus.PENDING],
        submitted_at__gt=OuterRef("submitted_at"),
    )
    return (
        Qualification.objects.filter(soon | Q(status=QualificationStatus.EXPIRED))
        .exclude(Exists(renewed))
        .select_related("user")
        .order_by("valid_until", "id")
    )
