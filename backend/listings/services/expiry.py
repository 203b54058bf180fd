"""Expiry of published posts and the reminders before it (R-PLUS-2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from listings.models import Post, PostStatus
from notifications.models import NotificationKind
from notifications.services import notify


@dataclass
class ExpiryResult:
    expired: int = 0
    reminded: int = 0


REMIND_DAYS_BEFORE = (3, 1)


def expire_posts(*, today: date | None = None) -> ExpiryResult:
    """Marks published posts past their validity expired and reminds owners 3 and 1 days before.

    Idempotent: each reminder and each expiry notice carries a dedupe key, and expired posts are no
    longer selected."""
    today = today or timezone.localdate()
    result = ExpiryResult()
    overdue = Post.objects.select_related("owner").filter(status=PostStatus.PUBLISHED, valid_until__lt=today)
    for post in overdue:
        with transaction.atomic():
            changed = Post.objects.filter(pk=post.pk, status=PostStatus.PUBLISHED).update(
                status=PostStatus.EXPIRED, updated_at=timezone.now()
            )
            if not changed:
                continue
            result.expired += 1
            notify(
                recipient=post.owner,
                kind=NotificationKind.SYSTEM,
                title="您发布的信息已过期",
                body=f"「{post.title}」已过有效期，已从列表中隐藏。刷新后可重新展示。",
                link=f"/pages/posts/detail?id={post.pk}",
                target=post,
                dedupe_key=f"post-expired:{post.pk}:{post.valid_until}",
            )
    days_by_date = {today + timedelta(days=d): d for d in REMIND_DAYS_BEFORE}
    soon = Post.objects.select_related("owner").filter(status=PostStatus.PUBLISHED, valid_until__in=list(days_by_date))
    for post in soon:
        assert post.valid_until is not None
        days = days_by_date[post.valid_until]
        sent = notify(
            recipient=post.owner,
            kind=NotificationKind.SYSTEM,
            title=f"您发布的信息将在 {days} 天后过期",
            body=f"「{post.title}」有效期至 {post.valid_until:%Y-%m-%d}，到期后将从列表中隐藏，可提前刷新延长有效期。",
            link=f"/pages/posts/detail?id={post.pk}",
            target=post,
            dedupe_key=f"post-expiry-reminder:{post.pk}:{post.valid_until}:{days}",
        )
        if sent is not None:
            result.reminded += 1
    return result
