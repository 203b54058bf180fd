"""The 资质认证 console page: queue, overdue highlight, approve / reject with reason (R-ADM-1, R-FLOW-1)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountType
from accounts.tests.factories import make_staff, make_user
from common.models import AuditEntry
from notifications.models import Notification
from verification.models import Qualification, QualificationStatus
from verification.tests.factories import licence_file, make_licence, make_reviewer

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:verification_qualification_changelist"


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def pending(company: str = "宁波市鄞州恒达不锈钢制品厂", **kw: Any) -> Qualification:
    q = make_licence(
        make_user(account_type=AccountType.FACTORY), status=QualificationStatus.PENDING, company_name=company, **kw
    )
    q.files.add(licence_file(q.user))
    return q


def test_queue_shows_overdue_in_red_and_filters_R_ADM_1() -> None:
    late = pending("迟到制品厂", review_due_at=timezone.now() - timedelta(hours=2))
    pending("准时制品厂")
    client = console(make_reviewer())
    page = client.get(reverse(CHANGELIST))
    assert page.status_code == 200
    html = page.content.decode()
    assert "迟到制品厂" in html and "准时制品厂" in html
    assert "已超时" in html
    overdue_only = client.get(reverse(CHANGELIST), {"overdue": "yes"}).content.decode()
    assert "迟到制品厂" in overdue_only
    assert "准时制品厂" not in overdue_only
    assert late.pk


def test_detail_shows_full_credit_code_and_licence_image_to_reviewers_R_ADM_1() -> None:
    q = pending()
    html = (
        console(make_reviewer()).get(reverse("admin:verification_qualification_change", args=[q.pk])).content.decode()
    )
    assert q.credit_code in html
    assert "校验通过" in html
    file_id = str(q.files.get().pk)
    assert f"/api/files/{file_id}?sig=" in html
    assert "审核通过" in html and "驳回" in html


def test_bulk_approve_goes_through_the_service_R_ADM_1() -> None:
    first, second = pending("甲厂"), pending("乙厂")
    reviewer = make_reviewer()
    response = console(reviewer).post(
        reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "已审核通过 2 项资质" in response.content.decode()
    for q in (first, second):
        q.refresh_from_db()
        assert q.status == QualificationStatus.APPROVED
        assert q.reviewer == reviewer
        assert Notification.objects.filter(recipient=q.user).count() == 1
    assert AuditEntry.objects.filter(action="qualification.approve", actor=reviewer).count() == 2


def test_approving_an_already_decided_item_says_so_R_ADM_1() -> None:
    q = pending()
    q.status = QualificationStatus.REJECTED
    q.save()
    response = console(make_reviewer()).post(
        reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [q.pk]}, follow=True
    )
    assert "已被处理" in response.content.decode()
    q.refresh_from_db()
    assert q.status == QualificationStatus.REJECTED


def test_change_page_button_asks_then_approves_R_ADM_1() -> None:
    q = pending()
    client = console(make_reviewer())
    url = reverse("admin:verification_qualification_approve_detail", args=[q.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "确认通过" in confirm.content.decode()
    q.refresh_from_db()
    assert q.status == QualificationStatus.PENDING  # a GET never decides
    client.post(url, {"ids": str(q.pk)})
    q.refresh_from_db()
    assert q.status == QualificationStatus.APPROVED


def test_bulk_reject_asks_for_one_reason_and_notifies_each_R_ADM_1() -> None:
    first, second = pending("甲厂"), pending("乙厂")
    client = console(make_reviewer())
    step = client.post(reverse(CHANGELIST), {"action": "reject_selected", "_selected_action": [first.pk, second.pk]})
    assert step.status_code == 302
    form_url = step["Location"]
    form = client.get(form_url)
    assert "驳回以下 2 项资质" in form.content.decode()
    no_reason = client.post(form_url, {"ids": f"{first.pk},{second.pk}", "reason": ""})
    assert "请填写驳回原因" in no_reason.content.decode()
    first.refresh_from_db()
    assert first.status == QualificationStatus.PENDING
    done = client.post(form_url, {"ids": f"{first.pk},{second.pk}", "reason": "营业执照已注销"}, follow=True)
    assert "已驳回 2 项资质" in done.content.decode()
    for q in (first, second):
        q.refresh_from_db()
        assert q.status == QualificationStatus.REJECTED
        assert q.reject_reason == "营业执照已注销"
        assert "营业执照已注销" in Notification.objects.get(recipient=q.user).body


def test_staff_without_the_reviewer_role_cannot_decide_R_ADM_1() -> None:
    q = pending()
    support = make_staff(groups=("客服",))
    client = console(support)
    client.post(reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [q.pk]})
    assert client.get(reverse("admin:verification_qualification_reject") + f"?ids={q.pk}").status_code == 403
    q.refresh_from_db()
    assert q.status == QualificationStatus.PENDING
