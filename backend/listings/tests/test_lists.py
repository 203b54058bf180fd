"""The boards' public lists and detail, and "my posts" (R-BOARD-1..4, R-APP-4, R-APP-5)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import signed_in_client
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher, publisher_client

pytestmark = pytest.mark.django_db


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, response
    return len(ctx.captured_queries)


class TestDetail:
    def test_opening_a_detail_writes_nothing_issue_15_item_8(self, api) -> None:
        """Issue #15 item 8: GET of a detail is a read: no view count, no history (the page posts the view)."""
        post = make_post(kind=PostKind.PROCUREMENT)
        detail = api.get(f"listings/posts/{post.pk}")
        assert detail.status_code == 200
        assert detail.json()["owner"]["account_type"] == "trade"
        reader = publisher_client("factory")
        assert reader.get(f"listings/posts/{post.pk}").json()["view_count"] == 0
        assert Post.objects.get(pk=post.pk).view_count == 0
        assert reader.get("me/history").json()["count"] == 0

    def test_unpublished_posts_are_404_for_others(self, api) -> None:
        draft = make_post(status=PostStatus.DRAFT)
        pending = make_post(status=PostStatus.PENDING)
        stranger = publisher_client("factory")
        for post in (draft, pending):
            assert api.get(f"listings/posts/{post.pk}").status_code == 404
            assert stranger.get(f"listings/posts/{post.pk}").status_code == 404
            assert signed_in_client(post.owner).get(f"listings/posts/{post.pk}").status_code == 200
        assert api.get("listings/posts/999999").status_code == 404


class TestMyPosts:
    def test_my_posts_by_status_with_counts_R_APP_4(self) -> None:
        owner = make_publisher("factory")
        published = make_post(owner=owner)
        draft = make_post(owner=owner, status=PostStatus.DRAFT, kind=PostKind.LABOUR)
        rejected = make_post(owner=owner, status=PostStatus.REJECTED)
        make_post()  # someone else's
        client = signed_in_client(owner)
        everything = client.get("listings/mine").json()
        assert {item["id"] for item in everything["items"]} == {published.pk, draft.pk, rejected.pk}
        only_rejected = client.get("listings/mine", {"status": "rejected"}).json()
        assert [item["id"] for item in only_rejected["items"]] == [rejected.pk]
        assert only_rejected["items"][0]["reject_reason"] == "信息不完整"
        assert only_rejected["items"][0]["status_label"] == "已驳回"
        draft_item = client.get("listings/mine", {"status": "draft"}).json()["items"][0]
        assert draft_item["form"]["kind"] == "labour" and draft_item["form"]["headcount"] == 20
        counts = client.get("listings/mine/counts").json()
        assert (counts["published"], counts["draft"], counts["rejected"], counts["expired"]) == (1, 1, 1, 0)

    def test_mine_needs_sign_in(self, api) -> None:
        assert api.get("listings/mine").status_code == 401

    def test_mine_query_count_does_not_grow_with_rows(self, django_assert_max_num_queries) -> None:
        owner = make_publisher("factory")
        client = signed_in_client(owner)
        make_post(owner=owner, kind=PostKind.PROCESSING_SERVICE)
        make_post(owner=owner, kind=PostKind.STOCK, status=PostStatus.DRAFT)
        baseline = _queries(lambda: client.get("listings/mine"))
        for kind in (PostKind.LABOUR, PostKind.PROCESSING_DEMAND, PostKind.STOCK, PostKind.PROCESSING_SERVICE):
            post = make_post(owner=owner, kind=kind)
            client.put(f"listings/posts/{post.pk}", {"kind": kind, "description": "更新说明"})  # a pending edit
        with django_assert_max_num_queries(baseline):
            body = client.get("listings/mine").json()
        assert body["count"] == 6
        assert sum(1 for item in body["items"] if item["pending_edit"]) == 4


def test_hires_fill_a_labour_post_and_contacts_are_counted_R_BOARD_3(api) -> None:
    from listings import services

    post = make_post(kind=PostKind.LABOUR)
    services.set_hired_count(post_id=post.pk, hired_count=20)
    services.record_contact(post_id=post.pk)
    detail = api.get(f"listings/posts/{post.pk}").json()
    assert (detail["is_full"], detail["hired_count"], detail["contact_count"]) == (True, 20, 1)
