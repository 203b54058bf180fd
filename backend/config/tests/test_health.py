"""/healthz and /readyz as a supervisor and a load balancer use them (issue #16 item 5)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        answer = Client().get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok"}
    assert "no-cache" in answer["Cache-Control"]


def test_readyz_lists_each_check_and_answers_200_when_all_pass(settings: Any) -> None:
    answer = Client().get("/readyz")
    assert answer.status_code == 200
    checks = answer.json()["checks"]
    assert checks["database"] == "ok" and checks["storage"] == "ok"
    assert ("redis" in checks) == bool(settings.REDIS_URL)


def test_readyz_is_503_naming_redis_when_redis_is_down_and_leaks_no_address(settings: Any) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    answer = Client().get("/readyz")
    assert answer.status_code == 503
    assert answer.json() == {"status": "unavailable", "checks": {"database": "ok", "redis": "error", "storage": "ok"}}
    assert b"127.0.0.1" not in answer.content


def test_readyz_is_503_naming_the_database_when_it_fails(monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    answer = Client().get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["database"] == "error"
    assert b"refused" not in answer.content


def test_readyz_is_503_when_the_upload_directory_cannot_be_written(settings: Any, tmp_path: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "missing")}},
    }
    answer = Client().get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["checks"]["storage"] == "error"


def test_only_get_is_answered() -> None:
    assert Client().post("/healthz").status_code == 405
