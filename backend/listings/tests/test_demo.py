"""Demo posts for the embedded run: every board has realistic, published content (R-BOARD-1..4)."""

from __future__ import annotations

import pytest

from factories.demo import load_demo_factories
from listings.demo import load_demo_posts
from listings.models import PostKind

pytestmark = pytest.mark.django_db


def test_demo_posts_fill_every_board_once(api) -> None:
    load_demo_factories()
    created = load_demo_posts()
    assert created >= 10
    for kind in PostKind.values:
        board = api.get(f"discovery/{kind}").json()
        assert board["count"] >= 2, kind
    cups = api.get("discovery/procurement").json()["items"]
    assert any(item["quantity"] == 30000 and item["quantity_unit"] == "个" for item in cups)
    labour = api.get("discovery/labour").json()["items"]
    assert any(item["job_type"]["name"] == "缝纫工" and item["wage_amount"] == 260 for item in labour)
    assert load_demo_posts() == 0
