"""A disabled or cancelled counterpart shows as 已停用 / 已注销 in the conversation list, without
their live name, factory name, avatar or phone; the conversation stays readable (issue #10 item 3,
R-PLUS-3, R-OPS-2)."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.tests.factories import signed_in_client
from listings.models import PostKind
from listings.tests.factories import make_post, make_publisher


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"status": AccountStatus.DISABLED}, "已停用用户"),
        ({"deleted_at": timezone.now(), "is_active": False}, "已注销用户"),
    ],
)
def test_invisible_counterpart_shows_as_label_without_live_details(fields, label):
    factory_owner = make_publisher("factory", display_name="对方工厂主", avatar_url="https://x/a.png")
    post = make_post(owner=factory_owner, kind=PostKind.STOCK)
    buyer = signed_in_client(make_publisher("trade"))
    assert buyer.post("/api/messaging/contact", {"post_id": post.pk, "message": "你好"}).status_code in (200, 201)
    before = json.dumps(buyer.get("/api/messaging/conversations").json(), ensure_ascii=False)
    assert factory_owner.factory.name in before
    User.objects.filter(pk=factory_owner.pk).update(**fields)
    after = json.dumps(buyer.get("/api/messaging/conversations").json(), ensure_ascii=False)
    assert label in after
    assert factory_owner.factory.name not in after and "对方工厂主" not in after and "https://x/a.png" not in after
