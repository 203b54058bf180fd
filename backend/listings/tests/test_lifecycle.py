"""The owner's lifecycle: edit while published, take down, relist, refresh, delete, expiry
(R-APP-4, R-PLUS-2, R-OPS-2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import AccountStatus
from accounts.tests.factories import signed_in_client
from listings import services
from listings.models import Post, PostKind, PostStatus, RevisionStatus
from listings.tests.factories import make_post, make_reviewer
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _owner_client(post: Post):
    return signed_in_client(post.owner)


class TestEditWhilePublished:
    def test_old_version_stays_visible_until_the_edit_is_approved_R_APP_4(self, api) -> None:
        post = make_post(kind=PostKind.STOCK)
        owner = _owner_client(post)
        edited = owner.put(
            f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 7.5, "product_name": "保温杯清仓"}
        )
        assert edited.status_code == 200, edited
        body = edited.json()
        assert body["status"] == PostStatus.PUBLISHED
        assert body["unit_price"] == 8.0, "the live version is unchanged"
        assert body["pending_edit"]["data"]["unit_price"] == 7.5
        public = api.get(f"listings/posts/{post.pk}").json()
        assert (public["unit_price"], public["product_name"]) == (8.0, "儿童保温杯尾货")
        assert api.get("discovery/stock").json()["items"][0]["unit_price"] == 8.0
        queued = [p for p in services_queue() if p.pk == post.pk]
        assert queued and queued[0].is_edit

        services.approve(reviewer=make_reviewer(), post_id=post.pk)
        public = api.get(f"listings/posts/{post.pk}").json()
        assert (public["unit_price"], public["product_name"]) == (7.5, "保温杯清仓")
        assert "保温杯清仓" in Post.objects.get(pk=post.pk).search_text
        assert owner.get(f"listings/mine/{post.pk}").json()["pending_edit"] is None

    def test_rejected_edit_leaves_the_approved_version_R_APP_4(self, api) -> None:
        post = make_post(kind=PostKind.LABOUR)
        owner = _owner_client(post)
        owner.put(f"listings/posts/{post.pk}", {"kind": "labour", "wage_amount": 150})
        services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="工资与实际不符")
        public = api.get(f"listings/posts/{post.pk}").json()
        assert public["wage_amount"] == 260.0 and public["status"] == PostStatus.PUBLISHED
        assert post.revisions.get().status == RevisionStatus.REJECTED
        note = Notification.objects.get(recipient=post.owner, title__contains="未通过")
        assert "工资与实际不符" in note.body and "原内容仍在展示" in note.body

    def test_an_edit_is_checked_like_a_submission_R_OPS_1(self) -> None:
        make_keyword("A货", action=KeywordAction.BLOCK)
        post = make_post(kind=PostKind.STOCK)
        owner = _owner_client(post)
        blocked = owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "description": "A货"})
        assert blocked.json()["code"] == "content_blocked"
        incomplete = owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "quantity": None})
        assert incomplete.status_code == 422
        assert incomplete.json()["detail"][0]["field"] == "quantity"
        assert Post.objects.get(pk=post.pk).pending_revision is None

    def test_a_newer_edit_replaces_the_pending_one(self) -> None:
        post = make_post(kind=PostKind.STOCK)
        owner = _owner_client(post)
        owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 7})
        owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 6})
        statuses = sorted(post.revisions.values_list("status", flat=True))
        assert statuses == [RevisionStatus.PENDING, RevisionStatus.WITHDRAWN]
        services.approve(reviewer=make_reviewer(), post_id=post.pk)
        assert Post.objects.get(pk=post.pk).unit_price == 6

    def test_editing_a_post_under_review_returns_it_to_draft(self) -> None:
        post = make_post(status=PostStatus.PENDING)
        owner = _owner_client(post)
        edited = owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 7})
        assert edited.json()["status"] == PostStatus.DRAFT
        assert list(services_queue()) == []


def services_queue():
    from listings.selectors import review_queue

    return review_queue()


class TestTakeDownRelist:
    def test_take_down_hides_and_unchanged_relist_republishes_at_once_R_APP_4(self, api) -> None:
        post = make_post(kind=PostKind.STOCK)
        owner = _owner_client(post)
        down = owner.post(f"listings/posts/{post.pk}/take-down")
        assert down.json()["status"] == PostStatus.TAKEN_DOWN
        assert api.get("discovery/stock").json()["count"] == 0
        assert api.get(f"listings/posts/{post.pk}").status_code == 404
        assert owner.get(f"listings/posts/{post.pk}").status_code == 200, "the owner still sees it"
        relisted = owner.post(f"listings/posts/{post.pk}/relist")
        assert relisted.json()["status"] == PostStatus.PUBLISHED
        assert api.get("discovery/stock").json()["count"] == 1

    def test_relist_after_an_edit_goes_through_review_R_APP_4(self) -> None:
        post = make_post(kind=PostKind.STOCK)
        owner = _owner_client(post)
        owner.post(f"listings/posts/{post.pk}/take-down")
        assert owner.put(f"listings/posts/{post.pk}", {"kind": "stock", "unit_price": 5}).status_code == 200
        relisted = owner.post(f"listings/posts/{post.pk}/relist")
        assert relisted.json()["status"] == PostStatus.PENDING

    def test_only_published_posts_can_be_taken_down(self) -> None:
        post = make_post(status=PostStatus.DRAFT)
        refused = _owner_client(post).post(f"listings/posts/{post.pk}/take-down")
        assert refused.status_code == 409 and refused.json()["code"] == "not_published"

    def test_only_drafts_can_be_deleted_R_APP_4(self) -> None:
        published = make_post()
        owner = _owner_client(published)
        refused = owner.delete(f"listings/posts/{published.pk}")
        assert refused.status_code == 409 and refused.json()["code"] == "not_deletable"
        draft = make_post(owner=published.owner, status=PostStatus.DRAFT)
        assert owner.delete(f"listings/posts/{draft.pk}").status_code == 204
        assert not Post.objects.filter(pk=draft.pk).exists()


class TestFreshness:
    def test_refresh_extends_validity_once_a_day_R_PLUS_2(self) -> None:
        with freeze_time("2026-11-02 09:00:00+08:00"):
            post = make_post(kind=PostKind.STOCK, valid_until="2026-11-10")
        owner = _owner_client(post)
        with freeze_time("2026-11-05 09:00:00+08:00"):
            refreshed = owner.post(f"listings/posts/{post.pk}/refresh")
            assert refreshed.status_code == 200, refreshed
            assert refreshed.json()["status"] == PostStatus.PUBLISHED
            assert refreshed.json()["valid_until"] == "2026-12-05"
            again = owner.post(f"listings/posts/{post.pk}/refresh")
            assert again.status_code == 409 and again.json()["code"] == "refresh_too_soon"

    def test_refresh_reruns_the_checks_R_PLUS_2(self) -> None:
        with freeze_time("2026-11-02 09:00:00+08:00"):
            post = make_post(kind=PostKind.STOCK, description="原厂正品")
        make_keyword("原厂正品", action=KeywordAction.FLAG)
        with freeze_time("2026-11-04 09:00:00+08:00"):
            refreshed = _owner_client(post).post(f"listings/posts/{post.pk}/refresh")
        assert refreshed.json()["status"] == PostStatus.PENDING
        assert Post.objects.get(pk=post.pk).is_flagged

    def test_expire_posts_reminds_then_expires_idempotently_R_PLUS_2(self, api) -> None:
        with freeze_time("2026-11-02 09:00:00+08:00"):
            post = make_post(kind=PostKind.STOCK, valid_until="2026-11-10")
        with freeze_time("2026-11-07 02:00:00+08:00"):
            call_command("expire_posts")
            call_command("expire_posts")
            assert Notification.objects.filter(recipient=post.owner, title__contains="3 天后").count() == 1
        with freeze_time("2026-11-09 02:00:00+08:00"):
            call_command("expire_posts")
            assert Notification.objects.filter(recipient=post.owner, title__contains="1 天后").count() == 1
        with freeze_time("2026-11-10 20:00:00+08:00"):
            call_command("expire_posts")
            assert Post.objects.get(pk=post.pk).status == PostStatus.PUBLISHED, "valid through its last day"
            assert api.get("discovery/stock").json()["count"] == 1
        with freeze_time("2026-11-11 02:00:00+08:00"):
            assert api.get("discovery/stock").json()["count"] == 0, "stale posts leave lists even before the job"
            call_command("expire_posts")
            call_command("expire_posts")
            assert Post.objects.get(pk=post.pk).status == PostStatus.EXPIRED
            assert Notification.objects.filter(recipient=post.owner, title__contains="已过期").count() == 1
            # Refreshing an expired post sends it back through review with a new validity.
            refreshed = _owner_client(post).post(f"listings/posts/{post.pk}/refresh")
            assert refreshed.json()["status"] == PostStatus.PENDING
            assert refreshed.json()["valid_until"] == "2026-12-11"
            services.approve(reviewer=make_reviewer(), post_id=post.pk)
            assert api.get("discovery/stock").json()["count"] == 1


class TestDisabledOwner:
    def test_disabled_owners_posts_vanish_from_lists_and_detail_R_OPS_2(self, api) -> None:
        post = make_post(kind=PostKind.LABOUR)
        assert api.get("discovery/labour").json()["count"] == 1
        owner = post.owner
        owner.status = AccountStatus.DISABLED
        owner.status_reason = "虚假招聘"
        owner.save()
        assert api.get("discovery/labour").json()["count"] == 0
        assert api.get(f"listings/posts/{post.pk}").status_code == 404
        # A disablement with an end time lifts by itself.
        owner.status_until = timezone.now() - timedelta(minutes=1)
        owner.save()
        assert api.get("discovery/labour").json()["count"] == 1
        assert api.get(f"listings/posts/{post.pk}").status_code == 200

    def test_cancelled_accounts_posts_vanish_R_PLUS_5(self, api) -> None:
        post = make_post()
        post.owner.deleted_at = timezone.now()
        post.owner.save()
        assert api.get("discovery/stock").json()["count"] == 0
