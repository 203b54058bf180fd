"""Shared steps for the browser journeys through the built H5 app (client/dist/build/h5, served at ``/``).

The app's test hooks are ``data-testid`` attributes (see client/README.md). Every step waits for what a
user would wait for (an element, a text), never for a fixed time, except the short pause a debounced
input needs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

# The uni-app pages are slow to mount the first time a context loads the bundle on a 2-core machine.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture
def phones(browser: Any, browser_context_args: dict[str, Any], phone_context_args: dict[str, Any]) -> Iterator[Any]:
    """Opens phone-sized pages, one browser context (one person) each, closed after the test."""
    contexts: list[Any] = []

    def open_phone() -> Page:
        context = browser.new_context(**{**browser_context_args, **phone_context_args})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


def tid(page: Page, testid: str) -> Locator:
    return page.locator(f'[data-testid="{testid}"]')


def fill(page: Page, testid: str, value: str) -> None:
    """Types into the input or textarea of a form field (``field-<name>``, ``sign-in-phone`` …)."""
    tid(page, testid).locator("input, textarea").first.fill(value)


def goto(page: Page, base_url: str, route: str) -> None:
    """Opens an app route through the hash router, e.g. ``pages/me/index``."""
    page.goto(f"{base_url}/#/{route}")


def sms_code(phone: str) -> str:
    """The code the server texted to ``phone`` (the live server shares this process's outbox)."""
    from accounts.sms import OutboxSmsSender

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        codes = [code for to, code in OutboxSmsSender.outbox if to == phone]
        if codes:
            return codes[-1]
        time.sleep(0.1)
    raise AssertionError(f"no SMS code was sent to {phone}")


def sign_in(page: Page, base_url: str, phone: str) -> None:
    """Phone + SMS code sign-in as a user would do it in H5 (a new number creates the account)."""
    goto(page, base_url, "pages/auth/sign-in")
    fill(page, "sign-in-phone", phone)
    tid(page, "sign-in-consent").click()
    tid(page, "sign-in-send-code").click()
    fill(page, "sign-in-code", sms_code(phone))
    tid(page, "sign-in-submit").click()
    expect(tid(page, "sign-in-submit")).to_have_count(0)


def sign_up(page: Page, base_url: str, phone: str, account_type: str, name: str = "") -> None:
    """A new number signs in, then chooses its account type and names itself (the company name, or a
    worker's nickname: issue #15 item 4), confirmed in the modal (the type cannot change)."""
    sign_in(page, base_url, phone)
    tid(page, f"account-type-{account_type}").click()
    fill(page, "account-name-input", name or ("李师傅" if account_type == "worker" else f"测试企业{phone[-4:]}"))
    tid(page, "account-type-confirm").click()
    page.locator(".uni-modal__btn_primary").click()
    expect(tid(page, "account-type-confirm")).to_have_count(0)


def pick_region(page: Page, testid: str, *adcodes: str, whole: bool = False) -> None:
    """Opens a region picker and taps down the levels; ``whole`` then takes the last level as a whole."""
    tid(page, testid).click()
    for adcode in adcodes:
        tid(page, f"region-option-{adcode}").click()
    if whole:
        tid(page, "region-all").click()
    expect(tid(page, "region-panel").first).to_be_hidden()


def upload_image(page: Page, field: str, path: Path, *, sheet: bool = True) -> None:
    """``upload-<field>-add`` → the action sheet's 选择图片 → the browser's file chooser. A field that
    takes images only (``sheet=False``) opens the file chooser at once."""
    if sheet:
        tid(page, f"upload-{field}-add").click()
        with page.expect_file_chooser() as chooser:
            page.locator(".uni-actionsheet__cell", has_text="选择图片").click()
    else:
        with page.expect_file_chooser() as chooser:
            tid(page, f"upload-{field}-add").click()
    chooser.value.set_files(str(path))
    expect(tid(page, f"upload-{field}").locator(".fu-thumb")).to_have_count(1)


def action_sheet(page: Page, label: str) -> None:
    page.locator(".uni-actionsheet__cell", has_text=label).click()


def console_approve(page: Page, base_url: str, change_path: str, done_text: str) -> None:
    """A reviewer opens an item in the console and approves it: a post in the review workbench (one step,
    issue #14), a qualification on its page with the confirmation step."""
    if change_path.startswith("listings/reviewqueueitem/"):
        page.goto(f"{base_url}/admin/listings/reviewqueueitem/workbench/{change_path.rsplit('/', 1)[1]}/")
        page.get_by_role("button", name="审核通过").click()
        expect(page.get_by_text(done_text).first).to_be_visible()
        return
    page.goto(f"{base_url}/admin/{change_path}/change/")
    page.get_by_role("link", name="审核通过", exact=True).click()
    page.get_by_role("button", name="确认通过").click()
    expect(page.get_by_text(done_text).first).to_be_visible()


def photo_image(directory: Path, kind: str, label: str) -> Path:
    """A workshop or stock photo drawn as the demo data draws them (``uploads.demo_images``)."""
    from uploads.demo_images import draw_stock, draw_workshop

    path = directory / f"{kind}.png"
    path.write_bytes((draw_workshop if kind == "workshop" else draw_stock)(label, seed=label))
    return path


def licence_image(directory: Path) -> Path:
    """A photo of a licence, as far as the upload checks go: a real PNG."""
    from PIL import Image, ImageDraw

    path = directory / "营业执照.png"
    image = Image.new("RGB", (640, 440), "#f4efe2")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 620, 420), outline="#b22222", width=6)
    draw.text((60, 60), "BUSINESS LICENCE 91330782", fill="#222222")
    image.save(path)
    return path


def shot(page: Page, artifacts: Path, name: str) -> None:
    """A full-page screenshot for the test artefacts, once any toast (登录成功 …) has gone."""
    expect(page.locator(".uni-toast:visible, uni-toast:visible")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"app-{name}.png"), full_page=True)
