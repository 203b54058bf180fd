"""Batch approval through the console with a slow WeChat, before and after effects left the request.

    uv run python bench/task_bench.py [--posts 50] [--latency 1.0]
    REDIS_URL=redis://127.0.0.1:6379/5 uv run python bench/task_bench.py     (Redis as the broker)

The fake WeChat server answers every API call after ``--latency`` seconds. ``--posts`` pending posts, each
owner holding a subscription grant, are approved in one console request (审核中心 → 审核通过):
  reference  effects run inside the request, as before this change (eager: each approval's push, match
             computation and indexing run in the reviewer's request, as the old on_commit/inline code did)
  ours       effects are only enqueued; the request returns once its own rows are written
Then one worker (solo pool, in a thread) drains the queue: tasks per second with the slow WeChat and with
an instant one. Uses a fresh SQLite file in a temporary folder (or DATABASE_URL: give it an empty
database) and its own broker folder there (or REDIS_URL).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("CMT_VAR_DIR", tempfile.mkdtemp(prefix="cmt-task-bench-"))
# A fresh database each run (the builders number their accounts from 1).
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(os.environ['CMT_VAR_DIR']) / 'bench_tasks.sqlite3'}")
os.environ.setdefault("CMT_SMS_SENDER", "accounts.sms.OutboxSmsSender")


def setup_data(posts: int, wechat: Any) -> list[int]:
    from listings.models import PostStatus
    from listings.tests.factories import make_post, make_publisher
    from notifications.services import record_subscription_grants

    ids = []
    run = int(time.time())
    for n in range(posts):
        openid = f"o-bench-{run}-{n}"
        owner = make_publisher("factory", wechat_openid=openid)
        record_subscription_grants(user=owner, purposes=["review_result"])
        wechat.state.grants[(openid, "tpl-review-result")] += 1
        ids.append(make_post(owner=owner, status=PostStatus.PENDING).pk)
    return ids


def approve(post_ids: list[int]) -> float:
    from django.test import Client
    from django.urls import reverse

    from listings.tests.factories import make_reviewer

    reviewer = make_reviewer()
    client = Client()
    assert client.login(username=reviewer.username, password="review-pass-123")
    started = time.perf_counter()
    response = client.post(
        reverse("admin:listings_reviewqueueitem_changelist"),
        {"action": "approve_selected", "_selected_action": post_ids},
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    return elapsed


def open_effects() -> int:
    from common.models import Effect
    from common.tasks import OPEN_STATUSES

    return Effect.objects.filter(status__in=OPEN_STATUSES).count()


def drain(timeout: float) -> tuple[int, float]:
    """One solo worker drains the queue; returns (effects done, seconds)."""
    from celery import current_app
    from celery.contrib.testing.worker import start_worker

    from common.models import Effect, EffectStatus

    done_before = Effect.objects.filter(status=EffectStatus.DONE).count()
    pending = open_effects()
    started = time.perf_counter()
    with start_worker(current_app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING"):
        deadline = started + timeout
        while open_effects() and time.perf_counter() < deadline:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
    done = Effect.objects.filter(status=EffectStatus.DONE).count() - done_before
    if done < pending:
        print(f"  (drain stopped after {timeout:.0f}s with {pending - done} effects open)")
    return done, elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=1.0)
    args = parser.parse_args()

    import django

    django.setup()
    import logging

    for name in ("celery", "httpx", "py.warnings", "kombu"):
        logging.getLogger(name).setLevel(logging.ERROR)
    logging.getLogger("common.tasks").setLevel(logging.WARNING)
    from celery import current_app
    from django.conf import settings
    from django.core.management import call_command

    from wechat.fake_server import FakeWeChatServer

    call_command("migrate", verbosity=0)
    server = FakeWeChatServer("127.0.0.1", 0, app_id=settings.WECHAT_APP_ID, app_secret=settings.WECHAT_APP_SECRET)
    server.start_in_thread()
    settings.WECHAT_API_BASE = server.base_url
    server.state.set_mode(slow=args.latency)
    print(f"broker: {current_app.conf.broker_url.split('@')[-1]}  database: {settings.DATABASES['default']['ENGINE']}")

    # Reference: the effects run in the request (what the request did before they became tasks).
    current_app.conf.task_always_eager = True
    ids = setup_data(args.posts, server)
    sent_before = len(server.state.sent)
    reference = approve(ids)
    assert len(server.state.sent) - sent_before == args.posts, "every push left during the request"

    # Ours: the request only enqueues.
    current_app.conf.task_always_eager = False
    ids = setup_data(args.posts, server)
    ours = approve(ids)
    queued = open_effects()
    slow_done, slow_seconds = drain(timeout=args.posts * args.latency * 3 + 60)

    server.state.set_mode(slow=0)
    ids = setup_data(args.posts, server)
    approve(ids)
    fast_done, fast_seconds = drain(timeout=300)
    server.shutdown()

    rows = [
        ("batch approve, console request (s)", f"{args.posts} posts", ours, reference, "< 2 s"),
        (
            f"worker drain, WeChat {args.latency:g} s (tasks/s)",
            f"{slow_done} tasks",
            slow_done / slow_seconds,
            None,
            "—",
        ),
        ("worker drain, WeChat instant (tasks/s)", f"{fast_done} tasks", fast_done / fast_seconds, None, "—"),
    ]
    print(
        f"\nWeChat answers after {args.latency:g} s; the request enqueued {queued} effects for {args.posts} approvals\n"
    )
    print(f"{'figure':<42}{'size':>11}{'ours':>10}{'reference':>11}{'ratio':>9}  goal")
    for figure, size, value, ref, goal in rows:
        ref_text = f"{ref:.2f}" if ref is not None else "—"
        ratio = f"{ref / value:.0f}×" if ref is not None and value else "—"
        print(f"{figure:<42}{size:>11}{value:>10.2f}{ref_text:>11}{ratio:>9}  {goal}")
    if ours >= 2:
        print("\nGOAL MISSED: the batch approval took 2 s or more")
        sys.exit(1)


if __name__ == "__main__":
    main()
