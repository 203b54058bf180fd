"""数据看板 console page and its Excel export (R-ADM-3, R-ROLE-4)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.models import Effect
from common.testing import commit_pending
from listings.models import PostKind
from listings.tests.factories import make_post
from messaging.tests.factories import open_chat

pytestmark = pytest.mark.django_db


def console(role: Role) -> Client:
    client = Client()
    client.force_login(make_staff(groups=(role.value,)))
    return client


def build_activity() -> dict[str, Any]:
    """Two approved processing posts, one rejected stock post, one contact that got a reply and a deal."""
    service = make_post(kind=PostKind.PROCESSING_SERVICE)
    make_post(kind=PostKind.PROCESSING_DEMAND)
    make_post(kind=PostKind.STOCK, status="rejected")
    buyer = signed_in_client(make_user(account_type="factory"))
    chat = open_chat(buyer, service, "你好，注塑能接 5000 件吗？")
    seller = signed_in_client(service.owner)
    seller.post(f"messaging/conversations/{chat['conversation_id']}/messages", {"text": "可以，交期两周"})
    assert seller.post(f"messaging/connections/{chat['connection_id']}/status", {"status": "deal"}).status_code == 200
    return {"service": service}


def table_total(html: str, metric: str) -> int:
    """The 合计 cell of a metric's column in the page's table."""
    marker = f'data-total data-metric="{metric}">'
    return int(html[html.index(marker) + len(marker) :].split("<")[0])


@pytest.mark.parametrize("granularity", ["day", "week", "month"])
def test_dashboard_shows_figures_of_the_data_and_exports_them_R_ADM_3(granularity: str) -> None:
    build_activity()
    client = console(Role.ADMIN)
    today = timezone.localdate().isoformat()
    query = {"start": today, "end": today, "granularity": granularity}
    # Opening the page asks a worker to recount today's figures; the next look shows them.
    assert client.get("/admin/dashboard/dailymetric/", query).status_code == 200
    assert Effect.objects.filter(task="dashboard.refresh_recent").exists()
    commit_pending()
    page = client.get("/admin/dashboard/dailymetric/", query)
    assert page.status_code == 200
    html = page.content.decode()
    assert "数据看板" in html and "对接转化" in html
    assert table_total(html, "posts_approved") == 2
    assert table_total(html, "posts_rejected") == 1
    assert table_total(html, "processing_published") == 2
    assert table_total(html, "contacts") == 1
    assert table_total(html, "replies") == 1
    assert table_total(html, "deals") == 1
    assert table_total(html, "processing_deals") == 1

    export = client.get("/admin/dashboard/dailymetric/", {**query, "export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(export.content))
    assert book.sheetnames == ["用户数据", "供需数据", "代加工专项", "对接转化"]
    rows = {row[0]: row[-1] for row in book["对接转化"].iter_rows(min_row=3, values_only=True) if row and row[0]}
    assert rows["发起联系"] == 1 and rows["达成合作"] == 1
    supply = {row[0]: row[-1] for row in book["供需数据"].iter_rows(min_row=3, values_only=True) if row and row[0]}
    assert supply["审核通过"] == 2 and supply["审核驳回"] == 1
    assert book["供需数据"]["A2"].value == "指标"


def test_reviewer_cannot_open_the_dashboard_R_ROLE_4() -> None:
    response = console(Role.REVIEWER).get("/admin/dashboard/dailymetric/")
    assert response.status_code == 403
