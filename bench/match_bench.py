"""Matching a new demand to factories (issue #13): latency of the top 20, and how much of it agrees with
scoring every factory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmt_bench uv run python bench/match_bench.py
    uv run python bench/datagen.py --posts 100000 --factories 100000   # the data it expects (100k factories)

ours       ``matching.matchers.match_factories_for_demand`` in-process (the database ranks every
           fitting factory, ``matching.ranking``), p50 / p95 over ``--demands`` procurement and
           processing demands, each run ``--repeat`` times
reference  ``matching.reference.exhaustive_factories``: ``matchers.score`` over every visible factory in
           Python, on ``--checked`` of those demands; overlap = factories both top 20s share
``--backend /path/to/backend`` runs the same against another checkout's code (e.g. main, for "before").
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--demands", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--checked", type=int, default=8, help="demands compared with exhaustive scoring")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--backend", default=str(ROOT / "backend"))
    args = parser.parse_args()
    sys.path.insert(0, args.backend)

    import django

    django.setup()
    from django.db import connection

    from factories.selectors import visible_factories
    from listings.models import Post, PostKind, PostStatus
    from matching import matchers

    reference = _reference()

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
            if os.environ.get("BENCH_JIT", "off") == "off":
                # JIT costs ~1 s on these queries (issue #13); production settings turn it off too.
                cursor.execute("SET jit = off")
    factories = visible_factories().count()
    rng = random.Random(args.seed)
    pool = list(
        Post.objects.filter(
            kind__in=[PostKind.PROCUREMENT, PostKind.PROCESSING_DEMAND], status=PostStatus.PUBLISHED
        ).values_list("pk", flat=True)[:5000]
    )
    demands = [
        Post.objects.select_related("category", "industry", "region").get(pk=pk)
        for pk in rng.sample(pool, min(args.demands, len(pool)))
    ]
    print(f"{connection.vendor}: {factories} visible factories, {len(demands)} demands, code from {args.backend}")
    print("load average at start (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))

    samples: list[float] = []
    ours: dict[int, list[int]] = {}
    for post in demands:
        matchers.match_factories_for_demand(post)  # warm
        for _ in range(args.repeat):
            started = time.perf_counter()
            matches = matchers.match_factories_for_demand(post)
            samples.append((time.perf_counter() - started) * 1000)
        ours[post.pk] = [m.factory.pk for m in matches if m.factory is not None]

    overlaps, ref_ms = [], []
    for post in demands[: args.checked]:
        started = time.perf_counter()
        best = [pk for pk, _score, _km in reference(post, limit=20)]
        ref_ms.append((time.perf_counter() - started) * 1000)
        overlaps.append(len(set(best) & set(ours[post.pk])))

    p95 = percentile(samples, 0.95)
    rows = [
        ("match top 20, p50 (ms)", statistics.median(samples), statistics.median(ref_ms), "", None),
        ("match top 20, p95 (ms)", p95, percentile(ref_ms, 0.95), "≤ 50", p95 <= 50),
        ("overlap with exhaustive, worst (of 20)", min(overlaps), 20, "≥ 19", min(overlaps) >= 19),
        ("overlap with exhaustive, mean (of 20)", statistics.mean(overlaps), 20, "", None),
    ]
    print("\n| figure | size | ours | reference | ratio | goal | met |\n|---|---|---|---|---|---|---|")
    for name, value, ref, goal, met in rows:
        ratio = f"{value / ref:.3f}" if ref else "–"
        flag = "" if met is None else ("yes" if met else "NO")
        print(f"| {name} | {factories} factories | {value:.1f} | {ref:.1f} | {ratio} | {goal} | {flag} |")
    print(f"\noverlaps per checked demand: {overlaps}")
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


def _reference() -> Any:
    """The exhaustive reference from this checkout (``matching.reference``), even when ``--backend`` points
    at code without it: it only needs ``matchers``' scoring functions, which both have."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_reference_ranking", ROOT / "backend" / "matching" / "reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.exhaustive_factories


if __name__ == "__main__":
    main()
