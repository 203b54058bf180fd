"""A trade company finds stock by searching, contacts the factory and chats; the factory replies and marks
the deal, which counts towards its 接单量 (R-FLOW-2, R-FLOW-3, R-APP-3, R-APP-4, R-PLUS-1). Two people,
two phone-sized browser contexts, the built H5 app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import action_sheet, fill, goto, phones, shot, sign_in, sign_up, tid
from playwright.sync_api import expect

from factories.models import FactoryProfile
from listings.models import PostKind
from listings.tests.factories import make_post, make_publisher
from messaging.models import Connection, ConnectionStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

FACTORY_PHONE = "13800000201"
QUESTION = "您好，这批保温杯可以寄样品看看吗？"
REPLY = "可以的，样品今天顺丰寄出，欢迎来厂验货。"


def test_trade_company_searches_contacts_chats_and_the_factory_marks_a_deal_R_FLOW_2_R_FLOW_3(
    live_server: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    owner = make_publisher("factory", phone=FACTORY_PHONE, display_name="佳宝")
    post = make_post(owner=owner, kind=PostKind.STOCK, product_name="不锈钢真空保温杯尾货")
    profile = FactoryProfile.objects.get(owner=owner)
    assert profile.completed_deals == 0

    # The trade company signs up, finds the stock from the home page's search.
    buyer = phones()
    sign_up(buyer, base, "13800000202", "trade")
    goto(buyer, base, "pages/home/index")
    expect(tid(buyer, "nav-stock")).to_be_visible()
    expect(tid(buyer, "home-recommendations").locator('[data-testid="post-card"]').first).to_be_visible()
    shot(buyer, artifacts, "home")
    tid(buyer, "home-search").click()
    search = tid(buyer, "search-input").locator("input")
    search.fill("保温杯")
    search.press("Enter")
    hit = tid(buyer, "search-hit").and_(buyer.locator(f'[data-type="post"][data-id="{post.pk}"]'))
    expect(hit).to_be_visible()
    # The matched word is highlighted in the hit.
    expect(hit.locator(".hl-hit").first).to_have_text("保温杯")
    shot(buyer, artifacts, "search-results")
    hit.click()
    expect(tid(buyer, "post-detail")).to_be_visible()
    expect(tid(buyer, "post-title")).to_contain_text("保温杯")
    shot(buyer, artifacts, "post-detail")

    # 联系对方 opens the chat about this post; the first message goes to the factory.
    tid(buyer, "contact-button").click()
    expect(tid(buyer, "chat-page")).to_be_visible()
    expect(tid(buyer, "chat-subject")).to_contain_text("保温杯")
    fill(buyer, "chat-input", QUESTION)
    tid(buyer, "chat-send").click()
    expect(buyer.locator('[data-testid="chat-message"][data-mine="1"]')).to_contain_text(QUESTION)

    # The factory, on its own phone, sees an unread conversation and replies.
    factory = phones()
    sign_in(factory, base, FACTORY_PHONE)
    goto(factory, base, "pages/messages/index")
    conversation = tid(factory, "conversation-item").first
    expect(conversation.locator('[data-testid="conversation-unread"]')).to_have_text("1")
    shot(factory, artifacts, "messages")
    conversation.click()
    expect(factory.locator('[data-testid="chat-message"][data-mine="0"]')).to_contain_text(QUESTION)
    fill(factory, "chat-input", REPLY)
    tid(factory, "chat-send").click()
    expect(factory.locator('[data-testid="chat-message"][data-mine="1"]')).to_contain_text(REPLY)

    # The buyer's open chat shows the reply without reloading.
    expect(buyer.locator('[data-testid="chat-message"][data-mine="0"]')).to_contain_text(REPLY)
    shot(buyer, artifacts, "chat")

    # The factory marks the connection a deal (对接进度 → 已成交).
    tid(factory, "chat-progress").click()
    action_sheet(factory, "已成交")
    expect(tid(factory, "chat-connection-status")).to_have_text("已成交")

    connection = Connection.objects.get(post=post)
    assert connection.status == ConnectionStatus.DEAL
    assert connection.counterpart_id == owner.pk
    profile.refresh_from_db()
    assert profile.completed_deals == 1

    # The buyer sees it in 对接记录 and on the factory's page (接单量 1).
    goto(buyer, base, "pages/me/connections")
    record = tid(buyer, "connection-item").filter(has_text="保温杯")
    expect(record.locator('[data-testid="connection-status"]')).to_have_text("已成交")
    goto(buyer, base, f"pages/factories/detail?id={profile.pk}")
    expect(tid(buyer, "factory-name")).to_have_text(profile.name)
    expect(tid(buyer, "verified-badge")).to_be_visible()
    expect(tid(buyer, "trust-signals").locator(".fdt-trust__item", has_text="接单量")).to_contain_text("1")
    goto(buyer, base, "pages/factories/index")
    card = tid(buyer, "factory-card").and_(buyer.locator(f'[data-id="{profile.pk}"]'))
    expect(card).to_contain_text("接单 1")
    shot(buyer, artifacts, "factory-directory")
