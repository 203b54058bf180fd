"""Real Celery workers for the delivery and outage tests: one in a thread of the test process, or a
separate ``celery worker`` process that a test can kill.

CI (``CI=true``) runs these against Redis (``REDIS_URL``); there a missing Redis fails the test rather
than skipping it. Elsewhere the thread worker uses whatever broker the settings chose (Redis, or the
embedded filesystem transport) and the worker process needs Redis and a database other processes can
open (PostgreSQL), or the test is skipped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from celery import current_app
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection

BACKEND_DIR = Path(__file__).resolve().parents[2]
WORKER_COMMAND = (sys.executable, "-m", "celery", "-A", "config", "worker")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_redis() -> str:
    """The Redis URL the workers use; fails under CI and skips elsewhere when Redis is not there."""
    url = settings.REDIS_URL
    problem = "REDIS_URL is not set" if not url else ""
    if url:
        import redis

        try:
            redis.Redis.from_url(url, socket_connect_timeout=2).ping()
        except redis.RedisError as exc:
            problem = f"Redis at {url} does not answer: {exc}"
    if problem:
        if _in_ci():
            pytest.fail(f"CI runs the worker tests against Redis: {problem}")
        pytest.skip(problem)
    return url


def purge_queue() -> None:
    with current_app.connection_for_write() as conn:
        conn.default_channel.queue_purge(current_app.conf.task_default_queue)


@contextmanager
def thread_worker() -> Iterator[None]:
    """A real worker (consumer, acks, countdowns) in a thread, on the configured broker."""
    if _in_ci():
        require_redis()
    app = current_app
    app.conf.task_always_eager = False
    purge_queue()
    try:
        with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING"):
            yield
    finally:
        app.conf.task_always_eager = True
        purge_queue()


def wait_for(condition: Callable[[], Any], *, timeout: float = 20, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s: {condition}")


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        if _in_ci():
            pytest.fail("CI runs the worker-process tests on PostgreSQL")
        pytest.skip("a worker process needs a database other processes can open (PostgreSQL)")
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class WorkerProcess:
    """``celery -A config worker`` as its own process group, on the test database and the fake WeChat."""

    def __init__(self, *, env: dict[str, str], log: Path) -> None:
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [*WORKER_COMMAND, "-P", "solo", "-c", "1", "--without-mingle", "--without-gossip", "-l", "INFO"],
            cwd=BACKEND_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL to the whole worker: nothing is acknowledged, nothing is cleaned up."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@contextmanager
def worker_processes(*, wechat_base: str, log_dir: Path, **extra_env: str) -> Iterator[Callable[[], WorkerProcess]]:
    """Yields a function that starts one more worker process; all are stopped at the end."""
    redis_url = require_redis()
    env = {
        **os.environ,
        "PYTHONPATH": str(BACKEND_DIR),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "WECHAT_API_BASE": wechat_base,
        "WECHAT_APP_ID": settings.WECHAT_APP_ID,
        "WECHAT_APP_SECRET": settings.WECHAT_APP_SECRET,
        "CMT_VAR_DIR": str(log_dir),
        **extra_env,
    }
    current_app.conf.task_always_eager = False  # this process only sends; the worker processes run
    purge_queue()
    started: list[WorkerProcess] = []

    def start() -> WorkerProcess:
        worker = WorkerProcess(env=env, log=log_dir / "worker.log")
        started.append(worker)
        return worker

    try:
        yield start
    finally:
        for worker in started:
            worker.stop()
        current_app.conf.task_always_eager = True
        purge_queue()
