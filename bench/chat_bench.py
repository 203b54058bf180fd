"""Chat over real WebSockets against the production server command (issue #13): messages/s delivered,
delivery latency, and that none is lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmt_bench REDIS_URL=redis://127.0.0.1:6379/3 \\
        uv run python bench/chat_bench.py --clients 200 --rate 3 --seconds 20 --port 8130

Needs visible factories in the database (``bench/datagen.py``). It creates ``--clients / 2`` trade
accounts (``bench_chat_*``), each opens a chat with one factory, starts
the production server command (``make serve-prod``: uvicorn, ``--workers 2``, uvloop, httptools, a
pool of ``DATABASE_POOL_MAX`` connections per worker) on ``--port`` (rate limits off, the Redis channel
layer), connects every account's socket and has every socket send ``--rate`` messages a second to its
counterpart. Delivered = "message" frames reaching the counterpart; delivered/s = those frames over the
time from the first send to the last delivery; latency = from the send to that frame. After the sending
stops the bench waits until every message is acknowledged and delivered, or nothing arrived for
``DRAIN_IDLE_SECONDS``: lost = acknowledged messages the counterpart never received by then (a late one
counts in the latency, not as lost).

Cost per sent message: the server's CPU (both workers, from /proc) over the messages it stored, and the
database queries of one ``send`` frame through the same consumer in this process (``queries_per_send``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["CMT_RATE_LIMITS_ENABLED"] = "0"
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
DRAIN_IDLE_SECONDS = 5.0
DRAIN_MAX_SECONDS = 60.0


def prepare(pairs: int) -> list[tuple[str, str, int]]:
    """[(trade token, factory token, conversation id)] for ``pairs`` fresh chats."""
    import django

    django.setup()
    from accounts.models import User
    from accounts.services import issue_token
    from factories.selectors import visible_factories
    from messaging import services

    User.objects.filter(username__startswith="bench_chat_").delete()
    factories = list(visible_factories().select_related("owner").order_by("id")[:pairs])
    assert len(factories) == pairs, "run bench/datagen.py first"
    chats = []
    for i, factory in enumerate(factories):
        buyer = User.objects.create(username=f"bench_chat_{i}", display_name=f"聊天{i}", account_type="trade")
        result = services.contact(initiator=buyer, factory_id=factory.pk, message="你好，请问还接单吗")
        chats.append((issue_token(user=buyer), issue_token(user=factory.owner), result.conversation.pk))
    return chats


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


async def run(chats: list[tuple[str, str, int]], *, port: int, rate: float, seconds: float) -> dict[str, Any]:
    import websockets

    sent: dict[str, float] = {}  # text -> send time
    acked: set[str] = set()
    delivered: dict[str, float] = {}  # text -> latency (counterpart side)
    errors: list[Any] = []
    progress = [time.perf_counter()]  # when the last ack or delivery arrived
    closed_early: list[str] = []

    async def client(token: str, conversation_id: int, me: str, start: asyncio.Event, stop: asyncio.Event) -> None:
        async with websockets.connect(f"ws://127.0.0.1:{port}/ws/chat/?token={token}", max_queue=None) as ws:
            ready = json.loads(await ws.recv())
            assert ready["type"] == "ready", ready

            async def reader() -> None:
                try:
                    async for raw in ws:
                        frame = json.loads(raw)
                        if frame["type"] == "message":
                            text = frame["message"]["text"]
                            if not text.startswith(me) and text in sent:
                                progress[0] = time.perf_counter()
                                delivered[text] = progress[0] - sent[text]
                        elif frame["type"] == "ack":
                            progress[0] = time.perf_counter()
                            acked.add(frame["ref"])
                        elif frame["type"] == "error":
                            progress[0] = time.perf_counter()
                            errors.append(frame)
                except websockets.ConnectionClosed:
                    pass
                if not drained.is_set():  # the connection ended before the run did
                    closed_early.append(f"{me}: {ws.close_code} {ws.close_reason}")

            task = asyncio.create_task(reader())
            await start.wait()
            seq = 0
            gap = 1 / rate
            next_at = time.perf_counter()
            while not stop.is_set() and not task.done():
                text = f"{me} 第{seq}条 报价单"
                sent[text] = time.perf_counter()
                await ws.send(
                    json.dumps({"type": "send", "conversation_id": conversation_id, "text": text, "ref": text})
                )
                seq += 1
                next_at += gap
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
            await drained.wait()
            task.cancel()

    start, stop, drained = asyncio.Event(), asyncio.Event(), asyncio.Event()
    tasks = []
    for i, (buyer_token, factory_token, conversation_id) in enumerate(chats):
        tasks.append(asyncio.create_task(client(buyer_token, conversation_id, f"B{i}", start, stop)))
        tasks.append(asyncio.create_task(client(factory_token, conversation_id, f"F{i}", start, stop)))
    await asyncio.sleep(3 + len(tasks) / 100)  # every socket signed in
    began = time.perf_counter()
    client_cpu = time.process_time()
    start.set()
    await asyncio.sleep(seconds)
    stop.set()
    stopped = time.perf_counter()
    # Drain: until every message is answered and delivered, or nothing has arrived for a while.
    while time.perf_counter() - stopped < DRAIN_MAX_SECONDS:
        if len(acked) + len(errors) >= len(sent) and all(t in delivered for t in acked):
            break
        if time.perf_counter() - max(progress[0], stopped) > DRAIN_IDLE_SECONDS:
            break
        await asyncio.sleep(0.2)
    drain_seconds = time.perf_counter() - stopped
    client_cpu = time.process_time() - client_cpu
    drained.set()
    await asyncio.gather(*tasks)
    latencies = [v * 1000 for v in delivered.values()]
    last_delivery = max((sent[t] + v for t, v in delivered.items()), default=stopped)
    lost = [t for t in acked if t not in delivered]
    return {
        "sockets": len(tasks),
        "sent": len(sent),
        "acked": len(acked),
        "delivered": len(delivered),
        "delivered_per_s": len(delivered) / max(last_delivery - began, stopped - began),
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": percentile(latencies, 0.95),
        "lost": len(lost),
        "errors": len(errors),
        "drain_seconds": drain_seconds,
        "closed_early": closed_early,
        "client_cpu": client_cpu,
        "drain_capped": drain_seconds >= DRAIN_MAX_SECONDS,
        "first_error": errors[:1],
    }


def _wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    import socket

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                time.sleep(3)  # the second worker too
                return
        time.sleep(0.5)
    raise RuntimeError(f"nothing listens on {port}")


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU of ``pid`` and every live descendant (uvicorn's workers), from /proc."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += times.get(current, 0.0)
        todo += children.get(current, [])
    return total


def queries_per_send(chat: tuple[str, str, int], *, count: int = 20) -> float:
    """Database queries of one ``send`` frame through the real consumer (in this process, same database
    and channel layer), counted on every connection the consumer's threads open."""
    from asgiref.sync import async_to_sync
    from django.db import connection
    from django.db.backends.signals import connection_created

    from config.asgi import application
    from messaging.tests.ws import SocketClient

    executed = [0]

    def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        executed[0] += 1
        return execute(sql, params, many, context)

    def watch(sender: Any, connection: Any, **kwargs: Any) -> None:
        if counter not in connection.execute_wrappers:  # a thread's connection may reconnect
            connection.execute_wrappers.append(counter)

    token, _factory_token, conversation_id = chat
    connection_created.connect(watch)
    connection.execute_wrappers.append(counter)

    async def scenario() -> None:
        socket = SocketClient(application, f"/ws/chat/?token={token}")
        assert await socket.connect()
        assert (await socket.receive_json_from(timeout=10))["type"] == "ready"
        for i in range(count + 1):
            if i == 1:
                executed[0] = 0  # the first send warms caches and opens connections
            await socket.send_json_to({"type": "send", "conversation_id": conversation_id, "text": f"计数{i}"})
            frames = {(await socket.receive_json_from(timeout=10))["type"] for _ in range(2)}
            assert frames == {"ack", "message"}, frames
        await socket.disconnect()

    async_to_sync(scenario)()
    connection_created.disconnect(watch)
    return executed[0] / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", type=float, default=3.0, help="messages a second per socket")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    assert os.environ.get("REDIS_URL"), "the Redis channel layer is the one measured: set REDIS_URL"
    chats = prepare(args.clients // 2)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    env = {
        **os.environ,
        "DATABASE_POOL_MAX": os.environ.get("DATABASE_POOL_MAX", "8"),
    }
    command = [
        sys.executable, "-m", "uvicorn", "config.asgi:application", "--app-dir", str(ROOT / "backend"),
        "--workers", str(args.workers), "--port", str(args.port), "--loop", "uvloop", "--http", "httptools",
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    try:
        _wait_for_port(args.port, server)
        cpu_before = server_cpu_seconds(server.pid)
        result = asyncio.run(run(chats, port=args.port, rate=args.rate, seconds=args.seconds))
        cpu = server_cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=20)
    queries = queries_per_send(chats[0])
    print(
        f"{result['sockets']} sockets, {result['sent']} sent, {result['acked']} acknowledged, errors {result['errors']}"
    )
    drain = f"drained in {result['drain_seconds']:.1f} s"
    if result["drain_capped"]:
        drain += (
            f" — stopped at the {DRAIN_MAX_SECONDS:.0f} s cap with deliveries still arriving (late, maybe not lost)"
        )
    print(drain)
    if result["closed_early"]:
        print(f"{len(result['closed_early'])} sockets closed during the run, e.g. {result['closed_early'][:3]}")
    if result["first_error"]:
        print("first error:", result["first_error"][0])
    stored = max(result["acked"], 1)
    rows = [
        ("messages delivered / s", result["delivered_per_s"], "≥ 500", result["delivered_per_s"] >= 500),
        ("delivery p50 (ms)", result["p50"], "", None),
        ("delivery p95 (ms)", result["p95"], "≤ 100", result["p95"] <= 100),
        ("acknowledged but not delivered", result["lost"], "0", result["lost"] == 0),
        ("server CPU per acknowledged message (ms)", cpu * 1000 / stored, "", None),
        ("this client's CPU per acknowledged message (ms)", result["client_cpu"] * 1000 / stored, "", None),
        ("database queries per send frame", queries, "", None),
    ]
    print("\n| figure | size | ours | goal | met |\n|---|---|---|---|---|")
    for name, value, goal, met in rows:
        flag = "" if met is None else ("yes" if met else "NO")
        print(f"| {name} | {result['sockets']} sockets | {value:.1f} | {goal} | {flag} |")
    print(f"\nload average at the end {os.getloadavg()[0]:.1f}; workers {args.workers}; {time.strftime('%H:%M:%S')}")


if __name__ == "__main__":
    main()
