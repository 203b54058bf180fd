"""Browser tests: Playwright driving Debian's Chromium against a live server of the whole platform.

Playwright cannot download its own browser here, so the executable path is passed. Under CI=true a
missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API keeps an asyncio loop running in the test thread; the tests' own ORM calls are
# ordinary synchronous code, so Django's async-safety guard is lifted for this test package only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ARTIFACTS = Path(os.environ.get("CMT_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts"))


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if chromium_path():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError("CI=true but Chromium is missing: install Debian's chromium (see .ci/run)")
    skip = pytest.mark.skip(reason="Chromium not installed (apt-get install chromium); CI runs these")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    return {
        "executable_path": chromium_path(),
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "zh-CN", "timezone_id": "Asia/Shanghai"}


@pytest.fixture
def phone_context_args() -> dict[str, Any]:
    return {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def console_login(live_server: Any, page: Any) -> Any:
    """Signs a console operator in through the real login form."""

    def login(username: str, password: str) -> Any:
        page.goto(f"{live_server.url}/admin/login/?next=/admin/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    return login


@pytest.fixture(autouse=True)
def _seeded_database(request: Any) -> None:
    """Restores the migrated data a previous transactional test flushed. Django's own serialized restore
    misses here: it runs before the ``page`` fixture, on a connection object the test body (running under
    Playwright's event loop) no longer uses. So: set up ``page`` first, then restore in the test's context."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page")
    from common.testing import restore_serialized_database

    restore_serialized_database()
