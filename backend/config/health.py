"""Health endpoints for the process supervisor and the load balancer (docs/deploy.md).

``/healthz`` answers as long as the process serves requests: it touches nothing else, so a database outage
does not make a supervisor restart every web process at once. ``/readyz`` says whether this process can do
its work: the database answers, Redis answers (when configured: chat, broker, cache), and the upload storage
is reachable. A failing check answers 503 naming the check, never the error text (which may hold hosts or
keys); the error itself goes to the log.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

import redis  # a dependency of celery[redis] and channels-redis
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("cmt.health")

def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _redis() -> None:
    client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    finally:
        client.close()


def _storage() -> None:
    bucket = getattr(default_storage, "bucket", None)
    if bucket is not None:  # S3-compatible: the bucket exists and our keys may use it (network, credentials)
        bucket.meta.client.head_bucket(Bucket=bucket.name)
        return
    location = getattr(default_storage, "location", None)  # local files: the upload directory is writable
    if location and not (os.path.isdir(location) and os.access(location, os.W_OK)):
        raise OSError("upload directory missing or not writable")


def _checks() -> dict[str, Callable[[], None]]:
    checks: dict[str, Callable[[], None]] = {"database": _database}
    if settings.REDIS_URL:
        checks["redis"] = _redis
    checks["storage"] = _storage
    return checks


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    for name, check in _checks().items():
        try:
            check()
        except Exception:
            logger.exception("readiness check failed", extra={"check": name})
            results[name] = "error"
        else:
            results[name] = "ok"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": results}, status=200 if ready else 503)
