"""Qualification review checks the specific permission 审核资质 (verification.change_qualification),
not is_staff: the 客服 support role may look at qualifications but not decide them (R-ROLE-4, R-ADM-1,
R-FLOW-1)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import AccountType
from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user
from common.errors import PermissionDenied
from common.models import AuditEntry
from notifications.models import Notification
from verification import services
from verification.models import Qualification, QualificationStatus
from verification.tests.factories import make_licence, make_reviewer

pytestmark = pytest.mark.django_db


def pending() -> Qualification:
    return make_licence(make_user(account_type=AccountType.FACTORY), status=QualificationStatus.PENDING)


DECISIONS = {
    "approve": lambda q, who: services.approve(qualification=q, reviewer=who),
    "reject": lambda q, who: services.reject(qualification=q, reviewer=who, reason="执照模糊，请重新拍摄"),
}


@pytest.mark.parametrize("decision", list(DECISIONS))
def test_support_staff_cannot_decide_a_qualification_R_ROLE_4_R_ADM_1(decision: str) -> None:
    q = pending()
    support: Any = make_staff(groups=(Role.SUPPORT.value,))

    with pytest.raises(PermissionDenied) as refused:
        DECISIONS[decision](q, support)

    assert (refused.value.code, refused.value.status_code) == ("permission_denied", 403)
    assert "审核资质" in refused.value.message
    q.refresh_from_db()
    assert (q.status, q.reviewer_id, q.reject_reason) == (QualificationStatus.PENDING, None, "")
    assert not AuditEntry.objects.filter(action__startswith="qualification.", actor=support).exists()
    assert not Notification.objects.filter(recipient=q.user).exists()


@pytest.mark.parametrize("decision", list(DECISIONS))
def test_the_reviewer_role_still_decides_R_ROLE_4_R_ADM_1(decision: str) -> None:
    q = pending()
    DECISIONS[decision](q, make_reviewer())
    q.refresh_from_db()
    assert q.status == (QualificationStatus.APPROVED if decision == "approve" else QualificationStatus.REJECTED)
