"""Board lists, search and throughput over HTTP against the production server command (issue #13).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmt_bench uv run python bench/http_bench.py --posts 100000
    make bench-1m                                   # 1M posts, 100k factories (loads them first: ~10 min)
    ... http_bench.py --only search --port 8170      # some figures only: boards, deep, search, throughput

PostgreSQL only (on SQLite it says so and exits 0). The data is grown to ``--posts`` with
``bench/datagen.py`` when the database has fewer bench posts. The server is ``make serve-prod`` (uvicorn,
one worker per core) on ``--port``; each figure is measured over HTTP beside a reference answering the same
question in the same run:
  - board lists and deep pages: the SQL the API ran for that very request (captured in-process), replayed
    on one database connection: what the database alone costs;
  - search: a ``LIKE '%word%'`` scan with the same visibility (visible posts only, facets per board and the
    newest 20);
  - throughput: ``GET /healthz`` of the same server (full HTTP + middleware stack, no query).
Latency: sequential requests on one keep-alive connection (p50/p95). Throughput: ``wrk`` (Debian package
``wrk``; without it an asyncio httpx client, which is slower than the server and says so) at 32 connections.
The machine is shared: the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

ROWS: list[tuple[str, str, str, str, str, str, str]] = []
FIGURES = ("boards", "deep", "search", "throughput")


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def row(figure: str, size: str, ours: float, ref: float | None, goal: str, met: bool | None, unit: str = "ms") -> None:
    ratio = f"{ours / ref:.1f}x" if ref else "-"
    ROWS.append(
        (
            figure,
            size,
            f"{ours:.1f} {unit}",
            f"{ref:.1f} {unit}" if ref is not None else "-",
            ratio,
            goal,
            "-" if met is None else ("yes" if met else "NO"),
        )
    )
    print(f"  {figure}: ours {ours:.1f} {unit}, reference {ref if ref is None else round(ref, 1)}", flush=True)


def print_table() -> None:
    head = ("figure", "size", "ours", "reference", "ratio", "goal", "met")
    widths = [max(len(r[i]) for r in [head, *ROWS]) for i in range(len(head))]
    for r in [head, tuple("-" * w for w in widths), *ROWS]:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


class Server:
    """``make serve-prod`` on a port of its own, stopped at the end."""

    def __init__(self, port: int, workers: int) -> None:
        # Rate limits off: the bench asks one endpoint hundreds of times a minute from one address.
        env = {
            **os.environ,
            "PORT": str(port),
            "HOST": "127.0.0.1",
            "WORKERS": str(workers),
            "CMT_RATE_LIMITS_ENABLED": "0",
        }
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            ["make", "--no-print-directory", "-s", "serve-prod"], cwd=ROOT, env=env, start_new_session=True
        )

    def wait(self) -> None:
        import httpx

        for _ in range(120):
            try:
                if httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        os.killpg(self.proc.pid, 15)
        self.proc.wait(timeout=30)


def http_latency(
    client: Any, path: str, params: dict[str, Any], repeat: int, *, uncached: bool = False
) -> tuple[list[float], Any]:
    """``uncached``: each request differs by a parameter the API ignores, so the shared cache of
    anonymous board answers (``discovery.board_cache``) never answers it."""
    client.get(path, params=params)  # warm: each worker's connection, caches
    samples, body = [], None
    for i in range(repeat):
        started = time.perf_counter()
        response = client.get(path, params={**params, "bench": f"{time.time()}-{i}"} if uncached else params)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, params, response.text[:300])
        body = response.json()
    return samples, body


def captured_sql(path: str, params: dict[str, Any]) -> list[tuple[str, Any]]:
    """The queries the API runs for one request, captured in-process (same code, same database), with
    the cache of anonymous board answers off: the reference is the database's cost of the answer."""
    from django.db import connection
    from django.test import Client, override_settings

    queries: list[tuple[str, Any]] = []

    def record(execute: Callable[..., Any], sql: str, qparams: Any, many: bool, context: Any) -> Any:
        queries.append((sql, qparams))
        return execute(sql, qparams, many, context)

    client = Client(HTTP_HOST="127.0.0.1")
    with connection.execute_wrapper(record), override_settings(BOARD_CACHE_SECONDS=0):
        response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return [(sql, p) for sql, p in queries if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE"))]


def replay(queries: list[tuple[str, Any]], repeat: int) -> list[float]:
    from django.db import connection

    samples = []
    with connection.cursor() as cursor:
        for _ in range(repeat + 1):
            started = time.perf_counter()
            for sql, params in queries:
                cursor.execute(sql, params)
                cursor.fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return samples[1:]


def like_search(word: str, repeat: int) -> list[float]:
    """What the search answers (facets per board, newest 20), by a LIKE scan with the same visibility."""
    from django.db.models import Count

    from listings.selectors import visible_posts

    hits = visible_posts().filter(search_text__contains=word)
    facets = hits.order_by().values("kind").annotate(n=Count("id"))
    page = hits.order_by("-published_at", "-id").values_list("id", flat=True)[:20]
    queries = [facets.query.sql_with_params(), page.query.sql_with_params()]
    return replay(queries, repeat)


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "errors": (sum(int(x) for x in errors.groups()[:3]) if errors else 0) + (int(non2xx.group(1)) if non2xx else 0),
        "timeouts": int(errors.group(4)) if errors else 0,
    }


def httpx_load(url: str, seconds: int, connections: int) -> dict[str, float]:
    import httpx

    async def run() -> dict[str, float]:
        done = errors = timeouts = 0
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:
            deadline = time.perf_counter() + seconds

            async def loop() -> None:
                nonlocal done, errors, timeouts
                while time.perf_counter() < deadline:
                    try:
                        response = await client.get(url)
                        done += 1
                        errors += response.status_code != 200
                    except httpx.TimeoutException:
                        timeouts += 1
                    except httpx.HTTPError:
                        errors += 1

            started = time.perf_counter()
            await asyncio.gather(*(loop() for _ in range(connections)))
            return {"rps": done / (time.perf_counter() - started), "errors": errors, "timeouts": timeouts}

    return asyncio.run(run())


def ensure_data(posts: int, factories: int | None) -> None:
    import datagen
    from django.core.management import call_command

    from listings.models import Post

    call_command("migrate", verbosity=0)
    datagen.ensure_recruitment_licence()
    have = Post.objects.filter(owner__username__startswith="bench_").count()
    if have < posts:
        missing = posts - have
        print(f"loading {missing} posts (have {have})", flush=True)
        datagen._memoise_segmentation()
        datagen.generate(posts=missing, factories=factories or max(1, missing // 10), seed=posts)
        datagen.finish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=100_000, help="bench posts to have (grown with datagen)")
    parser.add_argument("--factories", type=int, default=None, help="factories to add when growing (posts/10)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8120")))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per latency figure")
    parser.add_argument("--seconds", type=int, default=10, help="duration of each throughput run")
    parser.add_argument(
        "--only",
        choices=FIGURES,
        action="append",
        help="measure only these figures (repeatable; default: all of " + ", ".join(FIGURES) + ")",
    )
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    from django.db import connection

    logging.getLogger("httpx").setLevel(logging.WARNING)
    if connection.vendor != "postgresql":
        print("http_bench: skipped — it measures PostgreSQL (set DATABASE_URL=postgres://…)")
        return
    ensure_data(args.posts, args.factories)
    import httpx

    from listings import registry
    from listings.models import Post

    visible = Post.objects.filter(status="published").count()
    size = f"{visible // 1000}k" if visible < 1_000_000 else f"{visible / 1e6:.1f}M"
    print(f"{visible} published posts; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    only = set(args.only or FIGURES)
    server = Server(args.port, args.workers)
    try:
        server.wait()
        client = httpx.Client(base_url=server.base, timeout=30)
        where = {"lat": 30.0, "lng": 120.2, "within_km": 50}  # nearest: around 杭州, 50 km
        for spec in registry.all() if "boards" in only else []:
            for sort in spec.sorts:
                params: dict[str, Any] = {"sort": sort.key, **(where if sort.needs_location else {})}
                path = f"/api/discovery/{spec.kind}"
                samples, _ = http_latency(client, path, params, args.repeat)
                ref = replay(captured_sql(path, params), args.repeat)
                label = f"board {spec.kind} {sort.key}{' 50km' if sort.needs_location else ''} p1"
                row(f"{label} p50", size, statistics.median(samples), statistics.median(ref), "-", None)
                row(f"{label} p95", size, pct(samples, 0.95), pct(ref, 0.95), "<= 20 ms", pct(samples, 0.95) <= 20)
                if sort.needs_location or spec.kind == "procurement":
                    # What a reader the cache cannot answer waits: a new query, or a signed-in reader.
                    more = {k: v for k, v in params.items() if k != "within_km"} if sort.needs_location else params
                    samples, _ = http_latency(client, path, more, args.repeat, uncached=True)
                    ref = replay(captured_sql(path, more), args.repeat)
                    label = f"board {spec.kind} {sort.key} p1 uncached"
                    ok = pct(samples, 0.95) <= 20
                    row(f"{label} p95", size, pct(samples, 0.95), pct(ref, 0.95), "<= 20 ms", ok)

        if "deep" in only:
            deep_pages(client, size, args.repeat)
        if "search" in only:
            search_figures(client, size, args.repeat)
        if "throughput" in only:
            throughput(server, size, args.seconds)
    finally:
        server.stop()
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}; workers {args.workers}; {time.strftime('%H:%M:%S')}")
    print_table()


def deep_pages(client: Any, size: str, repeat: int) -> None:
    """Follow the cursor 50 pages down, then time that page by cursor and by page number."""
    path, cursor = "/api/discovery/procurement", None
    page1, _ = http_latency(client, path, {}, repeat)
    for _ in range(50):
        cursor = client.get(path, params={"cursor": cursor} if cursor else {}).json()["next_cursor"]
    deep, _ = http_latency(client, path, {"cursor": cursor}, repeat)
    ref = replay(captured_sql(path, {"cursor": cursor}), repeat)
    row(
        "board procurement page 51 by cursor p95",
        size,
        pct(deep, 0.95),
        pct(ref, 0.95),
        "<= 20 ms",
        pct(deep, 0.95) <= 20,
    )
    row("  same vs page 1 (p95 ratio)", size, pct(deep, 0.95) / pct(page1, 0.95), None, "~1x", None, "x")
    offset, _ = http_latency(client, path, {"page": 51}, repeat)
    row("board procurement page 51 by number p95", size, pct(offset, 0.95), None, "-", None)


def search_figures(client: Any, size: str, repeat: int) -> None:
    """A common and a rare word: page 1, page 100 by cursor (the pages a client follows) and by number,
    beside a LIKE scan with the same visibility answering page 1 (facets per board, newest 20)."""
    from datagen import RARE_WORD  # planted by datagen in one post of 2,000

    for word, goal in (("保温杯", 50), (RARE_WORD, 15)):
        like = like_search(word, max(5, repeat // 4))
        first, body = http_latency(client, "/api/search", {"q": word}, repeat)
        hits = f"hits {body['count']}"
        row(f"search {word} page 1 p50 ({hits})", size, statistics.median(first), statistics.median(like), "-", None)
        ok = pct(first, 0.95) <= goal and pct(first, 0.95) * 10 <= pct(like, 0.95)
        row(f"search {word} page 1 p95", size, pct(first, 0.95), pct(like, 0.95), f"<= {goal} ms, 10x < LIKE", ok)
        cursor, pages = body.get("next_cursor"), 1
        while cursor and pages < 99:
            cursor, pages = (
                client.get("/api/search", params={"q": word, "cursor": cursor}).json()["next_cursor"],
                pages + 1,
            )
        if cursor:
            deep, _ = http_latency(client, "/api/search", {"q": word, "cursor": cursor}, repeat)
            ok = pct(deep, 0.95) <= goal and pct(deep, 0.95) <= 1.5 * pct(first, 0.95)
            row(f"search {word} page 100 by cursor p95", size, pct(deep, 0.95), pct(first, 0.95), "~page 1", ok)
        by_number, _ = http_latency(client, "/api/search", {"q": word, "page": 100}, max(5, repeat // 4))
        row(f"search {word} page 100 by number p95", size, pct(by_number, 0.95), None, "-", None)
        recount = search_after_index_change(client, word, max(5, repeat // 2))
        row(f"search {word} page 1 p95, facets recounted", size, pct(recount, 0.95), pct(like, 0.95), "-", None)


def search_after_index_change(client: Any, word: str, repeat: int) -> list[float]:
    """Page 1 when the index changed just before (as on a busy site): the cached facets no longer count."""
    from search.services import mark_changed

    samples = []
    for _ in range(repeat):
        mark_changed()
        started = time.perf_counter()
        assert client.get("/api/search", params={"q": word}).status_code == 200
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def throughput(server: Server, size: str, seconds: int) -> None:
    load = wrk if shutil.which("wrk") else httpx_load
    if load is httpx_load:
        print("wrk not found (apt-get install wrk): using an asyncio httpx client, itself a bottleneck")
    board = load(f"{server.base}/api/discovery/procurement", seconds, 32)
    health = load(f"{server.base}/healthz", seconds, 32)
    row("board list req/s, 32 connections", size, board["rps"], health["rps"], ">= 0.5x no-db", None, "req/s")
    ROWS[-1] = (*ROWS[-1][:6], "yes" if board["rps"] >= 0.5 * health["rps"] else "NO")
    errors = board["errors"] + board["timeouts"]
    row("  errors + timeouts (board)", size, errors, None, "0", errors == 0, "")


if __name__ == "__main__":
    main()
