"""The reference ranking of factories for a demand (issue #13): ``matchers.score`` over every visible
factory, in Python. Seconds at 100k factories; for the correctness tests and ``bench/match_bench.py``
only. It needs nothing but ``matchers``' scoring functions, so the benchmark can hold it against an
older checkout's code."""

from __future__ import annotations

import math
from typing import Any

from matching import matchers as m


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
