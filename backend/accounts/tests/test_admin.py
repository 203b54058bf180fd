"""用户管理 console lists (R-ADM-2): filters by qualification, region and industry; a user's records."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user
from listings.tests.factories import make_publisher
from verification.models import QualificationStatus
from verification.tests.factories import make_licence

pytestmark = pytest.mark.django_db


def console() -> Client:
    client = Client()
    client.force_login(make_staff(groups=(Role.ADMIN.value,)))
    return client


def test_factory_list_filters_by_qualification_province_and_industry_R_ADM_2() -> None:
    verified = make_publisher("factory", display_name="宁波恒达保温杯厂")  # 浙江宁波, 日用百货制造
    pending = make_user(account_type="factory", display_name="东莞待审电子厂")
    make_licence(pending, status=QualificationStatus.PENDING)
    make_user(account_type="factory", display_name="未提交资质的工厂")
    client = console()
    url = "/admin/accounts/factoryaccount/"

    approved_page = client.get(url, {"qualification": "approved"}).content.decode()
    assert verified.display_name in approved_page and "东莞待审电子厂" not in approved_page
    none_page = client.get(url, {"qualification": "none"}).content.decode()
    assert "未提交资质的工厂" in none_page and verified.display_name not in none_page
    zhejiang = client.get(url, {"province": "330000"}).content.decode()
    assert verified.display_name in zhejiang and "未提交资质的工厂" not in zhejiang
    assert verified.display_name not in client.get(url, {"province": "440000"}).content.decode()
    industry_id = verified.factory.industry_id
    assert verified.display_name in client.get(url, {"industry": industry_id}).content.decode()


def test_user_page_links_to_their_posts_connections_and_complaints_R_ADM_2() -> None:
    factory = make_publisher("factory")
    page = console().get(f"/admin/accounts/factoryaccount/{factory.pk}/change/").content.decode()
    for target in (
        f"/admin/listings/post/?owner__id__exact={factory.pk}",
        f"/admin/messaging/connection/?counterpart__id__exact={factory.pk}",
        f"/admin/support/complaint/?target_user__id__exact={factory.pk}",
    ):
        assert target in page
    assert console().get(f"/admin/listings/post/?owner__id__exact={factory.pk}").status_code == 200
    assert console().get(f"/admin/support/complaint/?target_user__id__exact={factory.pk}").status_code == 200
