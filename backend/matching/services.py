"""Writes of matching: workers' job preferences and the notices of new matches (R-BOARD-4, R-PLUS-1)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import timezone

from accounts.models import User
from common.errors import field_error
from common.tasks import enqueue
from discovery.trust import response_stats
from factories.models import FactoryProfile
from listings.models import Post
from matching import dispatch, matchers
from matching.matchers import Match
from matching.models import ATTRIBUTE_BITS, FactoryRank, WorkerPreference
from notifications.models import Notification, NotificationKind
from notifications.services import notify
from regions.selectors import valid_region
from search.services import index_post
from taxonomy.models import AttributeTag, CategoryTag, JobType

# --- Job preferences of workers ------------------------------------------------------------------


@transaction.atomic
def save_job_preference(
    *, user: User, job_type_ids: list[int], region_adcode: str | None, available_from: date | None
) -> WorkerPreference:
    ids = list(dict.fromkeys(job_type_ids))
    if len(ids) > 10:
        raise field_error("job_type_ids", "max_items", "意向工种最多选择 10 个")
    job_types = list(JobType.objects.filter(pk__in=ids, is_active=True))
    if len(job_types) != len(ids):
        raise field_error("job_type_ids", "invalid_choice", "请选择有效的工种")
    region = valid_region(region_adcode, field="region_adcode") if region_adcode else None
    preference, _ = WorkerPreference.objects.get_or_create(user=user)
    preference.region = region
    preference.available_from = available_from
    preference.save()
    preference.job_types.set(job_types)
    return preference


# --- Notices of new matches (R-PLUS-1) -----------------------------------------------------------

MATCH_NOTICES_PER_DAY = 5
MATCH_NOTICE_RECIPIENTS = 10
MATCH_NOTICE_MIN_SCORE = 40


def _today_start() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def notify_matches_on_approval(sender: object, *, post: Post, **kwargs: object) -> None:
    """Receiver of ``listings.signals.post_approved`` (connected in ``MatchingConfig.ready``): a worker
    computes the matches after the approval commits (effect ``matching.notify_matches_for_post``)."""
    enqueue(
        "matching.notify_matches_for_post",
        key=f"matching.notify:{post.pk}:{timezone.now().isoformat()}",
        target=post,
        post_id=post.pk,
    )


@transaction.atomic
def notify_matches_for_post(post: Post) -> int:
    """Tells the best-fitting users about a newly approved post, with the reasons it fits them.

    At most MATCH_NOTICE_RECIPIENTS users per post, each at most MATCH_NOTICES_PER_DAY such notices a
    day (so a busy category cannot flood a factory), once per post (dedupe key). Returns how many were
    notified. The listings approve flow reaches it through ``post_approved``.
    """
    index_post(post)
    candidates = [
        m
        for m in dispatch.matches_for_post(post, limit=MATCH_NOTICE_RECIPIENTS * 2)
        if m.score >= MATCH_NOTICE_MIN_SCORE
    ]
    by_user: dict[int, Match] = {}
    for match in candidates:
        user = match.recipient
        if user is None or user.pk == post.owner_id or user.pk in by_user:
            continue
        by_user[user.pk] = match
        if len(by_user) >= MATCH_NOTICE_RECIPIENTS:
            break
    if not by_user:
        return 0
    sent_today = dict(
        Notification.objects.filter(
            recipient_id__in=list(by_user), kind=NotificationKind.NEW_MATCH, created_at__gte=_today_start()
        )
        .values_list("recipient_id")
        .annotate(n=Count("id"))
    )
    title, link = dispatch.notice_for(post)
    sent = 0
    for user_id, match in by_user.items():
        if sent_today.get(user_id, 0) >= MATCH_NOTICES_PER_DAY:
            continue
        reasons = "；".join(match.reasons[:3])
        created = notify(
            recipient=match.recipient,
            kind=NotificationKind.NEW_MATCH,
            title=title,
            body=f"「{post.title}」{('：' + reasons) if reasons else ''}",
            link=link,
            target=post,
            dedupe_key=f"match:{post.pk}:{user_id}",
            wechat_purpose="new_match",
            wechat_data={"thing1": post.title[:20], "thing2": (match.reasons[0] if match.reasons else title)[:20]},
        )
        if created is not None:
            sent += 1
    return sent


# --- Ranking rows of factories (issue #13) -------------------------------------------------------

RANK_BATCH = 2000


RANK_FIELDS = (
    "category_id",
    "industry_id",
    "owner_id",
    "is_verified",
    "attributes",
    "capacity_per_day",
    "responsive_points",
    "latitude",
    "longitude",
)


@transaction.atomic
def refresh_factory_ranks(*, factory_ids: list[int]) -> int:
    """Brings the ``FactoryRank`` rows of these factories in line with their live profile, tags, supply
    posts and reply history (a deleted factory's rows go with it). Only a factory whose rows differ is
    rewritten, so the hourly pass over every factory writes little and index-only scans stay index-only.
    Returns how many rows were written."""
    ids = sorted(set(factory_ids))
    factories = list(
        FactoryProfile.objects.filter(pk__in=ids)
        .select_related("region")
        .prefetch_related(
            Prefetch("categories", queryset=CategoryTag.objects.only("id")),
            Prefetch("attributes", queryset=AttributeTag.objects.only("id", "code")),
        )
    )
    owner_ids = [f.owner_id for f in factories]
    capacity = matchers._service_capacity(owner_ids)
    stats = response_stats(owner_ids)
    wanted: dict[int, list[dict[str, Any]]] = {}
    for factory in factories:
        cap = capacity.get(factory.owner_id)
        common = {
            "industry_id": factory.industry_id,
            "owner_id": factory.owner_id,
            "is_verified": factory.is_verified,
            "attributes": sum(ATTRIBUTE_BITS.get(a.code, 0) for a in factory.attributes.all()),
            "capacity_per_day": float(cap) if cap else None,
            "responsive_points": matchers.responsive_points(stats.get(factory.owner_id)),
            "latitude": factory.latitude if factory.latitude is not None else factory.region.latitude,
            "longitude": factory.longitude if factory.longitude is not None else factory.region.longitude,
        }
        wanted[factory.pk] = [{"category_id": None, **common}] + [
            {"category_id": c.pk, **common} for c in factory.categories.all()
        ]
    stored: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for factory_id, *values in FactoryRank.objects.filter(factory_id__in=ids).values_list("factory_id", *RANK_FIELDS):
        stored[factory_id].append(tuple(values))
    stale = [
        pk
        for pk in ids
        if sorted(stored.get(pk, []), key=repr)
        != sorted((tuple(row[f] for f in RANK_FIELDS) for row in wanted.get(pk, [])), key=repr)
    ]
    if not stale:
        return 0
    FactoryRank.objects.filter(factory_id__in=stale).delete()
    rows = [FactoryRank(factory_id=pk, **row) for pk in stale for row in wanted.get(pk, [])]
    FactoryRank.objects.bulk_create(rows, batch_size=RANK_BATCH)
    return len(rows)


def refresh_factory_ranks_of_owner(*, owner_id: int) -> int:
    ids = list(FactoryProfile.objects.filter(owner_id=owner_id).values_list("pk", flat=True))
    return refresh_factory_ranks(factory_ids=ids) if ids else 0


def refresh_all_factory_ranks() -> int:
    """Every factory's rows again, in batches (the hourly job ``refresh_factory_ranks``, and after a bulk
    load): what changes with time alone — supply posts expiring, replies ageing into the response rate —
    reaches the ranking here."""
    written = 0
    last = 0
    while True:
        ids = list(FactoryProfile.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:RANK_BATCH])
        if not ids:
            break
        written += refresh_factory_ranks(factory_ids=ids)
        last = ids[-1]
    return written
