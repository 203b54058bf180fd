"""The reader's ``viewer`` block on post and factory pages, and views counted once per viewer per day
(issue #15 item 8)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import applied, labour_post, worker_client
from discovery.models import DailyView, Favourite
from listings.models import Post, PostKind
from search.tests.factories import make_factory, make_post

pytestmark = pytest.mark.django_db


def _viewer(client, post: Post) -> dict:
    response = client.get(f"/api/listings/posts/{post.pk}")
    assert response.status_code == 200, response
    return response.json()["viewer"]


def test_post_viewer_block_names_the_readers_favourite_and_nobody_elses(api):
    post = make_post(kind=PostKind.STOCK)
    alice = signed_in_client(make_user(account_type="trade"))
    bob = signed_in_client(make_user(account_type="trade"))
    assert _viewer(api, post) == {"is_own": False, "favourite_id": None, "application": None}
    # Past 100 favourites the star still lights: the page no longer scans the first page of favourites.
    for _ in range(101):
        Favourite.objects.create(user=alice.user, post=make_post(kind=PostKind.STOCK))
    favourite_id = alice.post("/api/favourites", {"post_id": post.pk}).json()["id"]
    assert _viewer(alice, post)["favourite_id"] == favourite_id
    assert _viewer(bob, post) == {"is_own": False, "favourite_id": None, "application": None}
    assert _viewer(signed_in_client(post.owner), post)["is_own"] is True
    alice.delete(f"/api/favourites/{favourite_id}")
    assert _viewer(alice, post)["favourite_id"] is None


def test_post_viewer_block_shows_the_workers_own_application_state():
    post = labour_post()
    worker, other = worker_client(), worker_client(name="王师傅")
    assert _viewer(worker, post)["application"] is None
    application = applied(worker, post)
    assert _viewer(worker, post)["application"] == {
        "id": application["id"],
        "status": "new",
        "status_label": "新申请",
    }
    assert _viewer(other, post)["application"] is None
    assert _viewer(signed_in_client(post.owner), post) == {"is_own": True, "favourite_id": None, "application": None}


def test_factory_viewer_block_and_its_page_writes_nothing(api):
    factory = make_factory()
    reader = signed_in_client(make_user(account_type="trade"))
    assert api.get(f"/api/factories/{factory.pk}").json()["viewer"] == {"is_own": False, "favourite_id": None}
    favourite_id = reader.post("/api/favourites", {"factory_id": factory.pk}).json()["id"]
    assert reader.get(f"/api/factories/{factory.pk}").json()["viewer"] == {
        "is_own": False,
        "favourite_id": favourite_id,
    }
    assert signed_in_client(factory.owner).get(f"/api/factories/{factory.pk}").json()["viewer"]["is_own"] is True
    assert reader.get("/api/me/history").json()["count"] == 0
    assert DailyView.objects.count() == 0


def test_views_count_once_per_viewer_per_day_and_never_for_the_owner(api):
    post = make_post(kind=PostKind.STOCK)
    reader = signed_in_client(make_user(account_type="trade"))
    other = signed_in_client(make_user(account_type="factory"))

    def view(client) -> dict:
        response = client.post("/api/discovery/views", {"post_id": post.pk})
        assert response.status_code == 200, response
        return response.json()

    def count() -> int:
        return api.get(f"/api/listings/posts/{post.pk}").json()["view_count"]

    with freeze_time(timezone.now()) as clock:
        assert view(reader) == {"recorded": True, "counted": True}
        assert view(reader) == {"recorded": True, "counted": False}
        assert view(other)["counted"] is True
        assert view(signed_in_client(post.owner))["counted"] is False
        # Anonymous readers count once per address.
        assert view(api)["counted"] is True
        assert view(api)["counted"] is False
        assert count() == 3
        clock.tick(timedelta(days=1))
        assert view(reader)["counted"] is True
        assert count() == 4
