"""Which factories are worth scoring for a demand (issue #13): the database ranks every fitting factory.

``matchers.score`` is the one definition of a match score. Scoring every factory in Python costs seconds
at 100k factories, and pre-selecting a few hundred by category and deals (as before) let distance and
capacity lose. Here the same points are written as one SQL expression over ``FactoryRank`` — one narrow
row per (factory, category) carrying the declared attributes as bits, the capacity of the owner's
published supply posts, the location and the responsiveness points — so a demand's candidates are one
index range (``factory_rank_category_idx``, an index-only scan) and the database orders every fitting
factory by fit, attributes, capacity against the demand's quantity and delivery date, great-circle
distance, verification and responsiveness, rounded as ``score`` rounds, then by distance. The best
``POOL`` are then scored exactly by ``matchers.score`` on the live rows, so a row that lags its factory
(a supply post expired since the hourly refresh) can only change who is rescored, never a score shown.

``matching.reference.exhaustive_factories`` is the reference the tests and ``bench/match_bench.py`` hold
this against.
"""

from __future__ import annotations

import math
from typing import Any

from django.db import connection
from django.utils import timezone

from factories.selectors import visible_factories
from matching import matchers as m  # matchers imports this module too; only functions read it
from matching.models import ATTRIBUTE_BITS, FactoryRank
from regions.geo import EARTH_RADIUS_KM

# Factories handed from the database's ranking to exact scoring: the top 20 plus room for rows that lag
# their factory and for rounding at the edge.
POOL = 30
# Points a ranking row may be behind its factory's live score when it is used as a bound.
LAG = 1.0

RANKS_TABLE = FactoryRank._meta.db_table
LEAST = "LEAST" if connection.vendor == "postgresql" else "MIN"  # SQLite's two-argument MIN is LEAST
FENCE = "OFFSET 0" if connection.vendor == "postgresql" else "LIMIT -1 OFFSET 0"  # SQLite: no OFFSET alone


def _attribute_points(demand: m.Demand) -> dict[str, int]:
    """{attribute code: points} for the declared attributes this demand rewards."""
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
    return wanted


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


def candidate_sql(
    demand: m.Demand, *, exclude_owner_id: int, same_category: bool, limit: int, at_least: float | None = None
) -> tuple[str, list[Any]]:
    """The ranking query and its parameters: ``(factory_id, points)`` of the best ``limit`` rows, best
    first, ``points`` being the score the stored row gives.
    ``at_least``: leave out rows that cannot reach these points even at the full distance points (a
    cheap test on the stored columns, before any distance is computed)."""
    fit_share = 0.3 if demand.processes else 1.0  # a factory offers no processes: the category's share
    fit = m.FIT * fit_share if same_category else m.FIT * 0.45 * fit_share
    attribute_sql = (
        " + ".join(
            f"CASE WHEN (r.attributes & {ATTRIBUTE_BITS[code]}) <> 0 THEN {points} ELSE 0 END"
            for code, points in _attribute_points(demand).items()
        )
        or "0"
    )
    steps = _capacity_steps(demand)
    capacity_sql = (
        "CASE "
        + " ".join(f"WHEN r.capacity_per_day >= {need!r} THEN {points!r}" for need, points in steps)
        + " ELSE 0 END"
        if steps
        else "0"
    )
    if demand.latitude is not None and demand.longitude is not None:
        phi1, lam1 = math.radians(demand.latitude), math.radians(demand.longitude)
        lat, lon = "RADIANS(r.latitude)", "RADIANS(r.longitude)"
        km_sql = (
            f"{2 * EARTH_RADIUS_KM!r} * ASIN({LEAST}(1.0, SQRT(POWER(SIN(({lat} - {phi1!r}) / 2), 2) "
            f"+ {math.cos(phi1)!r} * COS({lat}) * POWER(SIN(({lon} - {lam1!r}) / 2), 2))))"
        )
    else:
        km_sql = "NULL"
    slope = m.DISTANCE / (m.FAR_KM - m.NEAR_KM)
    if same_category:
        fits = "r.category_id = %s AND r.category_id IS NOT NULL"
        params: list[Any] = [demand.category_id or 0]
    else:
        # The industry's row of each factory, less those that also offer the category (a factory's rows
        # share its verified flag, so the category's own partial index answers that).
        fits = (
            "r.category_id IS NULL AND r.industry_id = %s AND NOT EXISTS "
            f"(SELECT 1 FROM {RANKS_TABLE} c WHERE c.factory_id = r.factory_id AND c.category_id = %s "
            "AND c.category_id IS NOT NULL AND c.is_verified)"
        )
        params = [demand.industry_id or 0, demand.category_id or 0]
    # Every point but distance, in double precision (the stored column first, so PostgreSQL adds floats).
    base_sql = f"r.responsive_points + {fit + m.VERIFIED!r} + ({attribute_sql}) + ({capacity_sql})"
    params.append(exclude_owner_id)
    bound = ""
    if at_least is not None:
        bound = f"AND {base_sql} >= %s"
        params.append(at_least - m.DISTANCE)
    # The derived table is a fence (OFFSET 0), so the distance is computed once a row, not once per use.
    sql = f"""
        SELECT factory_id, ROUND(s.base + CASE WHEN s.km IS NULL THEN 0
            WHEN s.km <= {m.NEAR_KM!r} THEN {float(m.DISTANCE)!r} WHEN s.km >= {m.FAR_KM!r} THEN 0
            ELSE {m.DISTANCE + slope * m.NEAR_KM!r} - s.km * {slope!r} END) AS points
        FROM (
            SELECT r.factory_id, {base_sql} AS base, {km_sql} AS km
            FROM {RANKS_TABLE} r
            WHERE r.is_verified AND {fits} AND r.owner_id <> %s {bound}
            {FENCE}
        ) s
        ORDER BY points DESC, CASE WHEN s.km IS NULL THEN 1 ELSE 0 END, s.km, s.factory_id DESC
        LIMIT %s
    """
    return sql, [*params, limit]


def factory_pool(
    demand: m.Demand,
    *,
    exclude_owner_id: int,
    same_category: bool,
    limit: int = POOL,
    at_least: float | None = None,
    check_visibility: bool = True,
) -> list[tuple[int, float]]:
    """``(id, points by the stored row)`` of the visible factories of ``demand``'s category
    (``same_category``), or else of its industry but not its category, best first, at most ``limit``,
    only those whose stored points can reach ``at_least``. The owner's account visibility is applied to
    the few best rows only (``visible_factories`` on the ids): hidden owners are rare, so a few more than
    asked are ranked and those dropped here — or, without ``check_visibility``, by the exact scoring that
    follows (which reads visible factories only), when nothing is computed from these rows first."""
    sql, params = candidate_sql(
        demand, exclude_owner_id=exclude_owner_id, same_category=same_category, limit=limit + 10, at_least=at_least
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ranked = [(pk, float(points)) for pk, points in cursor.fetchall()]
    if not ranked or not check_visibility:
        return ranked[:limit]
    visible = set(visible_factories().filter(pk__in=[pk for pk, _ in ranked]).values_list("pk", flat=True))
    return [row for row in ranked if row[0] in visible][:limit]


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
