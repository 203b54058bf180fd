"""The labour board without the platform's 人力资源服务许可证 (issue #16 item 4): the board and the publish page say
why it is off while other boards work; once the operator enters the licence, the board, its jobs and the
licence line are back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_helpers import goto, phones, shot, sign_up, tid
from playwright.sync_api import expect

from applications.tests.factories import labour_post
from listings.models import PostKind, RecruitmentLicence
from listings.tests.factories import make_post, make_recruitment_licence

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.no_recruitment_licence,
]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here


def test_labour_board_shows_why_it_is_off_and_comes_back_with_the_licence_issue16(
    live_server: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    make_recruitment_licence()
    job = labour_post(title="宝安服装厂招缝纫工 日结 260 元")
    stock = make_post(kind=PostKind.STOCK, title="库存保温杯 3000 个")
    RecruitmentLicence.objects.all().delete()

    worker = phones()
    sign_up(worker, base, "13800000451", "worker")
    goto(worker, base, "pages/board/index?kind=labour")
    expect(tid(worker, "board-closed")).to_contain_text("人力资源服务许可证")
    expect(tid(worker, "board-list")).to_have_count(0)
    shot(worker, artifacts, "board-labour-closed")
    goto(worker, base, "pages/board/index?kind=stock")
    worker.reload()  # the same page with another query: the hash router keeps the page otherwise
    expect(tid(worker, "board-list").locator(f'[data-testid="post-card"][data-id="{stock.pk}"]')).to_be_visible()

    factory = phones()
    sign_up(factory, base, "13800000452", "factory")
    goto(factory, base, "pages/publish/index")
    expect(tid(factory, "publish-closed-labour")).to_contain_text("暂停服务")

    make_recruitment_licence()
    goto(worker, base, "pages/board/index?kind=labour")
    worker.reload()
    expect(tid(worker, "board-licence")).to_contain_text("人力资源服务许可证")
    card = tid(worker, "board-list").locator(f'[data-testid="post-card"][data-id="{job.pk}"]')
    expect(card).to_be_visible()
    card.click()
    expect(tid(worker, "recruitment-licence")).to_contain_text("深圳市人力资源和社会保障局")
    shot(worker, artifacts, "job-with-licence")
