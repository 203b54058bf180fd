"""Two-way matching with reasons (R-BOARD-4, R-PLUS-1).

Which posts pair with which is the board registry's (``BoardSpec.match_side`` / ``match_fit`` /
``counterpart_kinds``); no matcher names a kind. Candidates are narrowed in SQL (same category /
industry / process / job type, visible, not the asker's own), then scored in Python so every point
carries a reason a person can read; factories for a demand are ranked in SQL on the same points first
(``matching.ranking``, issue #13). The score is a weighted sum out of 100:

  fit (category or process)  35   同品类：保温杯 / 工艺匹配：注塑
  attributes                 20   可接小批量 / 可接大批量订单 / 可接急单 / 免费打样
  capacity                   10   产能可按期交货
  distance                   15   距离 12 公里
  verification               10   已认证工厂
  responsiveness             10   平均 2 小时内回复
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.utils import timezone

from accounts.models import AccountType, User
from discovery.trust import Responsiveness, response_phrase, response_stats
from factories.models import FactoryProfile
from factories.selectors import visible_factories
from factories.selectors import with_relations as with_factory_relations
from listings import registry
from listings.models import Post, PostStatus
from listings.selectors import visible_posts, with_card_relations
from matching import ranking
from matching.models import WorkerPreference
from regions.geo import distance_km
from taxonomy.models import AttributeTag, CategoryTag

FIT = 35
ATTRIBUTES = 20
CAPACITY = 10
DISTANCE = 15
VERIFIED = 10
RESPONSIVE = 10

SMALL_BATCH_MAX = Decimal(3000)
LARGE_BATCH_MIN = Decimal(10000)
URGENT_DAYS = 15
NEAR_KM = 50.0
FAR_KM = 1000.0
CANDIDATES = 200


@dataclass
class Match:
    score: int
    reasons: list[str]
    post: Post | None = None
    factory: FactoryProfile | None = None
    worker: User | None = None
    preference: WorkerPreference | None = None
    distance_km: float | None = None

    @property
    def type(self) -> str:
        return "post" if self.post is not None else "factory" if self.factory is not None else "worker"

    @property
    def recipient(self) -> Any:
        if self.post is not None:
            return self.post.owner
        if self.factory is not None:
            return self.factory.owner
        return self.worker


@dataclass
class Demand:
    """What is asked for: a procurement or processing demand."""

    owner_id: int
    category_id: int | None = None
    category_name: str = ""
    industry_id: int | None = None
    industry_name: str = ""
    processes: dict[int, str] = field(default_factory=dict)
    quantity: Decimal | None = None
    delivery_date: date | None = None
    sample_required: bool = False
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Supplier:
    """What is offered: a factory (with its processing services' capacity) or a processing service."""

    owner_id: int
    categories: dict[int, str] = field(default_factory=dict)
    industry_id: int | None = None
    industry_name: str = ""
    processes: dict[int, str] = field(default_factory=dict)
    attribute_codes: set[str] = field(default_factory=set)
    capacity_per_day: Decimal | None = None
    min_order: Decimal | None = None
    latitude: float | None = None
    longitude: float | None = None
    is_verified: bool = False
    completed_deals: int = 0


def _demand_from_post(post: Post) -> Demand:
    return Demand(
        owner_id=post.owner_id,
        category_id=post.category_id,
        category_name=post.category.name if post.category_id and post.category else "",
        industry_id=post.industry_id,
        industry_name=post.industry.name if post.industry_id and post.industry else "",
        processes={p.pk: p.name for p in post.process_types.all()},
        quantity=post.quantity,
        delivery_date=post.delivery_date,
        sample_required=bool(post.sample_required),
        latitude=post.latitude if post.latitude is not None else getattr(post.region, "latitude", None),
        longitude=post.longitude if post.longitude is not None else getattr(post.region, "longitude", None),
    )


def _supplier_from_factory(factory: FactoryProfile, *, capacity: Decimal | None = None) -> Supplier:
    return Supplier(
        owner_id=factory.owner_id,
        categories={c.pk: c.name for c in factory.categories.all()},
        industry_id=factory.industry_id,
        industry_name=factory.industry.name,
        attribute_codes={a.code for a in factory.attributes.all()},
        capacity_per_day=capacity,
        latitude=factory.latitude if factory.latitude is not None else factory.region.latitude,
        longitude=factory.longitude if factory.longitude is not None else factory.region.longitude,
        is_verified=factory.is_verified,
        completed_deals=factory.completed_deals,
    )


def _supplier_from_service(post: Post) -> Supplier:
    factory = getattr(post.owner, "factory", None) if post.owner.account_type == AccountType.FACTORY else None
    categories = {post.category_id: post.category.name} if post.category_id and post.category else {}
    if factory is not None:
        categories = {**{c.pk: c.name for c in factory.categories.all()}, **categories}
    return Supplier(
        owner_id=post.owner_id,
        categories=categories,
        industry_id=post.industry_id or (factory.industry_id if factory else None),
        industry_name=(post.industry.name if post.industry_id and post.industry else "")
        or (factory.industry.name if factory else ""),
        processes={p.pk: p.name for p in post.process_types.all()},
        attribute_codes={a.code for a in factory.attributes.all()} if factory else set(),
        capacity_per_day=post.capacity_per_day,
        min_order=post.min_order,
        latitude=post.latitude if post.latitude is not None else getattr(post.region, "latitude", None),
        longitude=post.longitude if post.longitude is not None else getattr(post.region, "longitude", None),
        is_verified=bool(factory and factory.is_verified),
        completed_deals=factory.completed_deals if factory else 0,
    )


def _km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    if None in (lat1, lon1, lat2, lon2):
        return None
    return distance_km(lat1, lon1, lat2, lon2)  # type: ignore[arg-type]


def distance_reason(km: float) -> str:
    if km < 1:
        return "距离不到 1 公里"
    return f"距离 {round(km)} 公里"


def distance_points(km: float | None) -> float:
    if km is None:
        return 0.0
    if km <= NEAR_KM:
        return DISTANCE
    return max(0.0, DISTANCE * (1 - (km - NEAR_KM) / (FAR_KM - NEAR_KM)))


def _number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral() else f"{value.normalize():f}"


def responsive_points(stats: Responsiveness | None) -> float:
    """Responsiveness's share of the score: the reply rate, weighted by how fast the median reply is."""
    if stats is None or stats.response_rate is None:
        return 0.0
    minutes = stats.median_response_minutes
    speed = 1.0 if minutes is not None and minutes <= 120 else 0.6 if minutes is not None and minutes <= 1440 else 0.3
    return RESPONSIVE * stats.response_rate * speed


def score(demand: Demand, supplier: Supplier, stats: Responsiveness | None) -> tuple[int, list[str], float | None]:
    """The fit of a supplier to a demand: (score 0-100, reasons in Chinese, distance in km)."""
    points = 0.0
    reasons: list[str] = []

    # Fit: for processing, the processes asked for (most of it) and the product category (the rest).
    category = 0.0
    if demand.category_id and demand.category_id in supplier.categories:
        category = FIT
        reasons.append(f"同品类：{demand.category_name}")
    elif demand.industry_id and demand.industry_id == supplier.industry_id:
        category = FIT * 0.45
        reasons.append(f"同行业：{demand.industry_name}")
    if demand.processes:
        shared = [name for pid, name in demand.processes.items() if pid in supplier.processes]
        process = FIT * len(shared) / len(demand.processes)
        if shared:
            reasons.insert(0, "工艺匹配：" + "、".join(shared))
        points += process * 0.7 + category * 0.3
    else:
        points += category

    # Attributes the factory declared (R-TAX-3) against what the demand needs.
    today = timezone.localdate()
    days_left = (demand.delivery_date - today).days if demand.delivery_date else None
    if demand.quantity is not None:
        if demand.quantity <= SMALL_BATCH_MAX and "small_batch" in supplier.attribute_codes:
            points += 8
            reasons.append("可接小批量")
        elif demand.quantity >= LARGE_BATCH_MIN and "large_batch" in supplier.attribute_codes:
            points += 8
            reasons.append("可接大批量订单")
    if days_left is not None and 0 <= days_left <= URGENT_DAYS and "urgent_orders" in supplier.attribute_codes:
        points += 7
        reasons.append("可接急单")
    if demand.sample_required and "free_sample" in supplier.attribute_codes:
        points += 5
        reasons.append("免费打样")

    # Capacity against quantity and delivery.
    if supplier.capacity_per_day and demand.quantity:
        days_needed = math.ceil(demand.quantity / supplier.capacity_per_day)
        if days_left is not None and days_left > 0:
            if days_needed <= days_left:
                points += CAPACITY
                reasons.append(f"产能可按期交货（约 {days_needed} 天）")
            elif days_needed <= days_left * 1.5:
                points += CAPACITY * 0.4
        elif days_left is None and days_needed <= 30:
            points += CAPACITY * 0.6
            reasons.append(f"产能约 {days_needed} 天可完成")
    if supplier.min_order and demand.quantity is not None and demand.quantity < supplier.min_order:
        points -= CAPACITY * 0.5  # below the minimum order: possible, but the least likely to be taken

    km = _km(demand.latitude, demand.longitude, supplier.latitude, supplier.longitude)
    points += distance_points(km)
    if km is not None and km <= 500:
        reasons.append(distance_reason(km))

    if supplier.is_verified:
        points += VERIFIED
        reasons.append("已认证工厂")

    if stats is not None and stats.response_rate is not None:
        minutes = stats.median_response_minutes
        points += responsive_points(stats)
        phrase = response_phrase(minutes)
        if phrase and stats.response_rate >= 0.5:
            reasons.append(phrase)
    if supplier.completed_deals:
        reasons.append(f"已成交 {supplier.completed_deals} 单")
    return max(0, min(100, round(points))), reasons, km


# --- Candidate sets -------------------------------------------------------------------------------


def _factories() -> Any:
    return with_factory_relations(visible_factories())


def _service_capacity(owner_ids: list[int]) -> dict[int, Decimal]:
    """A factory's capacity per day, from its published supply posts (processing services; largest one)."""
    rows = (
        visible_posts()
        .filter(kind__in=registry.matched_kinds(side="supply"), owner_id__in=owner_ids, capacity_per_day__isnull=False)
        .values("owner_id")
        .annotate(capacity=Max("capacity_per_day"))
    )
    return {row["owner_id"]: row["capacity"] for row in rows}


def _post_candidates(kinds: Iterable[str]) -> Any:
    return with_card_relations(visible_posts().filter(kind__in=list(kinds))).prefetch_related(
        Prefetch("owner__factory__categories", queryset=CategoryTag.objects.only("id", "name")),
        Prefetch("owner__factory__attributes", queryset=AttributeTag.objects.only("id", "code", "name")),
    )


def _rank(matches: list[Match], limit: int) -> list[Match]:
    matches.sort(key=lambda m: (-m.score, m.distance_km if m.distance_km is not None else math.inf))
    return matches[:limit]


def _score_factories(demand: Demand, ids: list[int]) -> list[Match]:
    factories = list(_factories().filter(pk__in=ids))
    owner_ids = [f.owner_id for f in factories]
    capacity = _service_capacity(owner_ids)
    stats = response_stats(owner_ids)
    matches = []
    for factory in factories:
        value, reasons, km = score(
            demand,
            _supplier_from_factory(factory, capacity=capacity.get(factory.owner_id)),
            stats.get(factory.owner_id),
        )
        matches.append(Match(score=value, reasons=reasons, factory=factory, distance_km=km))
    return matches


def match_factories_for_demand(post: Post, *, limit: int = 20) -> list[Match]:
    """Verified factories that fit a procurement (or processing) demand, best first: the database ranks
    every fitting factory on the same points (``matching.ranking``), the best of them are scored here."""
    demand = _demand_from_post(post)
    if not demand.category_id and not demand.industry_id:
        return []
    pool = max(ranking.POOL, limit)
    best = (
        ranking.factory_pool(demand, exclude_owner_id=post.owner_id, same_category=True, limit=pool)
        if demand.category_id
        else []
    )
    ids = [pk for pk, _points in best]
    # A factory outside the category needs round(points) ≥ the 20th score to enter; ``LAG`` leaves room
    # for ranking rows that lag their factory. Both sets are scored exactly at once.
    at_least = best[limit - 1][1] - 0.5 - ranking.LAG if len(best) >= limit else None
    if demand.industry_id and (at_least is None or at_least <= ranking.industry_only_ceiling(demand)):
        others = ranking.factory_pool(
            demand,
            exclude_owner_id=post.owner_id,
            same_category=False,
            limit=limit,
            at_least=at_least,
            check_visibility=False,  # ``_score_factories`` reads visible factories only
        )
        ids += [pk for pk, _points in others]
    return _rank(_score_factories(demand, ids), limit)


def match_services_for_processing_demand(post: Post, *, limit: int = 20) -> list[Match]:
    """Supply posts of the demand's counterpart kinds (processing services) offering the processes a
    processing demand asks for."""
    demand = _demand_from_post(post)
    if not demand.processes:
        return []
    services = list(
        _post_candidates(registry.get(post.kind).counterpart_kinds)
        .filter(process_types__in=list(demand.processes))
        .exclude(owner_id=post.owner_id)
        .distinct()
        .order_by("-published_at", "-id")[:CANDIDATES]
    )
    stats = response_stats(s.owner_id for s in services)
    matches = []
    for service in services:
        value, reasons, km = score(demand, _supplier_from_service(service), stats.get(service.owner_id))
        matches.append(Match(score=value, reasons=reasons, post=service, distance_km=km))
    return _rank(matches, limit)


def match_demands_for_processing_service(post: Post, *, limit: int = 20) -> list[Match]:
    """The reverse: demands of the service's counterpart kinds (processing demands) it can take on."""
    supplier = _supplier_from_service(post)
    if not supplier.processes:
        return []
    demands = list(
        _post_candidates(registry.get(post.kind).counterpart_kinds)
        .filter(process_types__in=list(supplier.processes))
        .exclude(owner_id=post.owner_id)
        .distinct()
        .order_by("-published_at", "-id")[:CANDIDATES]
    )
    stats = response_stats([post.owner_id])
    matches = []
    for demand_post in demands:
        value, reasons, km = score(_demand_from_post(demand_post), supplier, stats.get(post.owner_id))
        matches.append(Match(score=value, reasons=reasons, post=demand_post, distance_km=km))
    return _rank(matches, limit)


def match_demands_for_factory(factory: FactoryProfile, *, limit: int = 20) -> list[Match]:
    """Demands fitted on category (procurement) in the factory's categories or industry, and demands
    fitted on process (processing demands) for the processes its supply posts offer — the demands that
    fit it (R-PLUS-1)."""
    category_ids = [c.pk for c in factory.categories.all()]
    services = list(
        visible_posts()
        .filter(kind__in=registry.matched_kinds(side="supply"), owner_id=factory.owner_id, status=PostStatus.PUBLISHED)
        .prefetch_related("process_types")
    )
    processes = {p.pk: p.name for s in services for p in s.process_types.all()}
    capacities = [s.capacity_per_day for s in services if s.capacity_per_day]
    supplier = _supplier_from_factory(factory, capacity=max(capacities) if capacities else None)
    supplier.processes = processes
    by_category = registry.matched_kinds(side="demand", fit="category")
    wanted: Any = Q(kind__in=by_category) & (Q(category_id__in=category_ids) | Q(industry_id=factory.industry_id))
    if processes:
        wanted |= Q(kind__in=registry.matched_kinds(side="demand", fit="process")) & Exists(
            Post.process_types.through.objects.filter(post_id=OuterRef("pk"), processtype_id__in=list(processes))
        )

    demands = list(
        with_card_relations(visible_posts().filter(wanted).exclude(owner_id=factory.owner_id)).order_by(
            "-published_at", "-id"
        )[:CANDIDATES]
    )
    stats = response_stats([factory.owner_id]).get(factory.owner_id)
    matches = []
    for demand_post in demands:
        demand = _demand_from_post(demand_post)
        if registry.get(demand_post.kind).match_fit == "category":
            demand.processes = {}
        value, reasons, km = score(demand, supplier, stats)
        matches.append(Match(score=value, reasons=reasons, post=demand_post, distance_km=km))
    return _rank(matches, limit)
