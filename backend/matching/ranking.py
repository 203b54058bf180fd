"""Which factories are worth scoring for a demand (issue #13): the database ranks every fitting factory.

``matchers.score`` is the one definition of a match score. Scoring every factory in Python costs seconds
at 100k factories, and pre-selecting a few hundred by category and deals (as before) let distance and
capacity lose: the top 20 shared 6 of 20 with scoring every factory. Here the same points are written
as one SQL expression — fit (category, else industry), declared attributes, capacity from the owner's
published supply posts against the demand's quantity and delivery date, great-circle distance and
verification — so the database orders every fitting factory and hands back the best ``POOL``; those
are then scored exactly by ``matchers.score`` (which adds responsiveness, from chat history, ≤ 10
points) and ranked.

``exhaustive_factories`` is the reference: ``matchers.score`` over every visible factory, used by the
correctness test and ``bench/match_bench.py``.
"""

from __future__ import annotations

import math
from typing import Any

from django.db import connection
from django.utils import timezone

from factories.models import FactoryProfile
from factories.selectors import visible_factories
from listings import registry
from listings.models import Post, PostStatus
from matching import matchers as m  # matchers imports this module too; only functions read it
from regions.geo import EARTH_RADIUS_KM
from regions.models import Region
from taxonomy.models import AttributeTag

# Factories handed from the database's ranking to exact scoring: the top 20 plus room for the points
# only Python knows (responsiveness) and for rounding at the edge.
POOL = 100

FACTORIES_TABLE = FactoryProfile._meta.db_table
CATEGORIES_TABLE = FactoryProfile.categories.through._meta.db_table
ATTRIBUTES_TABLE = FactoryProfile.attributes.through._meta.db_table
POSTS_TABLE = Post._meta.db_table
REGIONS_TABLE = Region._meta.db_table
LEAST = "LEAST" if connection.vendor == "postgresql" else "MIN"  # SQLite's two-argument MIN is LEAST


def SUPPLY_KINDS() -> list[str]:
    return registry.matched_kinds(side="supply")


def _attribute_points(demand: m.Demand) -> dict[int, int]:
    """{attribute tag id: points} for the declared attributes this demand rewards."""
    today = timezone.localdate()
    days_left = (demand.delivery_date - today).days if demand.delivery_date else None
    wanted: dict[str, int] = {}
    if demand.quantity is not None:
        if demand.quantity <= m.SMALL_BATCH_MAX:
            wanted["small_batch"] = 8
        elif demand.quantity >= m.LARGE_BATCH_MIN:
            wanted["large_batch"] = 8
    if days_left is not None and 0 <= days_left <= m.URGENT_DAYS:
        wanted["urgent_orders"] = 7
    if demand.sample_required:
        wanted["free_sample"] = 5
    ids = AttributeTag.objects.filter(code__in=list(wanted)).values_list("code", "pk")
    return {pk: wanted[code] for code, pk in ids}


def _capacity_steps(demand: m.Demand) -> list[tuple[float, float]]:
    """``matchers.score``'s capacity points as [(capacity per day at least, points)], best first:
    ``ceil(q / c) ≤ n`` is ``c ≥ q / n`` for a whole ``n``."""
    if not demand.quantity:
        return []
    quantity = float(demand.quantity)
    days_left = (demand.delivery_date - timezone.localdate()).days if demand.delivery_date else None
    if days_left is None:
        return [(quantity / 30, m.CAPACITY * 0.6)]
    if days_left <= 0:
        return []
    steps = [(quantity / days_left, float(m.CAPACITY))]
    if math.floor(days_left * 1.5) > days_left:
        steps.append((quantity / math.floor(days_left * 1.5), m.CAPACITY * 0.4))
    # A hair below the bound, so float rounding never drops a factory that earns the points.
    return [(need * (1 - 1e-9), points) for need, points in steps]


def factory_pool(demand: m.Demand, *, exclude_owner_id: int, same_category: bool, limit: int = POOL) -> list[int]:
    """Ids of the visible factories of ``demand``'s category (``same_category``), or else of its industry
    but not its category, best first by every point but responsiveness, at most ``limit``.

    One query over the factories table: the distance is computed once per factory in a derived table
    (the ORM would repeat the expression in every ``CASE``), the capacity comes from one aggregate of
    the supply posts that can earn capacity points at all, and the owner's account visibility is
    applied to the few best rows only (``visible_factories`` on the ids), not joined to every factory."""
    params: list[Any] = []
    fit_share = 0.3 if demand.processes else 1.0  # a factory offers no processes: the category's share
    attributes = _attribute_points(demand)
    attribute_sql = (
        " + ".join(
            f"CASE WHEN f.id IN (SELECT factoryprofile_id FROM {ATTRIBUTES_TABLE} WHERE attributetag_id = {int(pk)}) "
            f"THEN {points} ELSE 0 END"
            for pk, points in attributes.items()
        )
        or "0"
    )
    steps = _capacity_steps(demand)
    if steps:
        capacity_join = (
            f"LEFT JOIN (SELECT p.owner_id, MAX(p.capacity_per_day) AS cap FROM {POSTS_TABLE} p "
            f"WHERE p.kind IN ({', '.join(['%s'] * len(SUPPLY_KINDS()))}) AND p.status = %s "
            "AND p.valid_until >= %s AND p.capacity_per_day >= %s GROUP BY p.owner_id) c ON c.owner_id = f.owner_id"
        )
        params += [*SUPPLY_KINDS(), PostStatus.PUBLISHED, timezone.localdate(), steps[-1][0]]
        capacity_sql = (
            "CASE " + " ".join(f"WHEN c.cap >= {need!r} THEN {points!r}" for need, points in steps) + " ELSE 0 END"
        )
    else:
        capacity_join, capacity_sql = "", "0"
    if demand.latitude is not None and demand.longitude is not None:
        phi1, lam1 = math.radians(demand.latitude), math.radians(demand.longitude)
        lat = "RADIANS(COALESCE(f.latitude, r.latitude))"
        lon = "RADIANS(COALESCE(f.longitude, r.longitude))"
        km_sql = (
            f"{2 * EARTH_RADIUS_KM!r} * ASIN({LEAST}(1.0, SQRT(POWER(SIN(({lat} - {phi1!r}) / 2), 2) "
            f"+ {math.cos(phi1)!r} * COS({lat}) * POWER(SIN(({lon} - {lam1!r}) / 2), 2))))"
        )
    else:
        km_sql = "NULL"
    slope = m.DISTANCE / (m.FAR_KM - m.NEAR_KM)
    if same_category:
        # From the category's links (an index), not a scan of every factory.
        source = f"{CATEGORIES_TABLE} fc JOIN {FACTORIES_TABLE} f ON f.id = fc.factoryprofile_id"
        fits = "fc.categorytag_id = %s"
        params_where = [demand.category_id or 0, exclude_owner_id]
    else:
        source = f"{FACTORIES_TABLE} f"
        fits = (
            "f.industry_id = %s AND f.id NOT IN "
            f"(SELECT factoryprofile_id FROM {CATEGORIES_TABLE} WHERE categorytag_id = %s)"
        )
        params_where = [demand.industry_id or 0, demand.category_id or 0, exclude_owner_id]
    sql = f"""
        SELECT id FROM (
            SELECT f.id,
                (CASE WHEN f.id IN (SELECT factoryprofile_id FROM {CATEGORIES_TABLE} WHERE categorytag_id = %s)
                      THEN {m.FIT * fit_share!r} WHEN f.industry_id = %s THEN {m.FIT * 0.45 * fit_share!r} ELSE 0 END)
                + ({attribute_sql}) + ({capacity_sql})
                + CASE WHEN f.is_verified THEN {m.VERIFIED} ELSE 0 END AS base,
                {km_sql} AS km
            FROM {source}
            JOIN {REGIONS_TABLE} r ON r.{Region._meta.pk.column} = f.region_id
            {capacity_join}
            WHERE f.is_verified AND {fits} AND f.owner_id <> %s
        ) s
        ORDER BY s.base + CASE WHEN s.km IS NULL THEN 0 WHEN s.km <= {m.NEAR_KM!r} THEN {float(m.DISTANCE)!r}
                               WHEN s.km >= {m.FAR_KM!r} THEN 0
                               ELSE {m.DISTANCE + slope * m.NEAR_KM!r} - s.km * {slope!r} END DESC,
                 CASE WHEN s.km IS NULL THEN 1 ELSE 0 END, s.km, s.id DESC
        LIMIT %s
    """
    params = [demand.category_id or 0, demand.industry_id or 0, *params, *params_where]
    # Hidden owners (disabled, cancelled) are rare: rank a few more than asked and drop them here.
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit + limit // 2 + 10])
        ranked = [row[0] for row in cursor.fetchall()]
    visible = set(visible_factories().filter(pk__in=ranked).values_list("pk", flat=True))
    return [pk for pk in ranked if pk in visible][:limit]


def industry_only_ceiling(demand: m.Demand) -> float:
    """The most a factory of the demand's industry but not its category can score (every attribute,
    full capacity, near, verified, responsive): when the 20th best of the category is above it, the
    industry-only factories need no ranking at all."""
    fit_share = 0.3 if demand.processes else 1.0
    capacity = max((points for _need, points in _capacity_steps(demand)), default=0.0)
    return (
        m.FIT * 0.45 * fit_share
        + sum(_attribute_points(demand).values())
        + capacity
        + m.DISTANCE
        + m.VERIFIED
        + m.RESPONSIVE
    )


def exhaustive_factories(post: Any, *, limit: int = 20) -> list[tuple[int, int, float | None]]:
    """The reference: ``matchers.score`` over every visible factory that fits (same category or
    industry, not the asker's own), ranked as ``match_factories_for_demand`` ranks —
    ``[(factory id, score, km)]``. Seconds at 100k factories; for tests and benchmarks only."""
    demand = m._demand_from_post(post)
    factories = list(m._factories().exclude(owner_id=post.owner_id))
    owner_ids = [f.owner_id for f in factories]
    capacity = m._service_capacity(owner_ids)
    stats = m.response_stats(owner_ids)
    scored = []
    for factory in factories:
        supplier = m._supplier_from_factory(factory, capacity=capacity.get(factory.owner_id))
        fits = (demand.category_id and demand.category_id in supplier.categories) or (
            demand.industry_id and demand.industry_id == supplier.industry_id
        )
        if not fits:
            continue
        value, _reasons, km = m.score(demand, supplier, stats.get(factory.owner_id))
        scored.append((factory.pk, value, km))
    scored.sort(key=lambda row: (-row[1], row[2] if row[2] is not None else math.inf))
    return scored[:limit]
