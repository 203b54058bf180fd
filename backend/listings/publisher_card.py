"""The publisher's card beside a review item (issue #14 item 1): how long the account exists, since when
it is verified, its approved / rejected posts and the complaints about it.

Complaints live in ``support``, above this app: support fills the hook in ``verification.complaint_counts``
(re-exported here as :func:`register_complaint_counter`) in its ``AppConfig.ready``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import User
from listings.models import Decision, ReviewDecision
from verification.complaint_counts import complaints_about, register_complaint_counter
from verification.policy import current_licence

__all__ = ["PublisherCard", "card_for", "register_complaint_counter"]


@dataclass(frozen=True)
class PublisherCard:
    name: str
    account_type: str
    account_age_days: int
    verified_since: datetime | None
    approved: int
    rejected: int
    complaints: int
    upheld_complaints: int

    @property
    def account_age(self) -> str:
        days = self.account_age_days
        if days < 1:
            return "今天注册"
        if days < 60:
            return f"注册 {days} 天"
        if days < 730:
            return f"注册 {days // 30} 个月"
        return f"注册 {days // 365} 年"


def card_for(user: User) -> PublisherCard:
    counts = ReviewDecision.objects.filter(owner=user).aggregate(
        approved=Count("id", filter=Q(decision=Decision.APPROVED)),
        rejected=Count("id", filter=Q(decision=Decision.REJECTED)),
    )
    licence = current_licence(user)
    complaints, upheld = complaints_about(user.pk)
    return PublisherCard(
        name=str(user),
        account_type=user.get_account_type_display() if user.account_type else "未选择身份",
        account_age_days=(timezone.now() - user.date_joined).days,
        verified_since=licence.reviewed_at if licence else None,
        approved=counts["approved"],
        rejected=counts["rejected"],
        complaints=complaints,
        upheld_complaints=upheld,
    )
