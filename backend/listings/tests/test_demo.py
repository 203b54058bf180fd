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


def test_demo_stock_and_factories_ship_pictures_drawn_by_the_project_issue_15_item_3(api) -> None:
    """Issue #15 item 3: the demo data has a 实拍图 on every stock card and a workshop photo on every
    factory card, drawn by ``uploads.demo_images`` and served like any upload (a real PNG, small)."""
    load_demo_factories()
    load_demo_posts()
    stock = api.get("discovery/stock", {"page_size": 50}).json()["items"]
    assert stock and all(item["cover"] and item["cover"]["kind"] == "image" for item in stock)
    factories = api.get("discovery/factories", {"page_size": 50}).json()["items"]
    assert factories and all(item["cover_url"] for item in factories)
    # A public post's photo is served to anyone.
    picture = api.get(stock[0]["cover"]["url"]).raw
    assert picture.status_code == 200
    body = b"".join(picture.streaming_content) if picture.streaming else picture.content
    assert body[:8] == b"\x89PNG\r\n\x1a\n" or body[:3] == b"\xff\xd8\xff"
    assert 1_000 < len(body) < 200_000
