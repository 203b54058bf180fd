"""A processing service states its capacity per day or per month; readers compare services per day
(R-BOARD-4: service capacity; R-APP-3: filter by capacity)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import signed_in_client
from listings.models import PostKind
from listings.tests.factories import make_publisher, make_reviewer, valid_payload

pytestmark = pytest.mark.django_db

QUEUE = "admin:listings_reviewqueueitem_changelist"


def _publish_service(**capacity: Any) -> int:
    """A factory fills in the 代加工服务 form, submits it, and a reviewer approves it in the console."""
    owner = signed_in_client(make_publisher("factory"))
    created = owner.post("listings/posts", valid_payload(PostKind.PROCESSING_SERVICE, **capacity, owner=owner.user))
    assert created.status_code == 201, created
    post_id = created.json()["id"]
    assert owner.post(f"listings/posts/{post_id}/submit").status_code == 200
    console = Client()
    assert console.login(username=make_reviewer().username, password="review-pass-123")
    approved = console.post(reverse(QUEUE), {"action": "approve_selected", "_selected_action": [post_id]})
    assert approved.status_code == 302
    return int(post_id)


def test_monthly_capacity_is_shown_and_compared_per_day_R_BOARD_4(api) -> None:
    """60,000 pieces a month is 2,000 a day: the detail says so, a 3,000-a-day service ranks above it
    under 产能最大, and a 2,500-a-day minimum leaves it out."""
    monthly = _publish_service(capacity_amount=60000, capacity_period="month")
    daily = _publish_service(capacity_amount=3000, capacity_period="day")

    detail = api.get(f"/api/listings/posts/{monthly}")
    assert detail.status_code == 200, detail
    assert detail.json()["capacity_per_day"] == 2000
    assert api.get(f"/api/listings/posts/{daily}").json()["capacity_per_day"] == 3000

    ranked = api.get("/api/discovery/processing_service", {"sort": "capacity"})
    assert [item["id"] for item in ranked.json()["items"]] == [daily, monthly]
    at_least = api.get("/api/discovery/processing_service", {"capacity_min": 2500})
    assert [item["id"] for item in at_least.json()["items"]] == [daily]
    both = api.get("/api/discovery/processing_service", {"capacity_min": 2000})
    assert {item["id"] for item in both.json()["items"]} == {daily, monthly}
