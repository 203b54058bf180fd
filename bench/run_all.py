"""Runs every benchmark at a size that finishes in a few minutes on a 2-core machine and prints figures.

Bigger runs: call the scripts directly, e.g.
  uv run python bench/search_bench.py --sizes 100000,1000000   (with DATABASE_URL for PostgreSQL)
  uv run python bench/keyword_bench.py --keywords 50000
  REDIS_URL=redis://127.0.0.1:6379/5 uv run python bench/task_bench.py --posts 200
  DATABASE_URL=postgres://… uv run python bench/http_bench.py --posts 1000000 --factories 100000   (make bench-1m)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ["keyword_bench.py"],
    ["search_bench.py", "--sizes", "2000,20000", "--repeat", "15"],
    ["task_bench.py", "--posts", "50", "--latency", "1"],
    # PostgreSQL only (says so and skips on SQLite): over HTTP against `make serve-prod`, issue #13.
    ["http_bench.py", "--posts", "20000", "--repeat", "20", "--seconds", "5"],
]

if __name__ == "__main__":
    failed = 0
    for args in RUNS:
        print(f"\n=== {' '.join(args)}", flush=True)
        failed |= subprocess.call([sys.executable, str(HERE / args[0]), *args[1:]])
    sys.exit(failed)
