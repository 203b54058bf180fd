"""A trade company publishes a procurement demand in the app; once a reviewer approves it, a factory
making that category finds it recommended on its home page (R-FLOW-2, R-ROLE-3, R-APP-1, R-APP-2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import console_approve, fill, goto, phones, pick_region, shot, sign_in, tid
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff, signed_in_client
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_publisher
from taxonomy.models import CategoryTag, Industry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

TRADE_PHONE = "13800000301"
FACTORY_PHONE = "13800000302"
PRODUCT = "双层不锈钢保温杯 500ml"


def test_procurement_published_in_the_app_is_recommended_to_a_matching_factory_R_FLOW_2_R_ROLE_3(
    live_server: Any, page: Any, console_login: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    trade = make_publisher("trade", phone=TRADE_PHONE, display_name="海纳外贸")
    factory_owner = make_publisher("factory", phone=FACTORY_PHONE, display_name="恒达")
    daily = Industry.objects.get(code="daily_goods")
    cup = CategoryTag.objects.get(industry=daily, name="保温杯")

    # The verified trade company publishes a demand through the schema-driven wizard.
    buyer = phones()
    sign_in(buyer, base, TRADE_PHONE)
    goto(buyer, base, "pages/publish/index")
    tid(buyer, "publish-kind-procurement").click()
    expect(tid(buyer, "publish-form").locator('[data-testid="field-product_name"]')).to_be_visible()
    fill(buyer, "field-product_name", PRODUCT)
    tid(buyer, f"option-industry_id-{daily.pk}").click()
    tid(buyer, f"option-category_id-{cup.pk}").click()
    fill(buyer, "field-quantity", "30000")
    tid(buyer, "option-quantity_unit-个").click()
    tid(buyer, "wizard-next").click()
    # Delivery date: the picker opens a month ahead; confirm it.
    buyer.locator(".sf-input-delivery_date .wd-cell").first.click()
    buyer.locator(
        ".sf-input-delivery_date .wd-datetime-picker__action:not(.wd-datetime-picker__action--cancel)"
    ).click()
    expect(buyer.locator(".sf-input-delivery_date .wd-datetime-picker__placeholder")).to_have_count(0)
    fill(buyer, "field-unit_price", "12.5")
    tid(buyer, "option-currency-USD").click()
    tid(buyer, "option-destination_market-europe").click()
    tid(buyer, "wizard-next").click()
    pick_region(buyer, "region-region_id", "330000", "330200", "330212")
    fill(buyer, "field-description", "304 内胆，需要 LFGB 认证，可先打样。")
    tid(buyer, "wizard-submit").click()
    expect(tid(buyer, "my-post").filter(has_text="保温杯")).to_have_count(1)
    post = Post.objects.get(owner=trade, kind=PostKind.PROCUREMENT)
    assert post.status == PostStatus.PENDING
    assert post.category_id == cup.pk and post.quantity == 30000 and post.delivery_date is not None

    # Approved in the console's review queue.
    console_login(reviewer.username, "review-pass-123")
    console_approve(page, base, f"listings/reviewqueueitem/{post.pk}", "，已通知发布者")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED

    # The factory that makes 保温杯 opens the app: the demand is recommended, with the reason.
    factory = phones()
    sign_in(factory, base, FACTORY_PHONE)
    goto(factory, base, "pages/home/index")
    card = tid(factory, "home-recommendations").locator(f'[data-testid="post-card"][data-id="{post.pk}"]')
    expect(card).to_be_visible()
    expect(card).to_contain_text("保温杯")
    expect(card).to_contain_text("品类")
    shot(factory, artifacts, "home-factory-recommendations")
    card.click()
    expect(tid(factory, "post-detail")).to_be_visible()
    expect(tid(factory, "post-title")).to_contain_text("保温杯")

    # The matching API the app's data comes from agrees.
    matches = signed_in_client(factory_owner).get("matching/for-me").json()
    assert post.pk in [m["post"]["id"] for m in matches if m.get("post")]
