"""Test support loaded as a pytest plugin by the root conftest.py: an HTTP API client, the local fake
WeChat server, and signed-in clients. Used by the API tests (backend/) and the browser tests (e2e/)."""

from __future__ import annotations

import itertools
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import django_ratelimit.core
import httpx
import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.test import Client

from accounts.sms import OutboxSmsSender
from common import live_server
from listings.models import RecruitmentLicence
from regions.selectors import forget_read_regions
from taxonomy.models import Industry
from wechat.fake_server import FakeWeChatServer


class ApiResponse:
    def __init__(self, response: Any) -> None:
        self.raw = response
        self.status_code: int = response.status_code
        self.headers = response.headers

    def json(self) -> Any:
        return json.loads(self.raw.content or b"null")

    def __repr__(self) -> str:
        return f"<ApiResponse {self.status_code} {self.raw.content[:300]!r}>"


def commit_pending() -> None:
    """Runs the ``on_commit`` callbacks the test's wrapping transaction holds back, as if what was written
    so far had committed (it had, by the time a real user made the next request): effects are enqueued
    and, eagerly, run. Each callback is replaced by a no-op in place, so an enclosing
    ``django_capture_on_commit_callbacks`` still sees the list it expects and runs none twice."""
    from django.db import connection

    if not connection.in_atomic_block:
        return
    index = 0
    while index < len(connection.run_on_commit):
        sids, callback, robust = connection.run_on_commit[index]  # type: ignore[misc]
        connection.run_on_commit[index] = (sids, _done_callback, robust)  # type: ignore[assignment]
        if callback is not _done_callback:
            callback()
        index += 1


def _done_callback() -> None:
    return None


class ApiClient:
    """Talks to the API over Django's full request stack (URLs, middleware, auth), like the app does.
    Each request commits (``commit_pending``) what the test wrote before it and what the request wrote."""

    def __init__(self, token: str | None = None, ip: str = "10.0.0.1") -> None:
        self.client = Client(REMOTE_ADDR=ip)
        self.token = token

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(
        self, method: str, path: str, json_body: Any = None, *, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> ApiResponse:
        url = path if path.startswith("/") else "/api/" + path
        call = getattr(self.client, method.lower())
        if json_body is not None:
            kwargs.setdefault("data", json.dumps(json_body))
            kwargs.setdefault("content_type", "application/json")
        commit_pending()
        response = ApiResponse(call(url, headers=self._headers(headers), **kwargs))
        commit_pending()
        return response

    def get(self, path: str, params: dict[str, Any] | None = None, **kw: Any) -> ApiResponse:
        return self.request("GET", path, data=params or {}, **kw)

    def post(self, path: str, json_body: Any = None, **kw: Any) -> ApiResponse:
        return self.request("POST", path, json_body if json_body is not None else {}, **kw)

    def patch(self, path: str, json_body: Any = None, **kw: Any) -> ApiResponse:
        return self.request("PATCH", path, json_body if json_body is not None else {}, **kw)

    def put(self, path: str, json_body: Any = None, **kw: Any) -> ApiResponse:
        return self.request("PUT", path, json_body if json_body is not None else {}, **kw)

    def delete(self, path: str, **kw: Any) -> ApiResponse:
        return self.request("DELETE", path, **kw)

    def upload(self, path: str, files: dict[str, Any], data: dict[str, Any] | None = None) -> ApiResponse:
        payload = dict(data or {})
        payload.update(files)
        commit_pending()
        response = ApiResponse(self.client.post("/api/" + path.lstrip("/"), data=payload, headers=self._headers(None)))
        commit_pending()
        return response


@pytest.fixture(scope="session")
def fake_wechat_server() -> Any:
    server = FakeWeChatServer("127.0.0.1", 0, app_id="wx-test-app", app_secret="test-secret")
    server.start_in_thread()
    yield server
    server.shutdown()


class FakeWeChat:
    """Test-side handle on the fake: simulate a user's subscription tap, read what was sent."""

    def __init__(self, server: FakeWeChatServer) -> None:
        self.server = server
        self.base_url = server.base_url

    def openid_for(self, code: str) -> str:
        return self.server.state.openid_for(code)

    def grant_subscription(self, openid: str, template_id: str) -> None:
        httpx.post(self.base_url + "/__fake__/subscribe", json={"openid": openid, "template_id": template_id})

    def sent(self) -> list[dict[str, Any]]:
        return httpx.get(self.base_url + "/__fake__/sent").json()["sent"]

    def set_mode(
        self, *, down: bool | None = None, slow: float | None = None, rate_limited: bool | None = None
    ) -> None:
        """The outage switches, through the fake's HTTP control path (as a subprocess worker's test would)."""
        body = {"down": down, "slow": slow, "rate_limited": rate_limited}
        response = httpx.post(self.base_url + "/__fake__/mode", json={k: v for k, v in body.items() if v is not None})
        response.raise_for_status()

    def text_checks(self) -> list[dict[str, Any]]:
        return httpx.get(self.base_url + "/__fake__/checks").json()["text"]


@pytest.fixture(autouse=True)
def _regions_read_anew() -> Iterator[None]:
    """The process keeps the regions it read (``regions.selectors.regions_by_adcode``); a test's rolled-back
    transaction may have created one, so each test starts without them."""
    yield
    forget_read_regions()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """Passwords the tests set are hashed with MD5 (Django's testing advice): the production hasher,
    PBKDF2 at 1,000,000 rounds, costs about 0.3 s per staff account, and the suite builds thousands of them
    (a reviewer per approved post). The production hashers stay listed after it, so a hash made by a
    server process still verifies. Production keeps ``config.settings``'s list unchanged."""
    from django.conf import settings
    from django.test import override_settings

    fast = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    with override_settings(PASSWORD_HASHERS=fast):
        yield


@pytest.fixture(scope="session", autouse=True)
def _tasks_run_eagerly() -> Any:
    """Effects (``common.tasks``) run in the test's own thread when their transaction commits (tests use
    ``django_capture_on_commit_callbacks(execute=True)``, or the HTTP client below, to commit): the same
    claim/run/retry code a worker runs, minus the broker. Tests about delivery and outages use a real
    worker instead (``common.tests.workers``)."""
    from celery import current_app

    current_app.conf.task_always_eager = True
    current_app.conf.task_eager_propagates = True
    yield
    current_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _wechat_settings(settings: Any, fake_wechat_server: FakeWeChatServer) -> None:
    """Every test talks to the fake WeChat server over HTTP, with a clean state and a clean SMS outbox."""
    settings.WECHAT_API_BASE = fake_wechat_server.base_url
    settings.WECHAT_APP_ID = "wx-test-app"
    settings.WECHAT_APP_SECRET = "test-secret"
    settings.SMS_SENDER = "accounts.sms.OutboxSmsSender"
    fake_wechat_server.state.reset()
    OutboxSmsSender.outbox.clear()


@pytest.fixture(scope="session")
def live_api(fake_wechat_server: FakeWeChatServer, tmp_path_factory: Any) -> Any:
    """A real server (uvicorn, own process, own database) on loopback; see ``common.live_server``."""
    server = live_server.start(
        var_dir=tmp_path_factory.mktemp("live"), wechat_base=fake_wechat_server.base_url, extra_accounts=25
    )
    yield server
    server.stop()


@pytest.fixture
def wechat(fake_wechat_server: FakeWeChatServer) -> FakeWeChat:
    return FakeWeChat(fake_wechat_server)


@pytest.fixture
def api() -> ApiClient:
    return ApiClient()


_RUN = uuid.uuid4().hex[:8]
_TEST_NUMBER = itertools.count()


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> Iterator[None]:
    """Every test starts with an empty cache (rate-limit counters included) in the configured backend:
    a key prefix of its own (so tests sharing one Redis never see each other's keys), removed after."""
    prefix = f"test-{_RUN}-{next(_TEST_NUMBER)}"
    settings.CACHES = {alias: {**conf, "KEY_PREFIX": prefix} for alias, conf in settings.CACHES.items()}
    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, RedisCache):
            client = cache._cache.get_client(write=True)
            keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        elif isinstance(cache, LocMemCache):
            cache.clear()


class LimiterClock:
    """The rate limiter's clock, standing still until ``advance``: a test's calls fall in one (fixed) window
    whenever it runs. Only django-ratelimit reads it; the database, the cache and asyncio keep real time."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def require_postgres() -> None:
    """For tests of PostgreSQL's own behaviour (query plans): skipped on SQLite, a failure under ``CI=true``
    (CI runs on PostgreSQL, so a skip there would hide the test)."""
    if connection.vendor != "postgresql":
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI runs the query-plan tests on PostgreSQL")
        pytest.skip("query plans are PostgreSQL's (set DATABASE_URL=postgres://…)")


@pytest.fixture
def postgres_only() -> None:
    require_postgres()


@contextmanager
def shared_by_module(django_db_blocker: Any) -> Iterator[None]:
    """Data that the read-only tests of one module share, built once in a transaction that is rolled back
    after the module's last test (what Django's ``TestCase.setUpTestData`` does for a class): each test's
    own transaction is a savepoint inside it, so what a test writes is still undone after that test.
    For data that takes seconds to build, such as the query-plan tests' tens of thousands of rows."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def limiter_clock(monkeypatch: pytest.MonkeyPatch) -> LimiterClock:
    clock = LimiterClock()
    monkeypatch.setattr(django_ratelimit.core, "time", clock)
    return clock


@pytest.fixture(autouse=True)
def _recruitment_licence(request: Any) -> None:
    """Tests with a database start with a valid 人力资源服务许可证, as a launched platform has one, so the
    labour board is open (issue #16). Tests of the licence switch mark themselves ``no_recruitment_licence``."""
    if request.node.get_closest_marker("django_db") is None or request.node.get_closest_marker(
        "no_recruitment_licence"
    ):
        return
    request.getfixturevalue("_django_db_helper")
    RecruitmentLicence.objects.create(
        number="（粤）人服证字〔2026〕第 0300000001 号",
        issuer="深圳市人力资源和社会保障局",
        valid_until=date.today() + timedelta(days=365),
    )


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path_factory: Any) -> None:
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


def _run_order(item: Any) -> int:
    """0 ordinary, 1 transactional (flushes), 2 browser tests: Playwright's sync API keeps an event loop
    running in the test thread once started, so tests that use ``async_to_sync`` must run before them."""
    if "page" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser"):
        return 2
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    flushes = bool(marker and marker.kwargs.get("transaction"))
    return 1 if flushes or "live_server" in fixtures or "transactional_db" in fixtures else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Transactional tests must restore the database they flush, and run after all the others.

    Taxonomy, regions and reason templates are seeded by data migrations. A transactional test empties
    every table when it ends; without ``serialized_rollback=True`` the tests after it would run without
    that data (and the next restore would collide with rows post_migrate recreates). pytest-django puts
    transactional tests last, but a plugin hook that runs after it (pytest-playwright's) reorders the
    list, so they are moved to the end again here, last of all hooks (the relative order is kept), with the
    browser tests last of all.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )
    items.sort(key=_run_order)


_restore_plans: dict[str, list[tuple[Any, list[Any], list[tuple[Any, dict[str, list[Any]]]]]]] = {}
_INSERT_BATCH = 500  # rows per INSERT (SQLite allows 32,766 parameters a statement)


def _restore_plan(data: str, alias: str) -> list[tuple[Any, list[Any], list[tuple[Any, dict[str, list[Any]]]]]]:
    """The serialized rows, deserialized once per session: per model in their order, the instances and
    their many-to-many values (kept here: ``DeserializedObject.save`` forgets its own after one use)."""
    plan = _restore_plans.get(data)
    if plan is None:
        from django.core import serializers

        by_model: dict[Any, tuple[list[Any], list[tuple[Any, dict[str, list[Any]]]]]] = {}
        for item in serializers.deserialize("json", data, using=alias):
            objects, many = by_model.setdefault(type(item.object), ([], []))
            objects.append(item.object)
            if item.m2m_data:
                many.append((item.object, {name: list(values) for name, values in item.m2m_data.items()}))
        plan = _restore_plans[data] = [(model, objects, many) for model, (objects, many) in by_model.items()]
    return plan


def _deserialize_in_bulk(self: Any, data: str) -> None:
    """Django's ``deserialize_db_from_string`` (what a transactional test restores after its flush: the
    regions, taxonomy, roles and templates the migrations seed), the same rows inserted as they were
    stored (raw, as ``obj.save()`` does there) but 500 to a statement instead of an UPDATE and an INSERT
    each: 3.4 s → about 0.2 s per transactional test. ``tests/test_testing.py`` holds it equal to the
    serialized database."""
    from django.db import models

    alias = self.connection.alias
    table_names = set()
    with transaction.atomic(using=alias), self.connection.constraint_checks_disabled():
        for model, objects, many in _restore_plan(data, alias):
            table_names.add(model._meta.db_table)
            manager = model._base_manager.using(alias)
            # The first transactional test restores over the rows still there, and a child of
            # multi-table inheritance spans two tables: row by row (UPDATE, else INSERT), as Django does.
            if model._meta.parents or manager.exists():
                for instance in objects:
                    models.Model.save_base(instance, using=alias, raw=True)
            else:
                fields = model._meta.local_concrete_fields
                for start in range(0, len(objects), _INSERT_BATCH):
                    manager._insert(objects[start : start + _INSERT_BATCH], fields=fields, raw=True, using=alias)
            for instance, values in many:
                for name, related in values.items():
                    getattr(instance, name).set(related)
        self.connection.check_constraints(table_names=table_names)


@pytest.fixture(scope="session", autouse=True)
def _restore_in_bulk() -> Iterator[None]:
    from django.db.backends.base.creation import BaseDatabaseCreation

    original = BaseDatabaseCreation.deserialize_db_from_string
    BaseDatabaseCreation.deserialize_db_from_string = _deserialize_in_bulk  # type: ignore[method-assign]
    yield
    BaseDatabaseCreation.deserialize_db_from_string = original  # type: ignore[method-assign]


_serialized_contents: dict[str, str] = {}


@pytest.fixture(scope="session", autouse=True)
def _keep_serialized_database(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Remembers the serialized test database while Django's connection objects are still the ones that
    built it. Playwright's sync API later runs an event loop, under which Django hands out fresh connection
    objects that lack it; ``restore_serialized_database`` puts it back (see e2e/conftest.py)."""
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            _serialized_contents[alias] = contents


def restore_serialized_database() -> None:
    """Reloads the migrated data (taxonomy, regions, templates, roles) if a flush emptied it."""
    from django.core.management import call_command
    from django.db import connections

    for alias, contents in _serialized_contents.items():
        # Lets this context's teardown flush skip post_migrate, as Django intends for serialized tests.
        connections[alias]._test_serialized_contents = contents  # type: ignore[attr-defined]
    if Industry.objects.exists():
        return
    for alias, contents in _serialized_contents.items():
        # Rows post_migrate recreated after an earlier flush (roles, permissions) would collide.
        call_command("flush", database=alias, interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection = connections[alias]
        connection.creation.deserialize_db_from_string(contents)
        # Restored rows keep their ids; move PostgreSQL's sequences past them or the next insert collides.
        from django.apps import apps
        from django.core.management.color import no_style

        statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


def png_bytes(color: str = "red", size: tuple[int, int] = (40, 30)) -> bytes:
    """A small real PNG, for upload tests."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def notifications_of(client: ApiClient, kind: str) -> list[dict[str, Any]]:
    """The in-app notifications of one kind that ``client``'s account sees, newest first."""
    return [n for n in client.get("notifications", {"page_size": 100}).json()["items"] if n["kind"] == kind]


@dataclass
class ExportArchive:
    """An export (``POST /api/me/export``, then its status and file) opened as the person would: the
    JSON, the 说明.txt, the files folder."""

    data: dict[str, Any]
    readme: str
    files: dict[str, bytes]
    headers: Any


def export_archive(client: ApiClient) -> ExportArchive:
    import io
    import zipfile

    started = client.post("me/export")
    assert started.status_code == 202, started
    status = client.get(f"me/export/{started.json()['id']}").json()  # the worker built it after commit
    assert status["status"] == "ready", status
    response = client.get(status["download_url"])
    assert response.status_code == 200, response
    assert response.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.raw.content)) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("我的数据.json").decode("utf-8"))
        readme = archive.read("说明.txt").decode("utf-8")
        files = {name.removeprefix("我的文件/"): archive.read(name) for name in names if name.startswith("我的文件/")}
    return ExportArchive(data=data, readme=readme, files=files, headers=response.headers)
