"""数据看板 console page and its Excel export (R-ADM-3, R-ROLE-4)."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.models import Effect
from common.testing import commit_pending
from dashboard.models import DailyMetric
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
    assert book.sheetnames == ["核心指标", "用户数据", "供需数据", "代加工专项", "对接转化"]
    conversion = sheet_totals(book["对接转化"])
    assert conversion["发起联系（次）"] == 1 and conversion["达成合作（次）"] == 1
    supply = sheet_totals(book["供需数据"])
    assert supply["审核通过（条）"] == 2 and supply["审核驳回（条）"] == 1
    # Laid out like the screen: a title row, a header with units, one row per period, then 合计.
    sheet = book["供需数据"]
    assert str(sheet["A1"].value).startswith("供需数据（") and sheet["A2"].value == "时间"
    assert sheet["A3"].value == page_period(granularity) and sheet["A4"].value == "合计"
    headline_rows = {row[0]: row for row in book["核心指标"].iter_rows(min_row=3, values_only=True)}
    assert headline_rows["发布信息"][1:4] == ("条", 2, 0)
    assert headline_rows["达成合作"][2] == 1


def sheet_totals(sheet: Any) -> dict[str, Any]:
    """{column header: value of the 合计 row} of one section sheet."""
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    total = next(row for row in rows if row[0] == "合计")
    return dict(zip(rows[0], total, strict=False))


def page_period(granularity: str) -> str:
    today = timezone.localdate()
    if granularity == "week":
        return f"{today - timedelta(days=today.weekday()):%Y-%m-%d} 周"
    return f"{today:%Y-%m}" if granularity == "month" else f"{today:%Y-%m-%d}"


def test_headline_cards_compare_with_the_previous_period_issue_14() -> None:
    """New users by type, posts by board, contacts, replies, deals, conversion: this period against the one
    of the same length just before it (from the roll-ups)."""
    today = timezone.localdate()
    rows = [
        (today, "new_users", "trade", 3),
        (today, "new_users", "factory", 1),
        (today - timedelta(days=7), "new_users", "factory", 2),  # the previous 7-day period
        (today, "posts_approved", "stock", 4),
        (today - timedelta(days=8), "posts_approved", "stock", 8),
        (today, "contacts", "", 10),
        (today, "deals", "", 2),
        (today - timedelta(days=10), "contacts", "", 10),
        (today - timedelta(days=10), "deals", "", 1),
        (today - timedelta(days=30), "contacts", "", 99),  # before both periods
    ]
    for day, metric, dimension, value in rows:
        DailyMetric.objects.create(day=day, metric=metric, dimension=dimension, value=value)
    query = {"start": (today - timedelta(days=6)).isoformat(), "end": today.isoformat(), "granularity": "day"}
    html = console(Role.ADMIN).get("/admin/dashboard/dailymetric/", query).content.decode()
    cards = dict(re.findall(r'data-card="(\w+)".*?data-change>较上期 ([^<]+)<', html, re.S))
    values = {
        k: re.sub(r"<[^>]+>|\s", "", v)
        for k, v in re.findall(r'data-card="(\w+)".*?data-value>(.*?)</div>', html, re.S)
    }
    assert values["new_users"] == "4人" and cards["new_users"] == "+100.0%"
    assert "外贸公司 3 · 工厂 1" in html
    assert values["posts_approved"] == "4条" and cards["posts_approved"] == "-50.0%"
    assert values["contacts"] == "10次" and cards["contacts"] == "+0.0%"
    assert values["conversion"] == "20.0%" and cards["conversion"] == "+10.0 个百分点"
    assert cards["replies"] == "—"
    # Charts come first, the tables are folded below them.
    assert html.index('id="chart-users"') < html.index("<details") < html.index("data-total")


def test_reviewer_cannot_open_the_dashboard_R_ROLE_4() -> None:
    response = console(Role.REVIEWER).get("/admin/dashboard/dailymetric/")
    assert response.status_code == 403
