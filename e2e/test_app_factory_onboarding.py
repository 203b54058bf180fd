"""A factory's whole way in, through the built H5 app on a phone: sign up with phone + SMS code, choose
工厂, upload the licence, get approved in the console, fill the factory profile, publish stock through the
wizard rendered from the form schema, get the post approved, and see it on the board (R-FLOW-1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import (
    console_approve,
    fill,
    goto,
    licence_image,
    phones,
    photo_image,
    pick_region,
    shot,
    sign_up,
    tid,
    upload_image,
)
from playwright.sync_api import expect

from accounts.roles import Role
from accounts.tests.factories import make_staff
from factories.models import FactoryProfile
from listings.models import Post, PostStatus
from taxonomy.models import CategoryTag, Industry
from verification.models import Qualification, QualificationStatus
from verification.tests.factories import valid_uscc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

FACTORY_NAME = "义乌市恒温保温杯制造厂"
PRODUCT = "不锈钢真空保温杯"


def test_factory_signs_up_gets_verified_and_publishes_stock_R_FLOW_1_R_APP_2_R_APP_5(
    live_server: Any, page: Any, console_login: Any, phones: Any, artifacts: Path, tmp_path: Path
) -> None:
    base = live_server.url
    reviewer = make_staff(groups=(Role.REVIEWER.value,), password="review-pass-123")
    daily = Industry.objects.get(code="daily_goods")
    cup = CategoryTag.objects.get(industry=daily, name="保温杯")
    app = phones()

    # Sign up as a factory: onboarding continues with the licence form.
    sign_up(app, base, "13800000101", "factory", name="恒温保温杯")
    expect(tid(app, "qualification-form")).to_be_visible()
    upload_image(app, "files", licence_image(tmp_path))
    fill(app, "field-company_name", FACTORY_NAME)
    fill(app, "field-credit_code", valid_uscc(region="330782"))
    fill(app, "field-legal_representative", "王五")
    fill(app, "field-registered_address", "浙江省义乌市北苑街道 88 号")
    tid(app, "check-is_long_term").click()
    tid(app, "qualification-submit").click()
    # Submitted: the app moves on to the factory profile while the licence waits for review.
    expect(tid(app, "factory-profile-form")).to_be_visible()
    licence = Qualification.objects.get(company_name=FACTORY_NAME)
    assert licence.status == QualificationStatus.PENDING
    assert licence.files.count() == 1

    # A reviewer approves the licence in the console.
    console_login(reviewer.username, "review-pass-123")
    console_approve(page, base, f"verification/qualification/{licence.pk}", "已审核通过")
    licence.refresh_from_db()
    assert licence.status == QualificationStatus.APPROVED

    # The factory fills its profile and finishes onboarding.
    fill(app, "field-name", FACTORY_NAME)
    pick_region(app, "region-region", "330000", "330700", "330782")
    fill(app, "field-address", "北苑街道 88 号")
    tid(app, f"option-industry_id-{daily.pk}").click()
    tid(app, f"option-category_ids-{cup.pk}").click()
    fill(app, "field-main_products", "不锈钢保温杯、焖烧罐")
    fill(app, "field-contact_name", "王经理")
    fill(app, "field-contact_phone", "13900000101")
    # A factory page needs a workshop photo (issue #15 item 3; the API refuses a profile without one).
    with app.expect_response(lambda r: "/api/uploads" in r.url):  # the upload has finished
        upload_image(app, "photos", photo_image(tmp_path, "workshop", "恒温车间"), sheet=False)
    tid(app, "factory-profile-save").click()
    expect(tid(app, "me-header")).to_be_visible()
    expect(tid(app, "me-account-type")).to_contain_text("工厂")
    expect(tid(app, "me-qualification")).to_contain_text("已认证")
    profile = FactoryProfile.objects.get(owner=licence.user)
    assert profile.name == FACTORY_NAME and profile.region_id == "330782"
    shot(app, artifacts, "personal-center")

    # Publish stock: the wizard is rendered from GET /api/listings/form-schema/stock.
    goto(app, base, "pages/publish/index")
    expect(tid(app, "publish-kind-stock")).to_be_visible()
    expect(tid(app, "publish-refusal")).to_have_count(0)
    tid(app, "publish-kind-stock").click()
    expect(tid(app, "publish-form").locator('[data-testid="field-product_name"]')).to_be_visible()
    # Required fields are enforced before the next step.
    tid(app, "wizard-next").click()
    expect(tid(app, "error-product_name")).to_be_visible()
    fill(app, "field-product_name", PRODUCT)
    tid(app, f"option-industry_id-{daily.pk}").click()
    tid(app, f"option-category_id-{cup.pk}").click()
    shot(app, artifacts, "publish-form")
    tid(app, "wizard-next").click()
    fill(app, "field-quantity", "8000")
    tid(app, "option-quantity_unit-个").click()
    fill(app, "field-unit_price", "9.5")
    tid(app, "wizard-next").click()
    pick_region(app, "region-region_id", "330000", "330700", "330782")
    fill(app, "field-address", "北苑街道 88 号 2 号仓")
    tid(app, "wizard-next").click()
    expect(tid(app, "wizard-submit")).to_be_visible()
    # Stock needs a 实拍图 (issue #15 item 3): the form marks it required, the API refuses a lot without one.
    with app.expect_response(lambda r: "/api/uploads" in r.url):
        upload_image(app, "media_ids", photo_image(tmp_path, "stock", "保温杯库存"))
    shot(app, artifacts, "publish-stock-photo")
    tid(app, "wizard-submit").click()

    # My posts: waiting for review.
    mine = tid(app, "my-post").filter(has_text=PRODUCT[:6])
    expect(mine).to_have_count(1)
    expect(mine.locator('[data-testid="my-post-status"]')).to_contain_text("审核")
    shot(app, artifacts, "my-posts")
    post = Post.objects.get(owner=licence.user)
    assert post.status == PostStatus.PENDING
    assert post.quantity == 8000 and post.region_id == "330782" and post.category_id == cup.pk

    # A reviewer approves the post in the review queue.
    console_approve(page, base, f"listings/reviewqueueitem/{post.pk}", "，已通知发布者")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED

    # Visible: on the owner's list as 已发布, and on the public stock board for anyone.
    app.reload()
    tid(app, "my-posts-tab-published").click()
    expect(tid(app, "my-post").filter(has_text=PRODUCT[:6]).locator('[data-testid="my-post-status"]')).to_contain_text(
        "已发布"
    )
    visitor = phones()
    goto(visitor, base, "pages/board/index?kind=stock")
    card = tid(visitor, "post-card").filter(has_text=PRODUCT[:6])
    expect(card).to_have_count(1)
    expect(card.locator("uni-image")).to_have_count(1)  # the photo is the card's cover
    shot(visitor, artifacts, "board-stock")
    card.click()
    expect(tid(visitor, "post-detail")).to_be_visible()
    expect(tid(visitor, "post-title")).to_contain_text("保温杯")
    expect(tid(visitor, "post-owner")).to_contain_text(FACTORY_NAME)
