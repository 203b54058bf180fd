"""The boards' public lists and detail, and "my posts" (R-BOARD-1..4, R-APP-4, R-APP-5)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import signed_in_client
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import SHENZHEN_BAOAN, make_post, make_publisher, publisher_client
from taxonomy.models import CategoryTag
from uploads.tests.factories import make_stored_file

pytestmark = pytest.mark.django_db


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = call()
    assert response.status_code == 200, response
    return len(ctx.captured_queries)


class TestBoards:
    def test_each_board_lists_its_kind_freshest_first_R_BOARD_1_4(self, api) -> None:
        older = make_post(kind=PostKind.STOCK)
        newer = make_post(kind=PostKind.STOCK)
        make_post(kind=PostKind.LABOUR)
        make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
        stock = api.get("listings/stock").json()
        assert [item["id"] for item in stock["items"]] == [newer.pk, older.pk]
        assert (stock["count"], stock["page"], stock["page_size"]) == (2, 1, 20)
        assert api.get("listings/labour").json()["count"] == 1
        assert api.get("listings/nonsense").status_code == 422

    def test_basic_filters_by_region_and_category_R_BOARD_3(self, api) -> None:
        shenzhen = make_post(kind=PostKind.LABOUR)  # 宝安区
        make_post(kind=PostKind.LABOUR, region_id="330212", address="鄞州区某工业园")
        by_city = api.get("listings/labour", {"region": "440300"}).json()
        assert [item["id"] for item in by_city["items"]] == [shenzhen.pk]
        assert api.get("listings/labour", {"region": "440000"}).json()["count"] == 1
        assert api.get("listings/labour", {"region": SHENZHEN_BAOAN}).json()["count"] == 1
        cup = CategoryTag.objects.get(name="保温杯")
        make_post(kind=PostKind.STOCK)
        assert api.get("listings/stock", {"category_id": cup.pk}).json()["count"] == 1
        assert api.get("listings/stock", {"category_id": cup.pk + 1000}).json()["count"] == 0

    def test_public_list_query_count_does_not_grow_with_rows(self, api, django_assert_max_num_queries) -> None:
        for _ in range(2):
            post = make_post(kind=PostKind.PROCESSING_SERVICE)
            post.media.add(make_stored_file(owner=post.owner), through_defaults={"order": 0})
        baseline = _queries(lambda: api.get("listings/processing_service"))
        for _ in range(5):
            post = make_post(kind=PostKind.PROCESSING_SERVICE)
            post.media.add(make_stored_file(owner=post.owner), through_defaults={"order": 0})
        with django_assert_max_num_queries(baseline):
            body = api.get("listings/processing_service").json()
        assert body["count"] == 7 and all(item["cover"] for item in body["items"])


class TestDetail:
    def test_detail_counts_views_of_others_only_R_APP_5(self, api) -> None:
        post = make_post(kind=PostKind.PROCUREMENT)
        detail = api.get(f"listings/posts/{post.pk}")
        assert detail.status_code == 200
        assert detail.json()["owner"]["account_type"] == "trade"
        signed_in_client(post.owner).get(f"listings/posts/{post.pk}")
        api.get(f"listings/posts/{post.pk}")
        assert Post.objects.get(pk=post.pk).view_count == 2

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
