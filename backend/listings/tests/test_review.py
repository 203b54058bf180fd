"""The double review: keyword interception at submit, then a human (R-FLOW-2, R-OPS-1, R-ADM-1, R-OPS-2)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import signed_in_client
from common.errors import AppError, Conflict, PermissionDenied
from common.models import AuditEntry
from listings import selectors, services
from listings.models import Decision, Post, PostKind, PostStatus, ReasonCategory, RejectReasonTemplate, ReviewDecision
from listings.tests.factories import make_post, make_publisher, make_reviewer, publisher_client, valid_payload
from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword
from notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def _draft(client, kind: str = PostKind.STOCK, **overrides) -> int:
    response = client.post("listings/posts", valid_payload(kind, **overrides, owner=client.user))
    assert response.status_code == 201, response
    return response.json()["id"]


class TestKeywordCheck:
    @pytest.mark.parametrize(
        "text",
        ["出售A货保温杯", "出售Ａ货保温杯", "出售a 货保温杯", "出售A貨保温杯", "出售A-货保温杯", "出售 Ａ · 貨 保温杯"],
    )
    def test_blocked_word_refuses_submission_and_names_it_even_when_disguised_R_OPS_1(self, text: str) -> None:
        """全角, 空格/符号隔开, 繁體, case: normalised before matching, so evasion fails."""
        make_keyword("A货", action=KeywordAction.BLOCK)
        client = publisher_client("factory")
        post_id = _draft(client, description=text)
        refused = client.post(f"listings/posts/{post_id}/submit")
        assert refused.status_code == 422, refused
        assert refused.json()["code"] == "content_blocked"
        assert "A货" in refused.json()["message"]
        assert refused.json()["detail"]["blocked"][0]["field"] == "description"
        assert Post.objects.get(pk=post_id).status == PostStatus.DRAFT

    def test_every_user_text_field_is_checked_R_OPS_1(self) -> None:
        make_keyword("代开发票")
        client = publisher_client("factory")
        post_id = _draft(
            client,
            PostKind.PROCESSING_SERVICE,
            equipment=[{"name": "代开发票", "model": "X1", "count": 1}],
        )
        refused = client.post(f"listings/posts/{post_id}/submit")
        assert refused.json()["code"] == "content_blocked"
        assert refused.json()["detail"]["blocked"][0]["field"] == "equipment"

    def test_flag_word_sends_the_post_to_review_marked_R_OPS_1(self) -> None:
        make_keyword("全网最低价", action=KeywordAction.FLAG)
        client = publisher_client("factory")
        post_id = _draft(client, description="本批库存全网最低价")
        submitted = client.post(f"listings/posts/{post_id}/submit")
        assert submitted.status_code == 200, submitted
        post = Post.objects.get(pk=post_id)
        assert post.status == PostStatus.PENDING and post.is_flagged
        assert [hit["word"] for hit in post.moderation["flagged"]] == ["全网最低价"]
        assert [p.pk for p in selectors.review_queue(flagged=True)] == [post_id]
        assert list(selectors.review_queue(flagged=False)) == []

    def test_contact_details_typed_into_text_are_flagged_R_OPS_1(self) -> None:
        client = publisher_client("factory")
        post_id = _draft(client, description="量大从优，电话 138 1234 5678，微信 hengda_cup88")
        assert client.post(f"listings/posts/{post_id}/submit").status_code == 200
        post = Post.objects.get(pk=post_id)
        assert post.is_flagged
        assert {hit["kind"] for hit in post.moderation["contacts"]} >= {"phone", "wechat"}

    def test_clean_post_is_not_flagged_R_OPS_1(self) -> None:
        client = publisher_client("factory")
        post_id = _draft(client)
        client.post(f"listings/posts/{post_id}/submit")
        assert Post.objects.get(pk=post_id).is_flagged is False


class TestHumanReview:
    def test_approve_publishes_notifies_and_audits_R_FLOW_2(self, api) -> None:
        post = make_post(status=PostStatus.PENDING)
        reviewer = make_reviewer()
        services.approve(reviewer=reviewer, post_id=post.pk)
        listed = api.get("discovery/stock").json()
        assert [item["id"] for item in listed["items"]] == [post.pk]
        note = Notification.objects.get(recipient=post.owner, kind=NotificationKind.REVIEW_RESULT)
        assert "通过" in note.title
        decision = ReviewDecision.objects.get(post=post)
        assert (decision.decision, decision.reviewer) == (Decision.APPROVED, reviewer)
        assert AuditEntry.objects.filter(
            action="listings.post.approve", target_id=str(post.pk), actor=reviewer
        ).exists()

    def test_reject_needs_a_reason_R_ADM_1(self) -> None:
        post = make_post(status=PostStatus.PENDING)
        with pytest.raises(AppError) as exc:
            services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="   ")
        assert exc.value.status_code == 422
        assert exc.value.detail[0]["field"] == "reason"
        assert Post.objects.get(pk=post.pk).status == PostStatus.PENDING

    def test_rejection_reason_from_template_and_text_reaches_the_owner_R_ADM_1(self) -> None:
        post = make_post(status=PostStatus.PENDING)
        client = signed_in_client(post.owner)
        template = RejectReasonTemplate.objects.get(title="信息不完整")
        services.reject(reviewer=make_reviewer(), post_id=post.pk, template_id=template.pk, reason="请补充最小起订量")
        mine = client.get(f"listings/mine/{post.pk}").json()
        assert mine["status"] == PostStatus.REJECTED
        assert template.text in mine["reject_reason"] and "请补充最小起订量" in mine["reject_reason"]
        note = Notification.objects.get(recipient=post.owner, kind=NotificationKind.REVIEW_RESULT)
        assert "请补充最小起订量" in note.body and "未通过" in note.title
        # The owner fixes it and submits again.
        assert client.put(f"listings/posts/{post.pk}", {"kind": "stock", "min_order": 300}).status_code == 200
        assert client.post(f"listings/posts/{post.pk}/submit").json()["status"] == PostStatus.PENDING

    def test_owner_gets_a_wechat_subscription_message_with_the_reason_R_APP_6(
        self, wechat, django_capture_on_commit_callbacks
    ) -> None:
        from notifications.services import record_subscription_grants

        owner = make_publisher("factory", wechat_openid="o-listing-owner")
        post = make_post(owner=owner, status=PostStatus.PENDING)
        record_subscription_grants(user=owner, purposes=["review_result"])
        wechat.grant_subscription("o-listing-owner", "tpl-review-result")
        with django_capture_on_commit_callbacks(execute=True):
            services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="图片模糊")
        sent = [m for m in wechat.sent() if m.get("touser") == "o-listing-owner"]
        assert len(sent) == 1
        assert "图片模糊" in str(sent[0]["data"])

    def test_second_reviewer_gets_a_conflict_R_ADM_1(self) -> None:
        post = make_post(status=PostStatus.PENDING)
        services.approve(reviewer=make_reviewer(), post_id=post.pk)
        with pytest.raises(Conflict) as exc:
            services.reject(reviewer=make_reviewer(), post_id=post.pk, reason="重复")
        assert exc.value.code == "already_reviewed" and exc.value.status_code == 409
        assert ReviewDecision.objects.filter(post=post).count() == 1
        assert Notification.objects.filter(recipient=post.owner, kind=NotificationKind.REVIEW_RESULT).count() == 1

    def test_batch_reject_with_one_reason_and_batch_approve_report_conflicts_R_ADM_1(self) -> None:
        posts = [make_post(status=PostStatus.PENDING) for _ in range(3)]
        reviewer = make_reviewer()
        with pytest.raises(AppError):
            services.batch_reject(reviewer=reviewer, post_ids=[p.pk for p in posts], reason="")
        assert Post.objects.filter(status=PostStatus.PENDING).count() == 3
        result = services.batch_reject(reviewer=reviewer, post_ids=[posts[0].pk, posts[1].pk], reason="图片与描述不符")
        assert result.done == [posts[0].pk, posts[1].pk] and result.conflicts == []
        for post in posts[:2]:
            assert Post.objects.get(pk=post.pk).reject_reason == "图片与描述不符"
            assert "图片与描述不符" in Notification.objects.get(recipient=post.owner).body
        result = services.batch_approve(reviewer=reviewer, post_ids=[p.pk for p in posts])
        assert result.done == [posts[2].pk]
        assert result.conflicts == [posts[0].pk, posts[1].pk]

    def test_only_staff_may_review_R_ADM_1(self) -> None:
        post = make_post(status=PostStatus.PENDING)
        with pytest.raises(PermissionDenied):
            services.approve(reviewer=make_publisher("factory"), post_id=post.pk)

    @freeze_time("2026-09-30 10:00:00+08:00")
    def test_queue_is_oldest_first_with_due_in_one_working_day_R_ADM_1(self) -> None:
        """Submitted on 30 Sep, before the National Day holiday: due at the end of 8 Oct."""
        first = make_post(status=PostStatus.PENDING)
        with freeze_time("2026-09-30 11:00:00+08:00"):
            second = make_post(kind=PostKind.LABOUR, status=PostStatus.PENDING)
        queue = list(selectors.review_queue())
        assert [p.pk for p in queue] == [first.pk, second.pk]
        due = timezone.localtime(queue[0].queue_due_at)
        assert (due.date().isoformat(), due.hour) == ("2026-10-08", 23)
        assert [p.pk for p in selectors.review_queue(kind=PostKind.LABOUR)] == [second.pk]


class TestRepeatOffenders:
    def test_repeated_prohibited_content_rejections_suggest_a_restriction_R_OPS_2(self) -> None:
        prohibited = RejectReasonTemplate.objects.get(title="含违禁内容")
        reviewer = make_reviewer()
        offender = make_publisher("factory")
        occasional = make_publisher("factory")
        for _ in range(3):
            post = make_post(owner=offender, status=PostStatus.PENDING)
            services.reject(reviewer=reviewer, post_id=post.pk, template_id=prohibited.pk)
        for _ in range(2):
            post = make_post(owner=occasional, status=PostStatus.PENDING)
            services.reject(reviewer=reviewer, post_id=post.pk, template_id=prohibited.pk)
        post = make_post(owner=occasional, status=PostStatus.PENDING)
        services.reject(reviewer=reviewer, post_id=post.pk, reason="缺少图片", category=ReasonCategory.INCOMPLETE)
        offenders = selectors.repeat_offenders()
        assert [(o.user.pk, o.rejections) for o in offenders] == [(offender.pk, 3)]
        offender.status = "restricted"
        offender.save()
        assert selectors.repeat_offenders() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_reviewers_at_once_one_wins_R_ADM_1() -> None:
    post = make_post(status=PostStatus.PENDING)
    reviewers = [make_reviewer(), make_reviewer()]
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def act(i: int) -> None:
        from django.db import connections

        barrier.wait()
        try:
            if i == 0:
                services.approve(reviewer=reviewers[i], post_id=post.pk)
            else:
                services.reject(reviewer=reviewers[i], post_id=post.pk, reason="并发驳回")
            outcomes.append("ok")
        except Conflict as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already_reviewed", "ok"]
    assert ReviewDecision.objects.filter(post=post).count() == 1


def test_operator_take_down_hides_the_post_and_tells_the_owner_why_R_OPS_2(api) -> None:
    post = make_post(kind=PostKind.LABOUR)
    operator = make_reviewer()
    with pytest.raises(AppError):
        services.take_down_by_operator(operator=operator, post_id=post.pk, reason="")
    services.take_down_by_operator(operator=operator, post_id=post.pk, reason="经核实存在向工人收费行为")
    assert api.get(f"listings/posts/{post.pk}").status_code == 404
    assert Notification.objects.filter(recipient=post.owner, body__contains="向工人收费").exists()
    assert AuditEntry.objects.filter(action="listings.post.take_down", target_id=str(post.pk)).exists()
