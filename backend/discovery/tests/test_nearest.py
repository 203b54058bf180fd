"""The "nearest" sort read in widening circles (issue #13, ``discovery.selectors.NearestPage``): every
page, by number or by cursor, with or without ``within_km``, lists exactly what sorting every visible
post of the board by great-circle distance (then newest id) lists; posts without a position come last
(R-APP-3, R-BOARD-4)."""

from __future__ import annotations

import random

import pytest

from listings.models import Post, PostStatus
from regions.geo import distance_km
from search.tests.factories import make_post

pytestmark = pytest.mark.django_db

HERE = (30.25, 120.15)  # 杭州


@pytest.fixture
def scattered() -> list[Post]:
    """45 stock posts from a few km to ~2,500 km away, 3 without a position, 2 not visible."""
    rng = random.Random(42)
    posts = []
    for i in range(45):
        spread = [0.05, 0.3, 1.5, 6.0, 20.0][i % 5]
        posts.append(
            make_post(
                kind="stock",
                latitude=HERE[0] + rng.uniform(-spread, spread),
                longitude=HERE[1] + rng.uniform(-spread, spread),
            )
        )
    posts += [make_post(kind="stock") for _ in range(3)]  # no position
    make_post(kind="stock", latitude=HERE[0], longitude=HERE[1], status=PostStatus.PENDING)
    make_post(kind="procurement", latitude=HERE[0], longitude=HERE[1])
    return posts


def brute_force(posts: list[Post], within_km: float | None = None) -> list[int]:
    def key(post: Post) -> tuple[float, int]:
        if post.latitude is None or post.longitude is None:
            return (float("inf"), -post.pk)
        return (distance_km(HERE[0], HERE[1], post.latitude, post.longitude), -post.pk)

    ordered = sorted(posts, key=key)
    if within_km is not None:
        ordered = [p for p in ordered if key(p)[0] <= within_km]
    return [p.pk for p in ordered]


def params(**extra) -> dict:
    return {"lat": HERE[0], "lng": HERE[1], "sort": "nearest", **extra}


def by_cursor(api, **extra) -> list[int]:
    seen, cursor = [], None
    while True:
        query = params(page_size=7, **extra) | ({"cursor": cursor} if cursor else {})
        body = api.get("/api/discovery/stock", query).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            return seen


def by_number(api, **extra) -> list[int]:
    seen, page = [], 1
    while True:
        items = api.get("/api/discovery/stock", params(page_size=7, page=page, **extra)).json()["items"]
        if not items:
            return seen
        seen += [item["id"] for item in items]
        page += 1


def test_nearest_pages_equal_the_brute_force_order_R_APP_3(api, scattered) -> None:
    expected = brute_force(scattered)
    first = api.get("/api/discovery/stock", params(page_size=7)).json()
    assert [item["id"] for item in first["items"]] == expected[:7]
    assert first["count"] == len(expected)
    assert by_cursor(api) == expected
    assert by_number(api) == expected


@pytest.mark.parametrize("within_km", [30, 300, 5000])
def test_nearest_within_a_distance_equals_the_brute_force_order_R_APP_3(api, scattered, within_km) -> None:
    expected = brute_force(scattered, within_km)
    assert by_cursor(api, within_km=within_km) == expected
    assert by_number(api, within_km=within_km) == expected
    distances = [
        item["distance_km"]
        for item in api.get("/api/discovery/stock", params(within_km=within_km, page_size=100)).json()["items"]
    ]
    assert distances == sorted(distances) and all(d <= within_km for d in distances)
