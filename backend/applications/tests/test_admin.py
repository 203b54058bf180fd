"""应聘管理 in the console is read-only (R-ROLE-3)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import make_staff
from applications.models import Application
from applications.tests.factories import applied, factory_client, labour_post, worker_client

pytestmark = pytest.mark.django_db


def test_support_staff_read_applications_and_wage_reports_but_cannot_edit_R_ROLE_3() -> None:
    post = labour_post()
    worker = worker_client(name="钱师傅")
    application = applied(worker, post, note="周末也可以", experience_years=2)
    factory_client(post).post(f"applications/{application['id']}/status", {"status": "hired"})
    worker.post(f"applications/{application['id']}/wage-report", {"actual_wage": 200, "description": "少了 60"})
    browser = Client()
    browser.force_login(make_staff(groups=("客服",)))

    listed = browser.get("/admin/applications/application/")
    assert listed.status_code == 200
    assert "钱师傅" in listed.content.decode()
    change_url = reverse("admin:applications_application_change", args=[application["id"]])
    detail = browser.get(change_url)
    assert detail.status_code == 200
    assert "周末也可以" in detail.content.decode()
    assert browser.post(change_url, {"status": "declined"}).status_code == 403
    assert Application.objects.get().status == "hired"
    reports = browser.get("/admin/applications/wagereport/")
    assert reports.status_code == 200
    assert "投诉 #" in reports.content.decode()

    reviewer = Client()
    reviewer.force_login(make_staff(groups=("审核员",)))
    assert reviewer.get("/admin/applications/application/").status_code == 403
