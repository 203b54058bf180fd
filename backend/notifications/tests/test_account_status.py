"""The user is told of every restrict / disable / restore of their account, with the reason and the end
time: in the app's notification list and by a WeChat subscription message (issue #14 item 5)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.roles import Role
from accounts.services import change_status, lift_expired_statuses
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.errors import PermissionDenied
from notifications.services import record_subscription_grants

pytestmark = pytest.mark.django_db


def _titles_and_bodies(user: User) -> list[tuple[str, str]]:
    items = signed_in_client(user).get("notifications").json()["items"]
    return [(item["title"], item["body"]) for item in items]


def test_restrict_disable_and_restore_each_reach_the_user_in_app_and_by_wechat_issue_14(
    wechat: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    admin = make_staff(groups=(Role.ADMIN.value,))
    user = make_user(account_type="factory", wechat_openid="o-status-user")
    template = settings.WECHAT_SUBSCRIBE_TEMPLATES["account_status"]
    for _ in range(3):
        wechat.grant_subscription("o-status-user", template)
    record_subscription_grants(user=user, purposes=["account_status"])
    record_subscription_grants(user=user, purposes=["account_status"])
    record_subscription_grants(user=user, purposes=["account_status"])
    until = timezone.now() + timedelta(days=7)

    with django_capture_on_commit_callbacks(execute=True):
        change_status(
            user=user, status=AccountStatus.RESTRICTED, reason="多次发布虚假信息", operator=admin, until=until
        )
    with django_capture_on_commit_callbacks(execute=True):
        change_status(user=user, status=AccountStatus.DISABLED, reason="冒用他人执照", operator=admin)
    with django_capture_on_commit_callbacks(execute=True):
        change_status(user=user, status=AccountStatus.NORMAL, reason="申诉成立", operator=admin)

    # The restore makes the account usable again, so it can read its list (newest first).
    notes = _titles_and_bodies(user)
    assert [title for title, _ in notes] == ["账号已恢复正常", "账号已被禁用", "账号已被限制发布"]
    assert "申诉成立" in notes[0][1]
    assert "冒用他人执照" in notes[1][1] and "无截止时间" in notes[1][1]
    assert "多次发布虚假信息" in notes[2][1]
    assert f"{timezone.localtime(until):%Y-%m-%d %H:%M}" in notes[2][1]

    sent = [m for m in wechat.sent() if m.get("touser") == "o-status-user"]
    assert len(sent) == 3
    assert "多次发布虚假信息" in str(sent[0]["data"]) and f"{timezone.localtime(until):%Y-%m-%d}" in str(
        sent[0]["data"]
    )
    assert "冒用他人执照" in str(sent[1]["data"])


def test_an_automatic_restore_at_the_end_time_is_told_too_issue_14(django_capture_on_commit_callbacks: Any) -> None:
    admin = make_staff(groups=(Role.ADMIN.value,))
    user = make_user(account_type="trade")
    with django_capture_on_commit_callbacks(execute=True):
        change_status(
            user=user,
            status=AccountStatus.RESTRICTED,
            reason="刷单",
            operator=admin,
            until=timezone.now() + timedelta(hours=1),
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert lift_expired_statuses(now=timezone.now() + timedelta(hours=2)) == 1
    titles = [title for title, _ in _titles_and_bodies(user)]
    assert titles == ["账号已恢复正常", "账号已被限制发布"]


def test_a_refused_status_change_tells_nobody_issue_14() -> None:
    user = make_user(account_type="trade")
    with pytest.raises(PermissionDenied):
        change_status(
            user=user, status=AccountStatus.DISABLED, reason="违规", operator=make_staff(groups=(Role.REVIEWER.value,))
        )
    assert _titles_and_bodies(user) == []
