"""The qualification workbench and appeals of a rejected qualification (issue #14 items 1 and 7)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from notifications.models import Notification
from support.models import Complaint, ComplaintCategory, TargetType
from verification import services
from verification.models import Qualification, QualificationStatus
from verification.tests.factories import licence_file, make_licence, make_reviewer

pytestmark = pytest.mark.django_db


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def bench(q: Qualification) -> str:
    return reverse("admin:verification_qualification_workbench", args=[q.pk])


def test_licence_image_beside_fields_with_checksum_and_name_match_issue_14() -> None:
    owner = make_user(account_type="factory", display_name="义乌市佳宝日用品厂")
    licence = make_licence(owner, status=QualificationStatus.PENDING, company_name="义乌市佳宝日用品厂")
    licence.files.add(licence_file(owner))
    other = make_licence(make_user(account_type="trade", display_name="海纳贸易"), status=QualificationStatus.PENDING)
    Qualification.objects.filter(pk=other.pk).update(credit_code="913302120000000000")
    html = console(make_reviewer()).get(bench(licence)).content.decode()
    assert "校验位正确（GB 32100）" in html and "与账号名称「义乌市佳宝日用品厂」一致" in html
    assert 'alt="证照图片 1"' in html
    html = console(make_reviewer()).get(bench(other)).content.decode()
    assert "校验位错误，代码不成立" in html and "与账号名称「海纳贸易」不一致" in html


def test_decision_by_template_key_opens_the_next_overdue_first_issue_14() -> None:
    fresh = make_licence(make_user(account_type="trade"), status=QualificationStatus.PENDING)
    late = make_licence(
        make_user(account_type="trade"),
        status=QualificationStatus.PENDING,
        review_due_at=timezone.now() - timedelta(hours=2),
    )
    client = console(make_reviewer())
    assert client.get(reverse("admin:verification_qualification_workbench_next"))["Location"] == bench(late)
    response = client.post(bench(late), {"decision": "reject", "template": "1"})
    assert response["Location"] == bench(fresh)
    late.refresh_from_db()
    assert late.status == QualificationStatus.REJECTED and late.reject_reason.startswith("证照照片模糊")
    client.post(bench(fresh), {"decision": "approve"})
    assert Qualification.objects.get(pk=fresh.pk).status == QualificationStatus.APPROVED


def test_support_role_cannot_use_the_qualification_workbench_issue_14() -> None:
    pending = make_licence(make_user(account_type="trade"), status=QualificationStatus.PENDING)
    support = make_staff(groups=(Role.SUPPORT.value,))
    assert console(support).post(bench(pending), {"decision": "approve"}).status_code == 403
    assert Qualification.objects.get(pk=pending.pk).status == QualificationStatus.PENDING


def _rejected(owner: Any) -> tuple[Qualification, Any]:
    licence = make_licence(owner, status=QualificationStatus.PENDING)
    first_reviewer = make_reviewer()
    services.reject(qualification=licence, reviewer=first_reviewer, reason="照片模糊")
    return licence, first_reviewer


def test_appeal_once_goes_to_another_reviewer_and_the_outcome_reaches_the_user_issue_14() -> None:
    owner = make_user(account_type="trade")
    licence, first_reviewer = _rejected(owner)
    client = signed_in_client(owner)
    mine = client.get("qualifications/mine").json()["items"][0]
    assert mine["can_appeal"] is True
    response = client.post(f"qualifications/{licence.pk}/appeal", {"note": "照片是清晰的原件，请再看一下"})
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "pending" and response.json()["can_appeal"] is False
    again = client.post(f"qualifications/{licence.pk}/appeal", {"note": "再申诉一次试试看"})
    assert again.status_code == 409 and again.json()["code"] == "already_appealed"
    # The reviewer who rejected cannot decide the appeal, nor even get it from the workbench.
    same = console(first_reviewer)
    assert "待审核队列已清空" in same.get(reverse("admin:verification_qualification_workbench_next")).content.decode()
    same.post(bench(licence), {"decision": "approve"})
    assert Qualification.objects.get(pk=licence.pk).status == QualificationStatus.PENDING
    console(make_reviewer()).post(bench(licence), {"decision": "approve"})
    assert Qualification.objects.get(pk=licence.pk).status == QualificationStatus.APPROVED
    assert Notification.objects.filter(recipient=owner, title="资质申诉已通过").exists()


def test_appeal_of_someone_elses_or_unrejected_qualification_is_refused_issue_14() -> None:
    owner = make_user(account_type="trade")
    licence, _ = _rejected(owner)
    stranger = signed_in_client(make_user(account_type="trade"))
    assert stranger.post(f"qualifications/{licence.pk}/appeal", {"note": "这不是我的资质"}).status_code == 404
    short = signed_in_client(owner).post(f"qualifications/{licence.pk}/appeal", {"note": "不"})
    assert short.status_code == 422 and short.json()["detail"][0]["field"] == "note"
    approved = make_licence(owner, status=QualificationStatus.APPROVED)
    refused = signed_in_client(owner).post(f"qualifications/{approved.pk}/appeal", {"note": "想申诉通过的资质"})
    assert refused.status_code == 409


def test_applicant_card_counts_the_complaints_about_them_issue_14() -> None:
    """issue #14 item 1: the qualification workbench's card shows complaints like the post one."""
    owner = make_user(account_type="factory", display_name="被投诉的工厂")
    licence = make_licence(owner, status=QualificationStatus.PENDING, company_name="被投诉的工厂")
    reviewer = console(make_reviewer())
    assert '<dd id="wb-complaints">0 次</dd>' in reviewer.get(bench(licence)).content.decode()
    for _ in range(2):
        Complaint.objects.create(
            complainant=make_user(account_type="trade"),
            target_type=TargetType.USER,
            target_user=owner,
            category=ComplaintCategory.FAKE_INFO,
            description="信息与实际不符",
        )
    assert '<dd id="wb-complaints">2 次</dd>' in reviewer.get(bench(licence)).content.decode()


def test_leaving_the_qualification_workbench_releases_only_ones_own_claim_issue_14() -> None:
    from verification.models import ReviewClaim

    pending = make_licence(make_user(account_type="trade"), status=QualificationStatus.PENDING)
    alice, bob = make_reviewer(), make_reviewer()
    release = reverse("admin:verification_qualification_workbench_release", args=[pending.pk])
    assert release in console(alice).get(bench(pending)).content.decode()
    key = f"qualification:{pending.pk}"
    assert console(bob).post(release).status_code == 204
    assert ReviewClaim.objects.get(key=key).holder == alice
    assert console(make_staff(groups=(Role.SUPPORT.value,))).post(release).status_code == 403
    assert console(alice).post(release).status_code == 204
    assert not ReviewClaim.objects.filter(key=key).exists()
