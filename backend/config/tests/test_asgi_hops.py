"""Under ASGI (the production server), Django runs a middleware in the event loop when it can, and then each
``process_request`` / ``process_response`` of Django's own middleware hops into a thread and back: about
fourteen hops for one request, most of the 5 ms a trivial request cost. A sync-only middleware last in
``MIDDLEWARE`` makes the whole chain run in the request's one thread (issue #13: ``/healthz`` 187 → 313 req/s
on one worker, the board list 105 → 151)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import SyncToAsync, async_to_sync
from django.core.asgi import get_asgi_application


def _hops_of_one_request(monkeypatch: pytest.MonkeyPatch, path: str) -> tuple[int, int]:
    hops = 0
    original = SyncToAsync.__call__

    async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal hops
        hops += 1
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", counted)
    app = get_asgi_application()
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": [],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }  # fmt: skip

    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # the client stays connected; Django stops listening after the answer
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async_to_sync(app)(scope, receive, send)
    return hops, sent[0]["status"]


@pytest.mark.django_db
def test_a_request_makes_few_thread_hops_through_the_middleware_issue_13(monkeypatch: pytest.MonkeyPatch) -> None:
    hops, status = _hops_of_one_request(monkeypatch, "/healthz")
    assert status == 200
    # 5: the chain, the view and the request signals; with a middleware able to run in the loop below
    # Django's own, 17.
    assert hops <= 5, f"{hops} hops between the event loop and threads for one request"
