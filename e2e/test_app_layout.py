"""Every page of every role on a 390×844 phone (issue #15 items 1, 6, 7, 9).

Each role signs in as a person would (SMS, consent box first) and opens every page it can reach. On each
page the test measures every tap target — every element the app listens to taps on — and fails when one
is smaller than 44×44 px (inline links inside a sentence excepted, as WCAG 2.5.8 does) or when another
element covers its centre (a tab bar over a popup's 确定, a bottom bar over content). It also fails on
badges, times and numbers wrapped mid-word. A screenshot of each page goes to test-artifacts/.

Beside the audit: each role's home shows what that role came for, a network failure reads as one (never as
"not found" or "暂无推荐") with a retry that works, and no SMS request leaves before consent.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from app_helpers import fill, goto, phones, sign_in, tid
from playwright.sync_api import Page, expect

from accounts.tests.factories import make_user
from applications.tests.factories import labour_post
from listings.models import PostKind
from listings.tests.factories import NINGBO_YINZHOU, SHENZHEN_BAOAN, make_post, make_publisher

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]

MIN_TARGET_PX = 44

# Measures the tap targets marked by ``mark_tap_targets`` (``el.__tap``): visible ones, their size, and what
# lies at their centre once scrolled into view. A wot icon listens to taps whether anyone uses them or not (it
# re-emits them), so icons are not counted: an icon that acts as a button sits in a tappable view, measured.
AUDIT_JS = """
([min, scope]) => {
  const problems = [];
  const describe = (el) => {
    const id = el.closest('[data-testid]')?.getAttribute('data-testid') || '';
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 24);
    return `${el.tagName.toLowerCase()}.${String(el.className || '').split(' ')[0]}[${id}] "${text}"`;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let p = el; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return true;
  };
  const all = Array.from(document.querySelectorAll(scope ? `${scope} *` : 'uni-app *'));
  const targets = all.filter((el) => el.__tap && visible(el) && !el.classList.contains('wd-icon'));
  let checked = 0;
  for (const el of targets) {
    // Page-sized containers listening for taps (a card, a row) are targets too; they pass the size rule.
    const inline = getComputedStyle(el).display === 'inline';
    const own = (el.innerText || '').trim().length;
    const inSentence = inline && el.parentElement && (el.parentElement.innerText || '').trim().length > own;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    checked += 1;
    if (!inSentence && (r.width < min - 0.5 || r.height < min - 0.5)) {
      problems.push(`too small ${Math.round(r.width)}×${Math.round(r.height)}: ${describe(el)}`);
      continue;
    }
    const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && !el.contains(hit) && !hit.contains(el)) {
      problems.push(`covered by ${describe(hit)}: ${describe(el)}`);
    }
  }
  // Badges, times and numbers: a short text whose characters were laid out on more than one line.
  const wrapped = [];
  const root = scope ? document.querySelector(scope) : document;
  for (const el of root.querySelectorAll('uni-text, .status-tag, .chip, .pc-tag')) {
    if (!visible(el) || el.children.length > 1) continue;
    const text = (el.textContent || '').trim();
    if (!text || text.length > 24 || !/[0-9*:\\-\\/]|已|认证/.test(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) wrapped.push(`wrapped: ${describe(el)}`);
  }
  window.scrollTo(0, 0);
  return { checked, problems: problems.concat(wrapped) };
}
"""


def settle(page: Page) -> None:
    """Waits until the page has loaded: no request in flight, no loading block, no toast."""
    page.wait_for_load_state("networkidle")
    expect(tid(page, "page-loading")).to_have_count(0)
    expect(page.locator(".uni-toast:visible, uni-toast:visible")).to_have_count(0)


PROBLEMS: list[str] = []


def mark_tap_targets(page: Page) -> int:
    """Marks (``el.__tap``) every element of the app with a click listener, as the browser's DevTools see
    them (uni-app's H5 components add their listeners themselves, so the DOM alone does not tell)."""
    cdp = page.context.new_cdp_session(page)
    try:
        count = page.evaluate("() => (window.__cands = Array.from(document.querySelectorAll('uni-app *'))).length")
        marked = 0
        for i in range(count):
            found = cdp.send("Runtime.evaluate", {"expression": f"window.__cands[{i}]"})["result"]
            listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": found["objectId"]})["listeners"]
            if any(listener["type"] in ("click", "tap") for listener in listeners):
                page.evaluate(f"() => {{ window.__cands[{i}].__tap = true }}")
                marked += 1
        page.evaluate("() => { delete window.__cands }")
        return marked
    finally:
        cdp.detach()


def audit(page: Page, artifacts: Path, name: str, scope: str = "") -> int:
    """Measures the page's tap targets and wraps and screenshots it; what is below the bar is collected
    (all pages are measured, then the test fails listing every problem). Returns the targets checked."""
    settle(page)
    page.screenshot(path=str(artifacts / f"layout-{name}.png"), full_page=True)
    mark_tap_targets(page)
    result = page.evaluate(AUDIT_JS, [MIN_TARGET_PX, scope])
    PROBLEMS.extend(f"{name}: {problem}" for problem in result["problems"])
    return int(result["checked"])


def visit(page: Page, base: str, artifacts: Path, route: str, name: str, figures: dict[str, int]) -> None:
    goto(page, base, route)
    page.wait_for_timeout(300)  # the hash route swaps the page after the URL changes
    figures[name] = audit(page, artifacts, name)


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    """Two factories (one in 深圳 with a job, one in 宁波), a trade company with a procurement need in the
    factories' category, stock for sale, and a worker whose preference is 深圳."""
    factory = make_publisher("factory", phone="13800001501", display_name="宝安")
    other_factory = make_publisher("factory", phone="13800001502", display_name="鄞州")
    trade = make_publisher("trade", phone="13800001503", display_name="宁波外贸")
    worker = make_user(account_type="worker", phone="13800001504", display_name="李师傅")
    from matching.models import WorkerPreference
    from regions.models import Region
    from taxonomy.models import JobType

    preference = WorkerPreference.objects.create(user=worker, region=Region.objects.get(pk=SHENZHEN_BAOAN))
    preference.job_types.set([JobType.objects.get(name="缝纫工")])
    shenzhen_job = labour_post(owner=factory, title="宝安服装厂招缝纫工 日结 260 元")
    ningbo_job = labour_post(owner=other_factory, title="鄞州五金厂招普工", region_id=NINGBO_YINZHOU, wage_unit="month")
    need = make_post(owner=trade, kind=PostKind.PROCUREMENT, product_name="不锈钢真空保温杯")
    stock = make_post(owner=other_factory, kind=PostKind.STOCK, product_name="儿童保温杯尾货")
    return {
        "factory": factory,
        "trade": trade,
        "worker": worker,
        "shenzhen_job": shenzhen_job,
        "ningbo_job": ningbo_job,
        "need": need,
        "stock": stock,
        "factory_id": factory.factory.pk,
    }


def test_every_page_of_every_role_has_44px_targets_nothing_covered_no_mid_word_wraps_issue_15(
    live_server: Any, phones: Any, artifacts: Path, world: dict[str, Any]
) -> None:
    base = live_server.url
    figures: dict[str, int] = {}
    PROBLEMS.clear()
    job, stock, need, factory_id = world["shenzhen_job"].pk, world["stock"].pk, world["need"].pk, world["factory_id"]

    guest = phones()
    for route, name in [
        ("pages/home/index", "guest-home"),
        ("pages/factories/index", "guest-factories"),
        (f"pages/factories/detail?id={factory_id}", "guest-factory-detail"),
        ("pages/board/index?kind=labour", "guest-board-labour"),
        ("pages/board/index?kind=stock", "guest-board-stock"),
        (f"pages/posts/detail?id={stock}", "guest-stock-detail"),
        ("pages/search/index", "guest-search"),
        ("pages/publish/index", "guest-publish"),
        ("pages/messages/index", "guest-messages"),
        ("pages/me/index", "guest-me"),
        ("pages/legal/privacy", "guest-privacy"),
        ("pages/auth/sign-in", "guest-sign-in"),
    ]:
        visit(guest, base, artifacts, route, name, figures)

    worker = phones()
    sign_in(worker, base, "13800001504")
    for route, name in [
        ("pages/home/index", "worker-home"),
        ("pages/board/index?kind=labour", "worker-board-labour"),
        (f"pages/posts/detail?id={job}", "worker-job"),
        ("pages/factories/index", "worker-factories"),
        ("pages/messages/index", "worker-messages"),
        ("pages/me/index", "worker-me"),
        ("pages/me/job-preferences", "worker-job-preferences"),
        ("pages/me/applications", "worker-applications"),
        ("pages/me/qualification", "worker-qualification"),
        ("pages/me/favourites", "worker-favourites"),
        ("pages/me/connections", "worker-connections"),
        ("pages/me/complaints", "worker-complaints"),
        ("pages/me/feedback", "worker-feedback"),
        ("pages/me/profile", "worker-profile"),
        ("pages/me/account", "worker-account"),
    ]:
        visit(worker, base, artifacts, route, name, figures)

    factory = phones()
    sign_in(factory, base, "13800001501")
    for route, name in [
        ("pages/home/index", "factory-home"),
        (f"pages/posts/detail?id={need}", "factory-procurement-detail"),
        ("pages/publish/index", "factory-publish"),
        ("pages/publish/form?kind=stock", "factory-publish-stock"),
        ("pages/me/index", "factory-me"),
        ("pages/me/posts", "factory-my-posts"),
        ("pages/me/factory-profile", "factory-profile"),
        ("pages/me/applications", "factory-applicants"),
        (f"pages/factories/detail?id={factory_id}", "factory-own-page"),
    ]:
        visit(factory, base, artifacts, route, name, figures)

    trade = phones()
    sign_in(trade, base, "13800001503")
    for route, name in [
        ("pages/home/index", "trade-home"),
        ("pages/factories/index", "trade-factories"),
        (f"pages/posts/detail?id={stock}", "trade-stock-detail"),
        ("pages/publish/form?kind=procurement", "trade-publish-procurement"),
        ("pages/me/index", "trade-me"),
        ("pages/me/posts", "trade-my-posts"),
    ]:
        visit(trade, base, artifacts, route, name, figures)
    # A chat, opened as a buyer does: 联系对方 on the stock lot.
    goto(trade, base, f"pages/posts/detail?id={stock}")
    tid(trade, "contact-button").click()
    expect(tid(trade, "chat-messages")).to_be_visible()
    figures["trade-chat"] = audit(trade, artifacts, "trade-chat")

    # The factory tag filter's popup clears the tab bar: its 确定 is on top and can be tapped.
    goto(trade, base, "pages/factories/index")
    settle(trade)
    tid(trade, "filter-tags").click()
    apply = tid(trade, "tag-apply")
    expect(apply).to_be_visible()
    trade.wait_for_timeout(400)  # the popup slides up
    on_top = apply.evaluate(
        "el => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + r.width / 2,"
        " r.top + r.height / 2); return !hit || el.contains(hit) || hit.contains(el) ? ''"
        " : `${hit.tagName} ${hit.className} at ${Math.round(r.top)}–${Math.round(r.bottom)}`; }"
    )
    assert not on_top, f"the tag filter's 确定 lies under another element: {on_top}"
    # With the popup open, only the popup is for tapping (it covers the page and the tab bar, as it should).
    panel = '[data-testid="tag-panel"]'
    figures["trade-factory-tags-popup"] = audit(trade, artifacts, "trade-factory-tags-popup", panel)
    apply.click()
    expect(apply).to_be_hidden()

    (artifacts / "layout-figures.txt").write_text(
        "\n".join(f"{name}\t{n} tap targets" for name, n in sorted(figures.items())), encoding="utf-8"
    )
    assert not PROBLEMS, f"{len(PROBLEMS)} below the bar:\n" + "\n".join(PROBLEMS)
    assert len(figures) >= 40 and all(n > 0 for n in figures.values()), figures


def test_each_role_home_shows_what_that_role_came_for_issue_15(
    live_server: Any, phones: Any, artifacts: Path, world: dict[str, Any]
) -> None:
    """Item 1: worker → jobs near them with filters; factory → demands that fit it; trade → stock and
    factories; signed out → the general home."""
    base = live_server.url
    card = '[data-testid="post-card"][data-id="{}"]'

    guest = phones()
    goto(guest, base, "pages/home/index")
    settle(guest)
    expect(tid(guest, "home")).to_have_attribute("data-role", "guest")
    expect(tid(guest, "nav-labour")).to_be_visible()
    expect(tid(guest, "nav-factories")).to_be_visible()
    expect(tid(guest, "home-recommendations").locator('[data-testid="post-card"]').first).to_be_visible()

    worker = phones()
    sign_in(worker, base, "13800001504")
    goto(worker, base, "pages/home/index")
    settle(worker)
    expect(tid(worker, "home")).to_have_attribute("data-role", "worker")
    jobs = tid(worker, "home-jobs")
    # Nearby first: the preference is 深圳宝安, so the 宁波 job is not on the first screen of jobs.
    shenzhen = jobs.locator(card.format(world["shenzhen_job"].pk))
    expect(shenzhen).to_be_visible()
    expect(jobs.locator(card.format(world["ningbo_job"].pk))).to_have_count(0)
    # A job card as workers know it: the wage large, then 包吃 包住 18–50岁 period 已认证.
    expect(shenzhen.locator('[data-testid="job-wage"]')).to_contain_text("260")
    tags = shenzhen.locator('[data-testid="job-tags"]')
    for tag in ("包吃", "包住", "18–50岁", "已认证"):
        expect(tags).to_contain_text(tag)
    expect(tags).to_contain_text(re.compile(r"\d\d/\d\d–\d\d/\d\d"))
    worker.screenshot(path=str(artifacts / "app-home-worker.png"), full_page=True)
    # Filters: 包吃 keeps it; the wage unit 月薪 (the 宁波 job's) in 深圳 leaves nothing — said as such.
    tid(worker, "home-filter-meals").click()
    expect(shenzhen).to_be_visible()
    worker.locator(".wd-drop-menu__item", has_text="工资").click()
    worker.locator(".wd-drop-item__option:visible", has_text="月薪").click()
    expect(worker.locator(".wd-drop-menu__item", has_text="月薪")).to_be_visible()
    expect(tid(worker, "list-empty")).to_contain_text("附近暂无符合条件的工作")

    factory = phones()
    sign_in(factory, base, "13800001501")
    goto(factory, base, "pages/home/index")
    settle(factory)
    expect(tid(factory, "home")).to_have_attribute("data-role", "factory")
    recommended = tid(factory, "home-recommendations")
    expect(recommended.locator(card.format(world["need"].pk))).to_be_visible()
    expect(recommended).to_contain_text("与您工厂的品类相符的需求")
    expect(factory.get_by_text("适合您工厂的需求")).to_be_visible()
    factory.screenshot(path=str(artifacts / "app-home-factory.png"), full_page=True)

    trade = phones()
    sign_in(trade, base, "13800001503")
    goto(trade, base, "pages/home/index")
    settle(trade)
    expect(tid(trade, "home")).to_have_attribute("data-role", "trade")
    expect(tid(trade, "home-section-stock").locator(card.format(world["stock"].pk))).to_be_visible()
    expect(tid(trade, "home-section-factories").locator('[data-testid="factory-card"]').first).to_be_visible()
    trade.screenshot(path=str(artifacts / "app-home-trade.png"), full_page=True)


def test_a_network_failure_reads_as_one_and_retry_works_issue_15(
    live_server: Any, phones: Any, artifacts: Path, world: dict[str, Any]
) -> None:
    """Item 6: offline is never "信息不存在" / "暂无推荐"; 我的 keeps 已认证 for a verified company offline."""
    base = live_server.url
    trade = phones()
    sign_in(trade, base, "13800001503")

    # 我的 once online (the licence is remembered), then with the API unreachable.
    goto(trade, base, "pages/me/index")
    expect(tid(trade, "me-qualification")).to_contain_text("已认证")
    trade.route("**/api/qualifications/mine*", lambda route: route.abort())
    trade.reload()
    expect(tid(trade, "me-qualification")).to_contain_text("已认证")
    expect(tid(trade, "me-qualification")).not_to_contain_text("未认证")
    trade.unroute("**/api/qualifications/mine*")

    trade.route("**/api/listings/posts/*", lambda route: route.abort())
    goto(trade, base, f"pages/posts/detail?id={world['stock'].pk}")
    expect(tid(trade, "page-offline")).to_be_visible()
    expect(tid(trade, "page-offline")).to_contain_text("网络连接失败")
    expect(trade.get_by_text("信息不存在或已下架")).to_have_count(0)
    trade.screenshot(path=str(artifacts / "app-offline-detail.png"), full_page=True)
    trade.unroute("**/api/listings/posts/*")
    tid(trade, "page-retry").click()
    expect(tid(trade, "post-detail")).to_be_visible()

    trade.route("**/api/home*", lambda route: route.abort())
    goto(trade, base, "pages/home/index")
    expect(tid(trade, "home-recommendations").locator('[data-testid="page-offline"]')).to_be_visible()
    expect(tid(trade, "home-recommendations")).not_to_contain_text("暂无推荐")
    trade.unroute("**/api/home*")
    tid(trade, "home-recommendations").locator('[data-testid="page-retry"]').click()
    # Back online: the trade company's recommendations (factories making what it buys).
    recommended = tid(trade, "home-recommendations").locator('[data-testid="factory-card"], [data-testid="post-card"]')
    expect(recommended.first).to_be_visible()

    # A post that is really gone says so.
    goto(trade, base, "pages/posts/detail?id=999999")
    trade.reload()  # a new query on the page already open: load it afresh
    expect(tid(trade, "page-not-found")).to_contain_text("信息不存在或已下架")


def test_no_sms_request_leaves_before_the_consent_box_is_ticked_issue_15(live_server: Any, phones: Any) -> None:
    """Item 9: nothing personal leaves the device before consent — the SMS request included."""
    base = live_server.url
    page = phones()
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/api/auth/" in request.url else None)
    goto(page, base, "pages/auth/sign-in")
    fill(page, "sign-in-phone", "13800001599")
    tid(page, "sign-in-send-code").click()
    expect(page.get_by_text("请先阅读并同意《用户协议》《信息发布规则》和《隐私政策》")).to_be_visible()
    page.wait_for_timeout(500)
    assert sent == []

    tid(page, "sign-in-consent").click()
    tid(page, "sign-in-send-code").click()
    expect(tid(page, "sign-in-send-code")).to_contain_text("秒后重发")
    assert any(url.endswith("/api/auth/sms-codes") for url in sent)
