"""Browsing history and favourites (R-APP-4, R-APP-5): own only, hidden targets handled, IDOR-safe."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import make_user, signed_in_client
from discovery.models import ViewEvent
from discovery.services import record_view
from listings.models import Post, PostKind, PostStatus
from search.tests.factories import make_factory, make_post

pytestmark = pytest.mark.django_db


def _reader(account_type: str = "trade"):
    return signed_in_client(make_user(account_type=account_type))


def test_opening_a_detail_records_history_newest_first_R_APP_5():
    reader = _reader()
    first = make_post(kind=PostKind.STOCK)
    factory = make_factory()
    assert reader.post("/api/discovery/views", {"post_id": first.pk}).json()["recorded"] is True
    assert reader.post("/api/discovery/views", {"factory_id": factory.pk}).status_code == 200
    items = reader.get("/api/me/history").json()["items"]
    assert [(i["type"], i["post"]["id"] if i["post"] else i["factory"]["id"]) for i in items] == [
        ("factory", factory.pk),
        ("post", first.pk),
    ]
    assert reader.get("/api/me/history", {"type": "post"}).json()["count"] == 1


def test_reopening_within_half_an_hour_refreshes_the_entry_instead_of_adding_one_R_APP_5():
    reader = _reader()
    post = make_post(kind=PostKind.STOCK)
    with freeze_time(timezone.now()) as clock:
        record_view(user=reader.user, post=post)
        clock.tick(timedelta(minutes=10))
        record_view(user=reader.user, post=post)
        assert ViewEvent.objects.filter(user=reader.user).count() == 1
        clock.tick(timedelta(minutes=45))
        record_view(user=reader.user, post=post)
        assert ViewEvent.objects.filter(user=reader.user).count() == 2


def test_own_posts_and_anonymous_readers_leave_no_history(api):
    owner_client = _reader("factory")
    post = make_post(kind=PostKind.STOCK, owner=owner_client.user)
    assert owner_client.post("/api/discovery/views", {"post_id": post.pk}).json() == {
        "recorded": False,
        "counted": False,
    }
    assert record_view(user=None, post=post) is None
    assert api.post("/api/discovery/views", {"post_id": post.pk}).json() == {"recorded": False, "counted": True}
    assert ViewEvent.objects.count() == 0


def test_view_of_hidden_post_is_refused_and_body_must_name_one_target():
    reader = _reader()
    draft = make_post(kind=PostKind.STOCK, status=PostStatus.DRAFT)
    assert reader.post("/api/discovery/views", {"post_id": draft.pk}).status_code == 404
    assert reader.post("/api/discovery/views", {}).status_code == 422


def test_history_is_private_and_clearable_R_OPS_3():
    alice, bob = _reader(), _reader()
    post = make_post(kind=PostKind.STOCK)
    alice.post("/api/discovery/views", {"post_id": post.pk})
    assert bob.get("/api/me/history").json()["count"] == 0
    assert alice.delete("/api/me/history").status_code == 204
    assert alice.get("/api/me/history").json()["count"] == 0


def test_favourite_add_list_and_remove_R_APP_4():
    reader = _reader()
    post = make_post(kind=PostKind.STOCK, title="库存保温杯")
    factory = make_factory()
    created = reader.post("/api/favourites", {"post_id": post.pk})
    assert created.status_code == 201
    again = reader.post("/api/favourites", {"post_id": post.pk})
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    assert reader.post("/api/favourites", {"factory_id": factory.pk}).status_code == 201
    listed = reader.get("/api/favourites").json()
    assert listed["count"] == 2
    assert listed["items"][1]["post"]["title"] == "库存保温杯" and listed["items"][1]["available"] is True
    assert reader.get("/api/favourites", {"type": "factory"}).json()["items"][0]["factory"]["id"] == factory.pk
    assert reader.delete(f"/api/favourites/{created.json()['id']}").status_code == 204
    assert reader.get("/api/favourites").json()["count"] == 1


def test_favourite_of_a_post_that_later_expires_stays_listed_as_unavailable_R_APP_4():
    """The entry keeps its place as 已失效 without the post's content (issue #10: gone everywhere)."""
    reader = _reader()
    post = make_post(kind=PostKind.STOCK, title="库存保温杯")
    reader.post("/api/favourites", {"post_id": post.pk})
    Post.objects.filter(pk=post.pk).update(status=PostStatus.EXPIRED)
    item = reader.get("/api/favourites").json()["items"][0]
    assert item["available"] is False and item["post"] is None and item["title"] == "已失效"


def test_favourites_are_invisible_and_undeletable_by_others_IDOR_R_OPS_3():
    alice, bob = _reader(), _reader()
    post = make_post(kind=PostKind.STOCK)
    favourite_id = alice.post("/api/favourites", {"post_id": post.pk}).json()["id"]
    assert bob.get("/api/favourites").json()["count"] == 0
    assert bob.delete(f"/api/favourites/{favourite_id}").status_code == 404
    assert alice.get("/api/favourites").json()["count"] == 1


def test_cannot_favourite_hidden_posts_or_unverified_factories():
    reader = _reader()
    pending = make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
    unverified = make_factory(verified=False)
    assert reader.post("/api/favourites", {"post_id": pending.pk}).status_code == 404
    assert reader.post("/api/favourites", {"factory_id": unverified.pk}).status_code == 404
    assert reader.post("/api/favourites", {"post_id": pending.pk, "factory_id": unverified.pk}).status_code == 422


def test_favourites_and_history_query_counts_do_not_grow(django_assert_max_num_queries):
    reader = _reader()

    def add(n: int) -> None:
        for _ in range(n):
            post = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑",))
            reader.post("/api/favourites", {"post_id": post.pk})
            reader.post("/api/discovery/views", {"post_id": post.pk})
            factory = make_factory()
            reader.post("/api/favourites", {"factory_id": factory.pk})

    add(2)
    # Each request clears Django's query log, so the counts are taken right away.
    with django_assert_max_num_queries(30) as few:
        reader.get("/api/favourites")
    favourites_queries = len(few.captured_queries)
    with django_assert_max_num_queries(30) as few:
        reader.get("/api/me/history")
    history_queries = len(few.captured_queries)
    add(8)
    with django_assert_max_num_queries(favourites_queries):
        assert reader.get("/api/favourites").json()["count"] == 20
    with django_assert_max_num_queries(history_queries):
        assert reader.get("/api/me/history").json()["count"] == 10
