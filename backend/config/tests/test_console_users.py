"""The console's user page (issue #14 item 5): read-only (no 保存), status history, restrict / disable /
restore of one account with a required reason and an optional end time, tabs of the account's posts,
qualifications, connections and complaints; the lists show qualification status and licence expiry.
Only 运营管理员 may change a status (R-ROLE-4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import AccountStatus, AccountStatusChange, User
from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user
from listings.tests.factories import make_post, make_publisher
from notifications.models import Notification
from verification.models import QualificationStatus
from verification.tests.factories import make_licence

pytestmark = pytest.mark.django_db


def console(role: Role = Role.ADMIN) -> Client:
    client = Client()
    client.force_login(make_staff(groups=(role.value,)))
    return client


def test_user_page_is_read_only_and_has_tabs_of_the_accounts_records_issue_14() -> None:
    factory = make_publisher("factory", display_name="宁波恒达保温杯厂")
    make_post(owner=factory, title="库存不锈钢保温杯 5000 个")
    page = console().get(f"/admin/accounts/factoryaccount/{factory.pk}/change/").content.decode()
    assert "库存不锈钢保温杯 5000 个" in page
    for tab in ("状态变更记录", "发布信息", "资质认证", "发起的对接", "收到的对接", "被投诉"):
        assert tab in page, tab
    assert 'name="_save"' not in page and 'name="_continue"' not in page
    for action in ("限制发布", "禁用账号", "恢复正常"):
        assert action in page


def test_restrict_one_account_needs_a_reason_and_tells_the_user_issue_14(
    django_capture_on_commit_callbacks: object,
) -> None:
    user = make_user(account_type="trade", display_name="宁波海纳外贸")
    client = console()
    url = f"/admin/accounts/tradecompanyaccount/{user.pk}/restrict/"
    assert "处理原因" in client.get(url).content.decode()

    blank = client.post(url, {"reason": "  "})
    assert blank.status_code == 200 and "这个字段是必填项" in blank.content.decode()
    user.refresh_from_db()
    assert user.status == AccountStatus.NORMAL

    until = timezone.localtime() + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        done = client.post(
            url, {"reason": "发布虚假信息", "until_0": f"{until:%Y-%m-%d}", "until_1": f"{until:%H:%M:%S}"}
        )
    assert done.status_code == 302 and done["Location"].endswith(f"/{user.pk}/change/")
    user.refresh_from_db()
    assert (user.status, user.status_reason) == (AccountStatus.RESTRICTED, "发布虚假信息")
    assert user.status_until is not None and abs((user.status_until - until).total_seconds()) < 1
    page = client.get(done["Location"]).content.decode()
    assert "发布虚假信息" in page and "已限制发布，已通知用户" in page
    assert Notification.objects.get(recipient=user).title == "账号已被限制发布"

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        client.post(f"/admin/accounts/tradecompanyaccount/{user.pk}/restore/", {"reason": "核实无误"})
    user.refresh_from_db()
    assert user.status == AccountStatus.NORMAL
    assert list(AccountStatusChange.objects.filter(user=user).values_list("to_status", flat=True)) == [
        AccountStatus.NORMAL,
        AccountStatus.RESTRICTED,
    ]


def test_a_past_end_time_is_refused_issue_14() -> None:
    user = make_user(account_type="worker")
    past = timezone.localtime() - timedelta(hours=1)
    response = console().post(
        f"/admin/accounts/workeraccount/{user.pk}/disable/",
        {"reason": "违规", "until_0": f"{past:%Y-%m-%d}", "until_1": f"{past:%H:%M:%S}"},
    )
    assert "截止时间必须晚于当前时间" in response.content.decode()
    assert User.objects.get(pk=user.pk).status == AccountStatus.NORMAL


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.SUPPORT])
def test_other_staff_roles_cannot_change_a_status_from_the_user_page_R_ROLE_4(role: Role) -> None:
    user = make_user(account_type="factory")
    response = console(role).post(f"/admin/accounts/factoryaccount/{user.pk}/disable/", {"reason": "违规"})
    assert response.status_code == 403
    assert User.objects.get(pk=user.pk).status == AccountStatus.NORMAL
    assert not AccountStatusChange.objects.filter(user=user).exists()


def test_account_list_shows_qualification_status_and_licence_expiry_issue_14() -> None:
    verified = make_user(account_type="factory", display_name="已认证工厂")
    make_licence(verified, valid_until=date(2027, 6, 30))
    pending = make_user(account_type="factory", display_name="待审工厂")
    make_licence(pending, status=QualificationStatus.PENDING)
    make_user(account_type="factory", display_name="未提交工厂")
    page = console().get("/admin/accounts/factoryaccount/").content.decode()
    assert "资质状态" in page and "执照有效期至" in page
    assert "2027-06-30" in page and "已通过" in page and "待审核" in page and "未提交" in page


def test_factory_directory_shows_licence_status_and_expiry_issue_14() -> None:
    from factories.tests.factories import make_factory

    owner = make_user(account_type="factory")
    make_licence(owner, valid_until=date(2028, 1, 15))
    make_factory(owner, name="宁波恒达保温杯厂")
    other = make_user(account_type="factory")
    make_factory(other, name="东莞未认证电子厂")
    page = console().get("/admin/factories/factoryprofile/").content.decode()
    assert "执照状态" in page and "执照有效期至" in page
    assert "2028-01-15" in page and "未提交" in page
