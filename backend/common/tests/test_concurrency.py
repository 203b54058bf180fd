"""The embedded database under concurrent writers (issue #12 item 6, R-OPS-1 embedded run).

A real server on loopback (uvicorn, its own SQLite file configured as ``make run`` configures it: WAL,
a busy timeout, IMMEDIATE transactions). 25 accounts write at the same moment: they open chats, send
messages, add favourites and record views. Every one of those requests must succeed; none may answer
500 "database is locked".
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from common.live_server import LiveServer


def _at_once(count: int, work: Callable[[int, httpx.Client], httpx.Response]) -> list[httpx.Response]:
    """Runs ``work(i, client)`` for ``i`` in ``range(count)`` on as many threads, released together."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            try:
                results[index] = work(index, client)
            except httpx.HTTPError as exc:  # a dropped connection counts as a failure too
                results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _statuses(responses: list[Any]) -> Counter[Any]:
    return Counter(r.status_code if isinstance(r, httpx.Response) else type(r).__name__ for r in responses)


@pytest.mark.parametrize("round_", [1, 2])
def test_concurrent_writers_on_the_embedded_database_all_succeed(live_api: LiveServer, round_: int) -> None:
    """25 accounts open a chat at the same moment, then each sends a message, adds a favourite and
    records a view at the same moment: 0 errors (R-APP-6 chat, R-APP-8 favourites/history)."""
    tokens = live_api.extra_tokens
    assert len(tokens) == 25

    def headers(index: int) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[index]}"}

    base = live_api.base_url + "/api"
    greeting = {"post_id": live_api.post_id, "message": f"第{round_}轮 你好"}
    contacts = _at_once(
        len(tokens), lambda i, c: c.post(f"{base}/messaging/contact", json=greeting, headers=headers(i))
    )
    assert _statuses(contacts) == Counter({200: 25}), [r.text for r in contacts if r.status_code != 200][:3]
    conversations = [r.json()["conversation_id"] for r in contacts]

    def write(index: int, client: httpx.Client) -> httpx.Response:
        kind = index % 3
        if kind == 0:
            return client.post(
                f"{base}/messaging/conversations/{conversations[index]}/messages",
                json={"text": f"第{round_}轮 第{index}条 请问还有货吗"},
                headers=headers(index),
            )
        if kind == 1:
            return client.post(f"{base}/favourites", json={"post_id": live_api.post_id}, headers=headers(index))
        return client.post(f"{base}/discovery/views", json={"post_id": live_api.post_id}, headers=headers(index))

    writes = _at_once(len(tokens), write)
    statuses = _statuses(writes)
    assert sum(n for status, n in statuses.items() if not (isinstance(status, int) and status < 300)) == 0, (
        statuses,
        [r.text for r in writes if isinstance(r, httpx.Response) and r.status_code >= 300][:3],
    )
    assert "database is locked" not in live_api.log()
