"""Labour matching (R-BOARD-4): labour posts and the workers whose job preference fits them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from accounts.models import AccountStatus, AccountType
from listings import registry
from listings.models import Post
from matching.matchers import CANDIDATES, Match, _km, _post_candidates, _rank
from matching.models import WorkerPreference
from regions.selectors import descendant_adcode_prefix


def _region_fit(worker_region: Any, post_region: Any) -> tuple[float, str | None]:
    """Points (out of 35) and a reason for how close the wanted region is to the job's."""
    if worker_region is None or post_region is None:
        return 0.0, None

    wanted_prefix = descendant_adcode_prefix(worker_region)
    if post_region.adcode.startswith(wanted_prefix):
        if len(wanted_prefix) == 6:
            return 35.0, f"意向地区：{worker_region.name}"
        return 30.0, f"意向地区：{worker_region.name}"
    if post_region.adcode[:4] == worker_region.adcode[:4]:
        return 25.0, f"同城：{post_region.city_name or post_region.name}"
    if post_region.adcode[:2] == worker_region.adcode[:2]:
        return 10.0, f"同省：{post_region.province_name}"
    return 0.0, None


def score_worker(post: Post, preference: WorkerPreference) -> tuple[int, list[str], float | None]:
    points = 0.0
    reasons: list[str] = []
    job_ids = {j.pk for j in preference.job_types.all()}
    if post.job_type_id and post.job_type_id in job_ids:
        points += 45
        reasons.append(f"意向工种：{post.job_type.name}")  # type: ignore[union-attr]
    region_points, region_reason = _region_fit(preference.region, post.region)
    points += region_points
    if region_reason:
        reasons.append(region_reason)
    if preference.available_from is None or (post.period_start and preference.available_from <= post.period_start):
        points += 20
        reasons.append("可按时到岗")
    km = None
    if preference.region is not None and post.latitude is not None:
        km = _km(preference.region.latitude, preference.region.longitude, post.latitude, post.longitude)
    return max(0, min(100, round(points))), reasons, km


def match_workers_for_labour(post: Post, *, limit: int = 20) -> list[Match]:
    """Workers whose wanted job types or region fit a labour post (workers opt in by saving a
    preference)."""
    now = timezone.now()
    wanted = Q()
    if post.job_type_id:
        wanted |= Q(job_types=post.job_type_id)
    if post.region_id:
        # Preferences for the job's district, its city or its province.
        wanted |= Q(region_id__in=[post.region_id, post.region_id[:4] + "00", post.region_id[:2] + "0000"])
    if not wanted:
        return []
    disabled = Q(user__status=AccountStatus.DISABLED) & (
        Q(user__status_until__isnull=True) | Q(user__status_until__gt=now)
    )
    preferences = list(
        WorkerPreference.objects.filter(wanted)
        .filter(user__account_type=AccountType.WORKER, user__is_active=True, user__deleted_at__isnull=True)
        .exclude(disabled)
        .exclude(user_id=post.owner_id)
        .select_related("user", "region")
        .prefetch_related("job_types")
        .distinct()
        .order_by("-updated_at", "-id")[:CANDIDATES]
    )
    matches = []
    for preference in preferences:
        value, reasons, km = score_worker(post, preference)
        matches.append(
            Match(score=value, reasons=reasons, worker=preference.user, preference=preference, distance_km=km)
        )
    return _rank(matches, limit)


def match_labour_for_worker(preference: WorkerPreference, *, limit: int = 20) -> list[Match]:
    """The reverse, for a worker's "for me": visible posts fitted on job (labour) fitting their preference."""
    job_ids = [j.pk for j in preference.job_types.all()]
    wanted = Q(job_type_id__in=job_ids) if job_ids else Q()
    if preference.region is not None:
        wanted |= Q(region__adcode__startswith=descendant_adcode_prefix(preference.region)[:4])
    if not wanted:
        return []
    posts = list(
        _post_candidates(registry.matched_kinds(side="demand", fit="job"))
        .filter(wanted, is_full=False)
        .exclude(owner_id=preference.user_id)
        .order_by("-published_at", "-id")[:CANDIDATES]
    )
    matches = []
    for post in posts:
        value, reasons, km = score_worker(post, preference)
        matches.append(Match(score=value, reasons=reasons, post=post, distance_km=km))
    return _rank(matches, limit)
