"""A real server on loopback for tests that need one: uvicorn serving ``config.asgi`` in its own process,
with its own database (a fresh SQLite file under a temporary directory, or a fresh PostgreSQL database when
the tests run on PostgreSQL), configured exactly like ``make run`` (WAL, IMMEDIATE transactions, …).

Used by the schemathesis run over every API operation and by the concurrent-writers test. The accounts
it signs in are built by the accounts' own test builders inside the server's database.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import httpx

PROJECT_DIR = Path(__file__).resolve().parents[2]

# Runs inside the server's database (``manage.py shell -c``): one signed-in account of each app type (the
# factory and the trade company verified, so they may publish), a published post of the factory's, and
# ``extra`` more trade accounts with a verified seller and its post to write to; prints tokens and ids.
_SETUP = """
import json
from accounts.services import issue_token
from accounts.tests.factories import make_user
from listings.tests.factories import make_publisher, make_recruitment_licence
from messaging.tests.factories import make_post
make_recruitment_licence()
factory_owner = make_publisher("factory", username="live_factory")
make_post(owner=factory_owner)
# The seller the extra accounts write to; no token of it is handed out, so its post stays published.
seller = make_publisher("factory", username="live_seller")
factory = seller.factory
post = make_post(owner=seller)
tokens = {
    "factory": issue_token(user=factory_owner),
    "trade": issue_token(user=make_publisher("trade", username="live_trade")),
    "worker": issue_token(user=make_user(account_type="worker", username="live_worker")),
}
extra = [issue_token(user=make_user(account_type="trade", username=f"live_extra_{n}")) for n in range(EXTRA)]
print("LIVE-SETUP " + json.dumps({"tokens": tokens, "extra": extra, "post_id": post.pk, "factory_id": factory.pk}))
"""


_UVICORN = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--app-dir", "backend"]


@dataclass
class LiveServer:
    base_url: str
    tokens: dict[str, str]
    extra_tokens: list[str]
    post_id: int
    factory_id: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fresh_postgres_url(url: str, suffix: str) -> str:
    """A new empty database next to the one in ``url`` (dropped first if a previous run left it)."""
    import psycopg

    parsed = urlparse(url)
    name = (parsed.path.lstrip("/") or "postgres") + suffix
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path="/" + name))


def start(*, var_dir: Path, wechat_base: str, extra_accounts: int = 0) -> LiveServer:
    """Migrates a fresh database, builds the accounts, starts uvicorn and waits until it answers."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_", "CMT_"))}
    env.update(
        {
            "PYTHONPATH": str(PROJECT_DIR / "backend"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "CMT_VAR_DIR": str(var_dir),
            "CMT_MEDIA_ROOT": str(var_dir / "media"),
            "CMT_LOG_LEVEL": "WARNING",
            "CMT_UPLOAD_MAX_FILES_PER_DAY": "100000",
            "WECHAT_API_BASE": wechat_base,
            "WECHAT_APP_ID": "wx-test-app",
            "WECHAT_APP_SECRET": "test-secret",
            "REDIS_URL": "",
            # No worker beside the live server: effects run in its process on commit.
            "CMT_TASKS_EAGER": "1",
        }
    )
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"] = _fresh_postgres_url(database_url, "_live")
    else:
        env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(PROJECT_DIR / "backend" / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=PROJECT_DIR, check=True)
    setup = subprocess.run(
        [*manage, "shell", "-c", _SETUP.replace("EXTRA", str(int(extra_accounts)))],
        env=env,
        cwd=PROJECT_DIR,
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(row for row in setup.stdout.splitlines() if row.startswith("LIVE-SETUP "))
    built: dict[str, Any] = json.loads(line.removeprefix("LIVE-SETUP "))

    port = _free_port()
    log_path = var_dir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*_UVICORN, "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
            env=env,
            cwd=PROJECT_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(
        base_url=f"http://127.0.0.1:{port}",
        tokens=built["tokens"],
        extra_tokens=built["extra"],
        post_id=built["post_id"],
        factory_id=built["factory_id"],
        log_path=log_path,
        process=process,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"live server exited:\n{server.log()[-3000:]}")
        try:
            if httpx.get(server.base_url + "/api/openapi.json", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"live server did not start:\n{server.log()[-3000:]}")
