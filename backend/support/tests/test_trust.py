"""Upheld complaints count against a factory's trust signals (R-PLUS-4, R-OPS-4)."""

from __future__ import annotations

import pytest

from accounts.tests.factories import make_user, signed_in_client
from factories.models import FactoryProfile
from listings.models import PostKind
from listings.tests.factories import make_post
from support import services
from support.tests.factories import support_staff

pytestmark = pytest.mark.django_db


def directory_entry(factory_id: int) -> dict:
    items = (
        signed_in_client(make_user(account_type="trade")).get("discovery/factories", {"page_size": 100}).json()["items"]
    )
    return next(item for item in items if item["id"] == factory_id)


def test_upheld_complaint_shows_on_the_factory_card_dismissed_does_not_R_PLUS_4() -> None:
    post = make_post(kind=PostKind.STOCK)
    factory = FactoryProfile.objects.get(owner=post.owner)
    assert directory_entry(factory.pk)["upheld_complaints"] == 0
    buyer = make_user(account_type="trade")
    operator = support_staff()
    upheld = services.file_complaint(
        complainant=buyer,
        target_type="post",
        target_id=post.pk,
        category="fake_info",
        description="库存数量与实际严重不符",
    )
    services.resolve(operator=operator, complaint_id=upheld.pk, outcome="warning", note="已核实，警告一次")
    other = services.file_complaint(
        complainant=make_user(account_type="trade"),
        target_type="post",
        target_id=post.pk,
        category="other",
        description="价格太高了不合理",
    )
    services.dismiss(operator=operator, complaint_id=other.pk, note="属正常商业行为")
    assert directory_entry(factory.pk)["upheld_complaints"] == 1
