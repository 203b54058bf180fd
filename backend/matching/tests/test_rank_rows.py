"""The ranking rows behind factories for a demand follow what they are built from (issue #13, R-PLUS-1):
a profile edit, a hidden account and replies reach what a demand's owner is shown. Each test keeps
the pool handed to exact scoring small and the category crowded, so a lagging row would show."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountStatus
from accounts.roles import Role
from accounts.services import change_status
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.schedule import run_job
from common.testing import commit_pending
from factories.models import FactoryProfileEdit
from factories.tests.factories import make_verified_factory, profile_payload
from listings.models import PostKind
from matching import ranking
from messaging.models import Connection
from search.tests.factories import NINGBO_YINZHOU, SHENZHEN_BAOAN, make_factory, make_post
from taxonomy.tests.factories import category
from verification.tests.factories import make_reviewer

pytestmark = pytest.mark.django_db

FAR = {"region": SHENZHEN_BAOAN, "latitude": 22.55, "longitude": 113.88}  # about 1,150 km from 宁波


@pytest.fixture(autouse=True)
def _small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranking, "POOL", 3)


def _crowd(count: int, category_name: str = "餐具") -> None:
    """``count`` verified factories of the category, far from 宁波."""
    for i in range(count):
        make_factory(name=f"远方{category_name}厂{i}", categories=(category_name,), **FAR)


def _matches(client, post_id: int) -> list[dict]:
    response = client.get(f"/api/matching/posts/{post_id}")
    assert response.status_code == 200, response
    return response.json()


def test_a_category_added_by_an_approved_edit_brings_the_factory_to_the_top_issue_13() -> None:
    """Issue #13, R-PLUS-1: a near 保温杯 factory that adds 餐具 (edit approved in the console) comes first
    for a 餐具 demand near it, ahead of 25 far 餐具 factories; before the edit it was out of the top 20."""
    owner = make_user(account_type="factory")
    profile = make_verified_factory(owner, category_ids=[category("保温杯").pk], latitude=29.84, longitude=121.55)
    _crowd(25)
    buyer = signed_in_client(make_user(account_type="trade"))
    demand = make_post(kind=PostKind.PROCUREMENT, owner=buyer.user, category_name="餐具", region=NINGBO_YINZHOU)
    commit_pending()
    assert profile.pk not in [m["factory"]["id"] for m in _matches(buyer, demand.pk)]

    edit = signed_in_client(owner).put(
        "factories/mine",
        profile_payload(
            owner, category_ids=[category("保温杯").pk, category("餐具").pk], latitude=29.84, longitude=121.55
        ),
    )
    assert edit.json()["edit_review"]["status"] == "pending"
    console = Client()
    assert console.login(username=make_reviewer().username, password="review-pass-123")
    changelist = reverse("admin:factories_factoryprofileedit_changelist")
    pending = FactoryProfileEdit.objects.get(profile=profile)
    assert console.post(changelist, {"action": "approve_selected", "_selected_action": [pending.pk]}).status_code == 302

    first = _matches(buyer, demand.pk)[0]
    assert first["factory"]["id"] == profile.pk
    assert "同品类：餐具" in first["reasons"]


def test_a_disabled_or_unverified_factory_is_never_matched_issue_13() -> None:
    """Issue #13, R-PLUS-1: the best-placed factory disappears from the matches once its account is
    disabled, and another once it loses its verified badge; the rest still fill the list."""
    _crowd(22, "保温杯")
    best = make_factory(name="近邻保温杯厂", latitude=29.84, longitude=121.55)
    second = make_factory(name="近邻保温杯二厂", latitude=29.9, longitude=121.6)
    buyer = signed_in_client(make_user(account_type="trade"))
    demand = make_post(kind=PostKind.PROCUREMENT, owner=buyer.user, region=NINGBO_YINZHOU)
    commit_pending()
    assert [m["factory"]["id"] for m in _matches(buyer, demand.pk)][:2] == [best.pk, second.pk]

    admin = make_staff(groups=(Role.ADMIN.value,))
    change_status(user=best.owner, status=AccountStatus.DISABLED, reason="虚假信息", operator=admin)
    second.is_verified = False
    second.save()
    shown = [m["factory"]["id"] for m in _matches(buyer, demand.pk)]
    assert best.pk not in shown and second.pk not in shown
    assert len(shown) == 20


def test_replies_reach_the_ranking_with_the_hourly_refresh_issue_13() -> None:
    """Issue #13, R-PLUS-4: a far factory that answers within 2 hours is ranked among equals by its
    responsiveness once the hourly job has refreshed the rows (the reply itself saves no profile)."""
    quick = make_factory(name="秒回的远方厂", **FAR)  # the oldest: last among equals without its replies
    _crowd(45, "保温杯")  # more than are ranked for exact scoring
    buyer = signed_in_client(make_user(account_type="trade"))
    demand = make_post(kind=PostKind.PROCUREMENT, owner=buyer.user, region=NINGBO_YINZHOU)
    contact = buyer.post("/api/messaging/contact", {"factory_id": quick.pk, "message": "你好，求报价"}).json()
    reply = signed_in_client(quick.owner).post(
        f"/api/messaging/conversations/{contact['conversation_id']}/messages", {"text": "您好，可以"}
    )
    assert reply.status_code == 201
    start = timezone.now() - timedelta(days=3)
    Connection.objects.filter(pk=contact["connection_id"]).update(
        created_at=start, first_reply_at=start + timedelta(minutes=90)
    )
    commit_pending()
    run_job("refresh_factory_ranks")

    first = _matches(buyer, demand.pk)[0]
    assert first["factory"]["id"] == quick.pk
    assert "平均 2 小时内回复" in first["reasons"]
