"""Edits of a verified factory's public profile go through review (issue #12 item 2, R-FLOW-1, R-OPS-1): the
approved version stays visible meanwhile, the console shows the edit as a diff with the machine findings,
approve / reject notify the owner."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.testing import notifications_of
from factories.models import FactoryProfileEdit
from factories.tests.factories import make_verified_factory, profile_payload
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from verification.tests.factories import make_reviewer

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:factories_factoryprofileedit_changelist"


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def verified_owner() -> tuple[Any, Any]:
    owner = make_user(account_type="factory")
    profile = make_verified_factory(owner)
    assert profile.is_verified
    return signed_in_client(owner), profile


def public_description(profile_id: int) -> str:
    return str(signed_in_client().get(f"factories/{profile_id}").json()["description"])


def test_edit_of_a_verified_profile_waits_for_review_and_the_approved_version_stays_visible_issue12() -> None:
    owner, profile = verified_owner()
    before = public_description(profile.pk)
    response = owner.put(
        "factories/mine", profile_payload(owner.user, description="新增两条自动化抛光线，欢迎来厂考察。")
    )
    assert response.status_code == 200
    assert response.json()["description"] == before  # the owner is shown what is public
    assert public_description(profile.pk) == before
    assert response.json()["edit_review"]["status"] == "pending"  # the owner knows it waits for review
    assert signed_in_client().get(f"factories/{profile.pk}").json()["edit_review"] is None  # others don't
    edit = FactoryProfileEdit.objects.get()
    assert edit.status == "pending"

    reviewer = console(make_reviewer())
    page = reviewer.get(reverse("admin:factories_factoryprofileedit_change", args=[edit.pk])).content.decode()
    assert "修改对比" in page and before in page and "新增两条自动化抛光线" in page

    done = reviewer.post(reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [edit.pk]})
    assert done.status_code == 302
    assert public_description(profile.pk) == "新增两条自动化抛光线，欢迎来厂考察。"
    assert [n["title"] for n in notifications_of(owner, "review_result")] == ["工厂资料修改已通过审核"]


def test_rejected_edit_keeps_the_approved_version_and_tells_the_owner_why_issue12() -> None:
    owner, profile = verified_owner()
    before = public_description(profile.pk)
    owner.put("factories/mine", profile_payload(owner.user, name="宁波恒达不锈钢制品厂（新址）"))
    edit = FactoryProfileEdit.objects.get()
    reviewer = console(make_reviewer())
    asked = reviewer.post(reverse(CHANGELIST), {"action": "reject_selected", "_selected_action": [edit.pk]})
    assert asked.status_code == 200 and "驳回原因" in asked.content.decode()
    reviewer.post(
        reverse(CHANGELIST),
        {"action": "reject_selected", "_selected_action": [edit.pk], "confirm": "yes", "reason": "名称与执照不符"},
    )
    edit.refresh_from_db()
    assert edit.status == "rejected"
    assert public_description(profile.pk) == before
    assert signed_in_client().get(f"factories/{profile.pk}").json()["name"] == profile.name
    [notice] = notifications_of(owner, "review_result")
    assert notice["title"] == "工厂资料修改未通过审核" and "名称与执照不符" in notice["body"]
    assert owner.get("factories/mine").json()["edit_review"]["reject_reason"] == "名称与执照不符"


def test_contacts_in_an_edit_are_shown_to_the_reviewer_issue12() -> None:
    owner, _profile = verified_owner()
    owner.put("factories/mine", profile_payload(owner.user, description="详情请加微信 hengda888 私聊"))
    edit = FactoryProfileEdit.objects.get()
    assert any("联系方式" in reason for reason in edit.moderation["reasons"])
    queue = console(make_reviewer()).get(reverse(CHANGELIST)).content.decode()
    assert "联系方式" in queue


def test_a_banned_word_in_an_edit_is_refused_at_once_issue12() -> None:
    make_keyword("代开发票", action=KeywordAction.BLOCK)
    owner, _profile = verified_owner()
    response = owner.put("factories/mine", profile_payload(owner.user, description="代开发票，加微信 … 私下交易更便宜"))
    assert response.status_code == 422 and response.json()["detail"]["fields"] == ["description"]
    assert not FactoryProfileEdit.objects.exists()


def test_a_newer_edit_replaces_the_pending_one_issue12() -> None:
    owner, _profile = verified_owner()
    owner.put("factories/mine", profile_payload(owner.user, description="第一次修改"))
    owner.put("factories/mine", profile_payload(owner.user, description="第二次修改"))
    assert list(FactoryProfileEdit.objects.values_list("status", flat=True).order_by("pk")) == ["withdrawn", "pending"]


def test_unverified_factory_saves_directly_issue12() -> None:
    client = signed_in_client(make_user(account_type="factory"))
    client.put("factories/mine", profile_payload(client.user))
    assert (
        client.put("factories/mine", profile_payload(client.user, description="改过的介绍")).json()["description"]
        == "改过的介绍"
    )
    assert not FactoryProfileEdit.objects.exists()


def test_review_center_links_the_pending_factory_edits_and_support_cannot_decide_issue12() -> None:
    owner, _profile = verified_owner()
    owner.put("factories/mine", profile_payload(owner.user, description="改过的介绍"))
    edit = FactoryProfileEdit.objects.get()
    home = console(make_reviewer()).get(reverse("admin:index")).content.decode()
    assert "工厂资料修改" in home
    support = console(make_staff(groups=(Role.SUPPORT.value,)))
    support.post(reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [edit.pk]})
    edit.refresh_from_db()
    assert edit.status == "pending"
