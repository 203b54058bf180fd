"""A worker filters the jobs by city, applies, and sees 已录用 once the factory hires them from its
applicants page (R-FLOW-2, R-ROLE-2, R-APP-1, R-APP-5). Two phones: the worker and the factory."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from app_helpers import goto, phones, pick_region, shot, sign_in, sign_up, tid
from playwright.sync_api import expect

from applications.models import Application, ApplicationStatus
from applications.tests.factories import labour_post
from listings.tests.factories import NINGBO_YINZHOU, make_publisher
from taxonomy.models import JobType

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

__all__ = ["phones"]  # the fixture, imported so that pytest finds it here

FACTORY_PHONE = "13800000401"


def test_worker_filters_by_city_applies_and_sees_the_hire_R_FLOW_2_R_ROLE_2(
    live_server: Any, phones: Any, artifacts: Path
) -> None:
    base = live_server.url
    owner = make_publisher("factory", phone=FACTORY_PHONE, display_name="宝安")
    shenzhen_job = labour_post(owner=owner, title="宝安服装厂招缝纫工 日结 260 元")
    ningbo_job = labour_post(
        owner=make_publisher("factory"),
        title="鄞州五金厂招普工",
        region_id=NINGBO_YINZHOU,
        job_type_id=JobType.objects.exclude(name="缝纫工").first().pk,  # type: ignore[union-attr]
    )

    # A new worker opens the labour board: both cities at first, then only 深圳.
    worker = phones()
    sign_up(worker, base, "13800000402", "worker")
    goto(worker, base, "pages/board/index?kind=labour")
    board = tid(worker, "board-list")
    expect(board.locator(f'[data-testid="post-card"][data-id="{ningbo_job.pk}"]')).to_be_visible()
    pick_region(worker, "board-filter-region", "440000", "440300", whole=True)
    expect(tid(worker, "board-filter-region")).to_contain_text("深圳")
    expect(board.locator(f'[data-testid="post-card"][data-id="{ningbo_job.pk}"]')).to_have_count(0)
    card = board.locator(f'[data-testid="post-card"][data-id="{shenzhen_job.pk}"]')
    expect(card).to_be_visible()
    expect(board.locator('[data-testid="post-card"]')).to_have_count(1)
    shot(worker, artifacts, "board-labour")

    # Apply from the job's page.
    card.click()
    expect(tid(worker, "post-detail")).to_be_visible()
    expect(tid(worker, "no-fee-statement")).to_be_visible()
    # Issue #15 item 2: 立即报名 is the solid (primary) action, 联系对方 the outline one; once applied, the
    # page shows the application's state instead of 立即报名.
    expect(tid(worker, "apply-button")).to_have_class(re.compile(r"is-primary"))
    expect(tid(worker, "contact-button")).to_have_class(re.compile(r"is-plain"))
    tid(worker, "apply-button").click()
    expect(tid(worker, "application-state")).to_contain_text("已报名")
    expect(tid(worker, "application-state")).to_contain_text("新申请")
    expect(tid(worker, "apply-button")).to_have_count(0)
    job_page = worker.url
    goto(worker, base, "pages/me/applications")
    mine = tid(worker, "application-item").and_(worker.locator(f'[data-id]:has-text("{shenzhen_job.title[:6]}")'))
    expect(mine.locator('[data-testid="application-status"]')).to_have_text("新申请")

    # The factory opens 我的发布 → 查看报名 and hires the worker.
    factory = phones()
    sign_in(factory, base, FACTORY_PHONE)
    goto(factory, base, "pages/me/posts")
    post_row = tid(factory, "my-post").and_(factory.locator(f'[data-id="{shenzhen_job.pk}"]'))
    post_row.locator('[data-testid="post-action-applicants"]').click()
    applicant = tid(factory, "applicant-item").first
    expect(applicant.locator('[data-testid="application-status"]')).to_have_text("新申请")
    applicant.locator('[data-testid="application-hire"]').click()
    expect(applicant.locator('[data-testid="application-status"]')).to_have_text("已录用")
    application = Application.objects.get(post=shenzhen_job)
    assert application.status == ApplicationStatus.HIRED

    # The worker's list shows the new status.
    worker.reload()
    expect(mine.locator('[data-testid="application-status"]')).to_have_text("已录用")
    shot(worker, artifacts, "worker-applications")

    # …and the job's page shows 已录用 where 立即报名 was.
    worker.goto(job_page)
    expect(tid(worker, "application-state")).to_contain_text("已录用")
    shot(worker, artifacts, "worker-job-applied")
