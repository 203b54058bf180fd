"""Search and matching latency at two (or more) data sizes, to see overhead and growth.

    uv run python bench/search_bench.py --sizes 10000,100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmt_bench uv run python bench/search_bench.py --sizes 10000,100000

For each size the data is grown to that many posts with ``bench/datagen.py`` (factories = posts / 10),
then for each query it prints p50 / p95 of:
  api    GET /api/search through Django's full stack (test Client): segmentation, visibility, facets,
         ranking, highlights, JSON
  raw    the bare full-text query (FTS5 MATCH + bm25 / tsvector @@ + ts_rank_cd), top 20
  like   a naive ``LIKE '%word%'`` scan over the posts' text: hit count per board, then top 20
and the same for a board list with filters and for two-way matching of a demand.
Without DATABASE_URL it uses var/bench.sqlite3 (never the development database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")

QUERIES = ["保温杯", "不锈钢真空保温杯", "缝纫工", "注塑", "蓝牙耳机", "外贸 纸箱"]


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    fn()  # warm caches
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95


def bench_size(repeat: int) -> None:
    from django.db import connection
    from django.test import Client

    from listings.models import Post
    from matching import matchers
    from search import search_backend, text
    from search.models import SearchDocument

    client = Client()
    posts = Post.objects.count()
    docs = SearchDocument.objects.count()
    print(f"\n== {connection.vendor}: {posts} posts, {docs} search documents ==")
    print(f"{'query':<18}{'hits':>7}  {'api p50/p95 ms':>16}  {'raw p50/p95 ms':>16}  {'like p50/p95 ms':>16}")

    for query in QUERIES:
        parsed = text.parse_query(query)
        sql, params = search_backend.raw_match_sql(parsed)
        words = parsed.words

        def api_call(q: str = query) -> Any:
            response = client.get("/api/search", {"q": q})
            assert response.status_code == 200, response.content[:200]
            return response

        def raw_call(sql: str = sql, params: list[str] = params) -> None:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                cursor.fetchall()

        def like_call(words: list[str] = words) -> None:
            where = " AND ".join(["search_text LIKE %s"] * len(words))
            # Like the search, it counts every hit (for the facet) and returns the newest 20.
            with connection.cursor() as cursor:
                like = [f"%{w}%" for w in words]
                cursor.execute(
                    f"SELECT kind, COUNT(*) FROM listings_post WHERE status = 'published' AND {where} GROUP BY kind",
                    like,
                )
                cursor.fetchall()
                cursor.execute(
                    f"SELECT id FROM listings_post WHERE status = 'published' AND {where} ORDER BY id DESC LIMIT 20",
                    like,
                )
                cursor.fetchall()

        hits = api_call().json()["count"]
        api = timed(api_call, repeat)
        raw = timed(raw_call, repeat)
        like = timed(like_call, repeat)
        print(
            f"{query:<18}{hits:>7}  {api[0]:>7.1f}/{api[1]:<8.1f}  {raw[0]:>7.1f}/{raw[1]:<8.1f}  "
            f"{like[0]:>7.1f}/{like[1]:<8.1f}"
        )

    lists = {
        "procurement newest": ("/api/discovery/procurement", {}),
        "stock cheapest+region": ("/api/discovery/stock", {"sort": "cheapest", "region": "330000"}),
        "labour nearest 50km": (
            "/api/discovery/labour",
            {"sort": "nearest", "lat": 23.02, "lng": 113.75, "within_km": 50},
        ),
        "labour wage+meals": ("/api/discovery/labour", {"sort": "wage", "meals": "true"}),
        "stock q=保温杯": ("/api/discovery/stock", {"q": "保温杯"}),
    }
    print(f"{'list':<24}{'count':>7}  {'api p50/p95 ms':>16}")
    for name, (path, params) in lists.items():

        def list_call(path: str = path, params: dict[str, Any] = params) -> Any:
            response = client.get(path, params)
            assert response.status_code == 200, response.content[:200]
            return response

        count = list_call().json()["count"]
        p50, p95 = timed(list_call, repeat)
        print(f"{name:<24}{count:>7}  {p50:>7.1f}/{p95:<8.1f}")

    from listings.models import PostKind

    demand = (
        Post.objects.filter(kind=PostKind.PROCUREMENT, status="published")
        .select_related("category", "industry", "region", "owner")
        .first()
    )
    service = Post.objects.filter(kind=PostKind.PROCESSING_DEMAND, status="published").first()
    for name, post, fn in (
        ("match factories", demand, matchers.match_factories_for_demand),
        ("match services", service, matchers.match_services_for_processing_demand),
    ):
        if post is None:
            continue
        found = len(fn(post))
        p50, p95 = timed(lambda post=post, fn=fn: fn(post), max(5, repeat // 3))
        print(f"{name:<24}{found:>7}  {p50:>7.1f}/{p95:<8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="post counts, ascending, comma-separated")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    parser.add_argument("--keep", action="store_true", help="keep the data already there (no reset)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)

    import django

    django.setup()
    import datagen
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from listings.models import Post

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    datagen.ensure_recruitment_licence()
    if not args.keep:
        datagen.reset()
    for size in sizes:
        missing = size - Post.objects.filter(owner__username__startswith="bench_").count()
        if missing > 0:
            datagen.generate(posts=missing, factories=max(1, missing // 10), seed=size)
            call_command("rebuild_search_index")
            if connection.vendor == "postgresql":
                # As autovacuum would soon after a bulk load: fresh statistics for every table.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        bench_size(args.repeat)


if __name__ == "__main__":
    main()
