"""公告 in the console's settings (R-ADM-4): the 运营管理员 role maintains them, and the home page shows them."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff
from discovery.models import Announcement

pytestmark = pytest.mark.django_db

PASSWORD = "console-pass-123"


def _console(*groups: str) -> Client:
    staff = make_staff(superuser=False, groups=groups, password=PASSWORD)
    client = Client()
    assert client.login(username=staff.username, password=PASSWORD)
    return client


def test_operator_role_publishes_an_announcement_on_the_home_page_R_ADM_4(api: Any) -> None:
    console = _console(Role.ADMIN.value)
    assert console.get("/admin/discovery/announcement/").status_code == 200
    response = console.post(
        "/admin/discovery/announcement/add/",
        {"title": "春节期间审核时间调整", "body": "2 月 1 日至 7 日审核顺延", "link": "", "is_active": "on"},
    )
    assert response.status_code == 302, response.content[:500]
    assert [a["title"] for a in api.get("/api/home").json()["announcements"]] == ["春节期间审核时间调整"]


def test_reviewer_cannot_edit_announcements_R_ADM_4() -> None:
    console = _console(Role.REVIEWER.value)
    response = console.post("/admin/discovery/announcement/add/", {"title": "不该出现", "is_active": "on"})
    assert response.status_code == 403
    assert not Announcement.objects.filter(title="不该出现").exists()
