"""Restricting, disabling and restoring an account checks 管理用户账号 (accounts.change_user), not
is_staff: only the 运营管理员 admin role holds it; reviewers and support are refused and the account is
left as it was, in the service and in the console (R-ROLE-4, R-OPS-2)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from accounts.models import AccountStatus, AccountStatusChange
from accounts.roles import Role
from accounts.services import change_status
from accounts.tests.factories import make_staff, make_user
from common.errors import PermissionDenied
from common.models import AuditEntry

pytestmark = pytest.mark.django_db


def staff(role: Role) -> Any:
    return make_staff(groups=(role.value,))


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.SUPPORT])
@pytest.mark.parametrize("status", [AccountStatus.RESTRICTED, AccountStatus.DISABLED, AccountStatus.NORMAL])
def test_only_admins_change_an_account_status_R_ROLE_4_R_OPS_2(role: Role, status: str) -> None:
    user = make_user(account_type="factory")
    if status == AccountStatus.NORMAL:
        change_status(user=user, status=AccountStatus.DISABLED, reason="违规", operator=staff(Role.ADMIN))
    before = type(user).objects.get(pk=user.pk).status
    changes = AccountStatusChange.objects.filter(user=user).count()

    with pytest.raises(PermissionDenied) as refused:
        change_status(user=user, status=status, reason="处理", operator=staff(role))

    assert (refused.value.code, refused.value.status_code) == ("permission_denied", 403)
    assert "管理用户账号" in refused.value.message
    user.refresh_from_db()
    assert user.status == before
    assert AccountStatusChange.objects.filter(user=user).count() == changes

    change_status(user=user, status=status, reason="处理", operator=staff(Role.ADMIN))
    user.refresh_from_db()
    assert user.status == status


def test_support_posting_the_restrict_action_in_the_console_is_refused_R_ROLE_4_R_OPS_2() -> None:
    target = make_user(account_type="factory", display_name="被投诉的工厂")
    client = Client()
    client.force_login(staff(Role.SUPPORT))

    client.post(
        "/admin/accounts/factoryaccount/",
        {"action": "restrict_publishing", "_selected_action": [target.pk], "reason": "违规"},
    )

    target.refresh_from_db()
    assert target.status == AccountStatus.NORMAL
    assert not AuditEntry.objects.filter(action="account.restricted").exists()
