"""The shared cache (Redis) reuses its connections across the server's request threads (issue #13: a new
connection per request was about a third of a cached board answer's time)."""

from __future__ import annotations

import os
import threading

import pytest
from django.conf import settings
from django.core.cache import caches


def _connections_received() -> int:
    client = caches["default"]._cache.get_client(write=True)  # type: ignore[attr-defined]
    return int(client.info("stats")["total_connections_received"])


def test_requests_in_new_threads_reuse_the_processs_redis_connections_issue_13() -> None:
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI runs with Redis as the cache")
        pytest.skip("the cache is not Redis here (set REDIS_URL)")
    caches["default"].set("redis-cache-test", "x", 30)
    before = _connections_received()

    def one_request() -> None:  # what each request thread of the ASGI server does with the cache
        assert caches["default"].get("redis-cache-test") == "x"

    for _ in range(20):
        thread = threading.Thread(target=one_request)
        thread.start()
        thread.join()
    # Other clients of the same Redis (a worker, another test run) may connect meanwhile: a few, not 20.
    assert _connections_received() - before <= 3


def test_cache_calls_share_one_redis_client_issue_13() -> None:
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI runs with Redis as the cache")
        pytest.skip("the cache is not Redis here (set REDIS_URL)")
    seen: list[int] = []

    def one_request() -> None:  # each request thread's cache object asks its client for every call
        cache = caches["default"]._cache  # type: ignore[attr-defined]
        seen.extend(id(cache.get_client(write=False)) for _ in range(3))

    for _ in range(5):
        thread = threading.Thread(target=one_request)
        thread.start()
        thread.join()
    # redis-py builds ~170 reply callbacks with each client object: one for the process, not one per call.
    assert len(set(seen)) == 1
