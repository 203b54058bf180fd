"""HTTP under the production ASGI server (``config.http.OneTripHandler``, issue #13): a request is served in
one trip to a pool thread, answers as Django does, and gives its database connection back in the thread
that used it. Django's own ASGI handler hopped between the event loop and a new thread five times a request
(seventeen before the middleware order of ``settings.MIDDLEWARE``), most of a trivial request's cost."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import SyncToAsync, async_to_sync
from django.db import connections
from django.test import override_settings

from config.http import OneTripHandler


def _request(
    handler: OneTripHandler, path: str, *, method: str = "GET", body: bytes = b"", headers: list[Any] | None = None
) -> tuple[int, dict[bytes, bytes], bytes, list[dict[str, Any]]]:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers or [],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }  # fmt: skip
    # The body in two parts, as a server passes a large one.
    incoming = [
        {"type": "http.request", "body": body[: len(body) // 2], "more_body": True},
        {"type": "http.request", "body": body[len(body) // 2 :], "more_body": False},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if incoming:
            return incoming.pop(0)
        await asyncio.Event().wait()  # the client stays connected
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async_to_sync(handler)(scope, receive, send)
    start, parts = sent[0], sent[1:]
    assert start["type"] == "http.response.start"
    assert all(part["type"] == "http.response.body" for part in parts)
    assert parts[-1]["more_body"] is False and all(part["more_body"] for part in parts[:-1])
    return start["status"], dict(start["headers"]), b"".join(part["body"] for part in parts), parts


@pytest.fixture
def handler() -> OneTripHandler:
    return OneTripHandler(threads=1)  # one thread, so the test can look at the connection it used


@pytest.mark.django_db
def test_a_request_is_one_trip_to_a_thread_issue_13(handler: OneTripHandler, monkeypatch: pytest.MonkeyPatch) -> None:
    trips = 0
    original = SyncToAsync.__call__

    async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal trips
        trips += 1
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", counted)
    status, headers, body, _ = _request(handler, "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers[b"Content-Type"] == b"application/json"
    assert trips == 1, f"{trips} trips between the event loop and threads for one request"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_connection_is_given_back_in_the_thread_that_used_it_issue_13(handler: OneTripHandler) -> None:
    status, _, body, _ = _request(handler, "/readyz")  # asks the database
    assert status == 200, body
    # The tests run without a pool and with CONN_MAX_AGE 0: a connection given back is a closed one. Left open,
    # every request would hold a connection of its pool thread (or of the pool) until the thread ended.
    still_open = handler.executor.submit(lambda: connections["default"].connection is not None).result()
    assert still_open is False


@pytest.mark.django_db
def test_a_posted_body_reaches_the_view_and_its_error_answers_as_the_api_does_issue_13(handler: OneTripHandler) -> None:
    payload = json.dumps({"phone": "12", "code": "000000"}).encode()
    status, _, body, _ = _request(
        handler, "/api/auth/sms-sign-in", method="POST", body=payload, headers=[(b"content-type", b"application/json")]
    )
    answer = json.loads(body)
    assert status == 422 and answer["code"] == "validation_error", answer
    assert answer["message"]  # a message for people, in Chinese


def test_a_streamed_file_arrives_whole_in_several_parts_issue_13(handler: OneTripHandler, tmp_path: Path) -> None:
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2400  # 600 kB: ten parts of 64 kB
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "logo.png").write_bytes(picture)
    with override_settings(H5_DIST_DIR=tmp_path):  # the icon view streams the file (a FileResponse)
        status, headers, body, parts = _request(handler, "/favicon.ico")
    assert status == 200 and headers[b"Content-Type"] == b"image/png"
    assert body == picture and len(parts) > 2
