"""The console home (issue #14 item 3): today's work in numbers, each linked to its filtered list, the
day's headline figures; a fixed, small number of queries; each operator sees the work of their role."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user
from common.models import Effect, EffectStatus
from listings.models import Post, PostStatus
from listings.tests.factories import make_post
from support.models import Complaint, Feedback
from verification.models import QualificationStatus
from verification.tests.factories import make_licence

pytestmark = pytest.mark.django_db


def console(role: Role) -> Client:
    client = Client()
    client.force_login(make_staff(groups=(role.value,)))
    return client


def cards(html: str) -> dict[str, tuple[str, str]]:
    """{label: (value, link)} of the home's cards."""
    found = re.findall(r'<a href="([^"]+)" data-card="([^"]+)".*?data-value>([^<]+)<', html, re.S)
    return {label: (value.strip(), url.replace("&amp;", "&")) for url, label, value in found}


def _work() -> None:
    make_post(status=PostStatus.PENDING)
    late = make_post(status=PostStatus.PENDING)
    Post.objects.filter(pk=late.pk).update(review_due_at=timezone.now() - timedelta(hours=2))
    make_post(status=PostStatus.PUBLISHED)
    make_licence(make_user(account_type="factory"), status=QualificationStatus.PENDING)
    make_licence(
        make_user(account_type="factory"),
        status=QualificationStatus.PENDING,
        review_due_at=timezone.now() - timedelta(days=1),
    )
    make_licence(make_user(account_type="factory"), valid_until=timezone.localdate() + timedelta(days=10))
    a, b = make_user(account_type="trade"), make_user(account_type="factory")
    Complaint.objects.create(complainant=a, target_type="user", target_user=b, category="fake_info", description="虚假")
    Feedback.objects.create(user=a, category="bug", content="页面打不开")
    Effect.objects.create(key="t:1", task="notifications.send_subscription_message", status=EffectStatus.FAILED)


def test_home_counts_todays_work_and_links_each_count_to_its_filtered_list_issue_14(
    django_assert_max_num_queries: Any,
) -> None:
    _work()
    client = console(Role.ADMIN)
    client.get("/admin/")  # warm the session and permission caches
    # Session, user, permissions and the home's 8 aggregate reads (one per table): 12, whatever the data.
    with django_assert_max_num_queries(12):
        html = client.get("/admin/").content.decode()
    got = cards(html)
    assert got["待审核信息"] == ("2", "/admin/listings/reviewqueueitem/")
    assert got["超时未审信息"][0] == "1" and got["超时未审资质"][0] == "1"
    assert got["待审核资质"] == ("2", "/admin/verification/qualification/?status__exact=pending")
    assert got["30 天内到期执照"][0] == "1"
    assert got["未办结投诉"] == ("1", "/admin/support/complaint/?open=yes")
    assert got["待回复反馈"] == ("1", "/admin/support/feedback/?status__exact=pending")
    assert got["失败的后台任务"] == ("1", "/admin/common/effect/?status__exact=failed")
    assert int(got["新增用户"][0]) >= 6 and got["新发布信息"][0] == "1"
    # Each link opens a list showing exactly that many rows.
    overdue_list = client.get(got["超时未审信息"][1]).content.decode()
    assert overdue_list.count('name="_selected_action"') == 1
    assert client.get(got["30 天内到期执照"][1]).content.decode().count('name="_selected_action"') == 1


def test_each_role_sees_its_own_work_on_the_home_R_ROLE_4_issue_14() -> None:
    _work()
    reviewer = cards(console(Role.REVIEWER).get("/admin/").content.decode())
    assert "待审核信息" in reviewer and "待审核资质" in reviewer
    assert not {"未办结投诉", "失败的后台任务", "新增用户"} & set(reviewer)
    support = cards(console(Role.SUPPORT).get("/admin/").content.decode())
    assert "未办结投诉" in support and "待回复反馈" in support
    assert not {"待审核信息", "待审核资质", "失败的后台任务", "新增用户"} & set(support)
