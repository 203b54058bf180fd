"""Complaints: filing, who may complain about what and read what, mediation and outcomes applied to
the account or the post, both parties notified (R-OPS-4), and upheld complaints as a trust signal
(R-PLUS-4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import applied, labour_post, worker_client
from common.errors import AppError, PermissionDenied
from common.models import AuditEntry
from listings.models import PostStatus
from messaging.models import Connection
from messaging.tests.factories import open_chat
from support import selectors, services
from support.models import Complaint, ComplaintNote, NoteKind
from support.tests.factories import complain, notifications_of, support_staff, upload_evidence

pytestmark = pytest.mark.django_db


def filed(client: Any, **body: Any) -> dict[str, Any]:
    response = complain(client, **body)
    assert response.status_code == 201, response
    return dict(response.json())


class TestFiling:
    def test_worker_files_a_complaint_about_a_post_with_evidence_R_OPS_4(self) -> None:
        post = labour_post()
        worker = worker_client()
        evidence = [upload_evidence(worker, "red"), upload_evidence(worker, "blue")]

        body = filed(worker, target_type="post", target_id=post.pk, category="fees_charged", evidence_ids=evidence)

        assert (body["status"], body["status_label"]) == ("submitted", "已提交")
        assert (body["category"], body["category_label"]) == ("fees_charged", "收取费用")
        assert body["target_user"]["id"] == post.owner_id
        assert body["target_user"]["name"].endswith("不锈钢制品厂")
        assert body["post"] == {"id": post.pk, "title": post.title}
        assert [e["id"] for e in body["evidence"]] == evidence
        # The complainant reads their evidence through the signed link; nobody else can.
        assert worker.get(body["evidence"][0]["url"]).status_code == 200
        stranger = signed_in_client(make_user(account_type=AccountType.TRADE))
        assert stranger.get(f"files/{evidence[0]}").status_code == 404
        factory = signed_in_client(post.owner)
        assert factory.get(f"files/{evidence[0]}").status_code == 404

        mine = worker.get("complaints/mine").json()
        assert [(c["id"], c["status"], c["outcome"]) for c in mine["items"]] == [(body["id"], "submitted", "")]

    def test_who_may_complain_about_what_R_OPS_4(self) -> None:
        post = labour_post()
        owner = signed_in_client(post.owner)
        worker = worker_client()
        stranger = worker_client()

        # Oneself: refused, whether as the post's owner or as a user.
        assert complain(owner, target_type="post", target_id=post.pk).json()["code"] == "cannot_complain_about_self"
        assert complain(worker, target_type="user", target_id=worker.user.pk).json()["code"] == (
            "cannot_complain_about_self"
        )
        # A user one never dealt with: 404 (accounts cannot be reported by strangers who know an id).
        assert complain(stranger, target_type="user", target_id=post.owner_id).status_code == 404
        # After applying, the worker has dealt with the factory.
        applied(worker, post)
        assert complain(worker, target_type="user", target_id=post.owner_id, category="harassment").status_code == 201
        # Staff accounts are not complaint targets through the app.
        assert complain(worker, target_type="user", target_id=support_staff().pk).status_code == 404
        # A post off the boards: only those who dealt with it.
        hidden = labour_post(status=PostStatus.PENDING)
        assert complain(stranger, target_type="post", target_id=hidden.pk).status_code == 404
        # A connection one is not part of.
        buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
        stock = labour_post()
        connection_id = open_chat(buyer, stock)["connection_id"]
        assert complain(stranger, target_type="connection", target_id=connection_id).status_code == 404
        # Someone else's upload as evidence.
        others_file = upload_evidence(buyer)
        bad = complain(stranger, target_type="post", target_id=post.pk, evidence_ids=[others_file])
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["field"] == "evidence_ids"
        # Unknown choices and too-short descriptions are validation errors.
        assert complain(worker, target_type="post", target_id=post.pk, category="spam").status_code == 422
        assert complain(worker, target_type="post", target_id=post.pk, description="差").status_code == 422

    def test_the_same_open_complaint_is_not_filed_twice_R_OPS_4(self) -> None:
        post = labour_post()
        worker = worker_client()
        filed(worker, target_type="post", target_id=post.pk)
        again = complain(worker, target_type="post", target_id=post.pk)
        assert again.status_code == 409
        assert again.json()["code"] == "complaint_exists"
        assert complain(worker, target_type="post", target_id=post.pk, category="fraud").status_code == 201

    def test_only_the_complainant_reads_a_complaint_R_OPS_4(self) -> None:
        post = labour_post()
        worker = worker_client()
        complaint = filed(worker, target_type="post", target_id=post.pk)

        assert worker.get(f"complaints/{complaint['id']}").status_code == 200
        third = signed_in_client(make_user(account_type=AccountType.TRADE))
        assert third.get(f"complaints/{complaint['id']}").status_code == 404
        target = signed_in_client(post.owner)
        assert target.get(f"complaints/{complaint['id']}").status_code == 404
        assert target.get("complaints/mine").json()["count"] == 0


class TestMediation:
    def test_lifecycle_resolved_with_restriction_stops_the_factory_publishing_R_OPS_4(self) -> None:
        post = labour_post()
        factory = signed_in_client(post.owner)
        worker = worker_client()
        evidence = upload_evidence(worker)
        complaint_id = filed(
            worker, target_type="post", target_id=post.pk, category="fees_charged", evidence_ids=[evidence]
        )["id"]
        operator = support_staff()
        assert factory.get("me/publish-permission").json()["can_publish"] is True

        services.assign(operator=operator, complaint_id=complaint_id)
        assert worker.get(f"complaints/{complaint_id}").json()["status"] == "processing"
        assert [n["title"] for n in notifications_of(worker, "complaint")] == ["你的投诉已受理"]
        services.add_note(
            operator=operator,
            complaint_id=complaint_id,
            text="已电话联系工厂，对方承认收取押金",
            kind=NoteKind.CONTACT_TARGET,
        )
        until = timezone.now() + timedelta(days=30)
        services.resolve(
            operator=operator,
            complaint_id=complaint_id,
            outcome="account_restricted",
            note="经核实向工人收取押金，限制发布 30 天",
            until=until,
        )

        permission = factory.get("me/publish-permission").json()
        assert (permission["can_publish"], permission["code"]) == (False, "account_restricted")
        detail = worker.get(f"complaints/{complaint_id}").json()
        assert (detail["status"], detail["outcome"], detail["outcome_label"]) == (
            "resolved",
            "account_restricted",
            "限制发布",
        )
        assert detail["outcome_note"] == "经核实向工人收取押金，限制发布 30 天"
        assert notifications_of(worker, "complaint")[0]["title"] == "你的投诉已处理：限制发布"
        to_factory = notifications_of(factory, "complaint")
        assert [n["title"] for n in to_factory] == ["关于你的投诉处理结果：限制发布"]
        assert "收取费用" in to_factory[0]["body"]
        actions = set(AuditEntry.objects.filter(target_id=str(complaint_id)).values_list("action", flat=True))
        assert {"support.complaint.assign", "support.complaint.note", "support.complaint.resolve"} <= actions
        assert AuditEntry.objects.filter(action="account.restricted", target_id=str(post.owner_id)).exists()
        kinds = list(ComplaintNote.objects.filter(complaint_id=complaint_id).values_list("kind", flat=True))
        assert kinds == ["contact_target", "system"]

        # A closed complaint cannot be decided again.
        with pytest.raises(AppError) as closed:
            services.resolve(operator=operator, complaint_id=complaint_id, outcome="warning", note="再处理一次")
        assert closed.value.code == "complaint_closed"

    def test_post_removed_takes_the_post_off_the_boards_R_OPS_4(self, api: Any) -> None:
        post = labour_post()
        worker = worker_client()
        complaint_id = filed(worker, target_type="post", target_id=post.pk, category="fake_info")["id"]
        assert post.pk in [p["id"] for p in api.get("discovery/labour").json()["items"]]

        services.resolve(operator=support_staff(), complaint_id=complaint_id, outcome="post_removed", note="虚假招聘")

        post.refresh_from_db()
        assert post.status == PostStatus.TAKEN_DOWN
        assert post.pk not in [p["id"] for p in api.get("discovery/labour").json()["items"]]
        assert api.get(f"listings/posts/{post.pk}").status_code == 404

    def test_account_disabled_hides_the_posts_and_stops_sign_in_R_OPS_4(self, api: Any) -> None:
        post = labour_post()
        factory = signed_in_client(post.owner)
        worker = worker_client()
        complaint_id = filed(worker, target_type="post", target_id=post.pk, category="fraud")["id"]

        services.resolve(operator=support_staff(), complaint_id=complaint_id, outcome="account_disabled", note="诈骗")

        assert factory.get("me/publish-permission").json()["code"] == "account_disabled"
        assert post.pk not in [p["id"] for p in api.get("discovery/labour").json()["items"]]

    def test_outcomes_are_checked_R_OPS_4(self) -> None:
        post = labour_post()
        buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
        user_complaint = filed(
            buyer,
            target_type="connection",
            target_id=open_chat(buyer, post)["connection_id"],
            category="harassment",
        )
        operator = support_staff()
        with pytest.raises(AppError) as missing_note:
            services.resolve(operator=operator, complaint_id=user_complaint["id"], outcome="warning", note="")
        assert missing_note.value.code == "validation_error"
        with pytest.raises(AppError) as until_on_warning:
            services.resolve(
                operator=operator,
                complaint_id=user_complaint["id"],
                outcome="warning",
                note="警告一次",
                until=timezone.now() + timedelta(days=1),
            )
        assert until_on_warning.value.code == "validation_error"
        with pytest.raises(PermissionDenied):
            services.resolve(operator=buyer.user, complaint_id=user_complaint["id"], outcome="warning", note="自己处理")

        worker = worker_client()
        applied(worker, post)
        about_user = filed(worker, target_type="user", target_id=post.owner_id, category="harassment")
        with pytest.raises(AppError) as no_post:
            services.resolve(operator=operator, complaint_id=about_user["id"], outcome="post_removed", note="下架")
        assert no_post.value.detail[0]["rule"] == "no_post"

    def test_dismissal_tells_only_the_complainant_R_OPS_4(self) -> None:
        post = labour_post()
        factory = signed_in_client(post.owner)
        worker = worker_client()
        complaint_id = filed(worker, target_type="post", target_id=post.pk, category="other")["id"]

        services.dismiss(operator=support_staff(), complaint_id=complaint_id, note="与平台信息无关")

        detail = worker.get(f"complaints/{complaint_id}").json()
        assert (detail["status_label"], detail["outcome"], detail["outcome_note"]) == ("不予受理", "", "与平台信息无关")
        assert [n["title"] for n in notifications_of(worker, "complaint")] == ["你的投诉不予受理"]
        assert notifications_of(factory, "complaint") == []
        assert selectors.upheld_complaints_count([post.owner_id]) == {post.owner_id: 0}


class TestDisputedConversation:
    def _connection_complaint(self) -> tuple[Any, Any, int]:
        post = labour_post()
        buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
        opened = open_chat(buyer, post, message="先交 200 元押金才能安排面试")
        complaint = filed(buyer, target_type="connection", target_id=opened["connection_id"], category="fees_charged")
        return buyer, post, complaint["id"]

    def test_connection_complaint_opens_the_conversation_audited_R_OPS_4_R_OPS_3(self) -> None:
        _buyer, post, complaint_id = self._connection_complaint()
        complaint = Complaint.objects.get(pk=complaint_id)
        connection = Connection.objects.get()
        assert (complaint.target_user_id, complaint.connection_id, complaint.post_id) == (
            post.owner_id,
            connection.pk,
            post.pk,
        )
        operator = support_staff()

        messages = services.view_disputed_conversation(operator=operator, complaint_id=complaint_id)

        assert [m.text for m in messages] == ["先交 200 元押金才能安排面试"]
        entry = AuditEntry.objects.get(action="messaging.conversation_opened_for_complaint")
        assert (entry.actor, entry.target_id, entry.data["complaint_id"]) == (
            operator,
            str(connection.conversation_id),
            complaint_id,
        )

    def test_no_conversation_for_other_complaints_or_other_staff_R_OPS_4_R_OPS_3(self) -> None:
        _buyer, post, complaint_id = self._connection_complaint()
        worker = worker_client()
        post_complaint = filed(worker, target_type="post", target_id=post.pk)["id"]

        with pytest.raises(PermissionDenied) as not_connection:
            services.view_disputed_conversation(operator=support_staff(), complaint_id=post_complaint)
        assert not_connection.value.code == "not_connection_complaint"
        from support.tests.factories import reviewer_staff

        with pytest.raises(PermissionDenied):
            services.view_disputed_conversation(operator=reviewer_staff(), complaint_id=complaint_id)
        assert not AuditEntry.objects.filter(action="messaging.conversation_opened_for_complaint").exists()


class TestTrustSignals:
    def test_upheld_complaints_count_per_account_in_one_query_R_PLUS_4(self, django_assert_num_queries: Any) -> None:
        operator = support_staff()
        first, second = labour_post(), labour_post()
        untouched = make_user(account_type=AccountType.FACTORY)
        outcomes = {
            first: ["warning", "no_action", "post_removed"],
            second: ["account_restricted"],
        }
        for post, results in outcomes.items():
            ids = [filed(worker_client(), target_type="post", target_id=post.pk)["id"] for _ in results]
            for complaint_id, outcome in zip(ids, results, strict=True):
                services.resolve(operator=operator, complaint_id=complaint_id, outcome=outcome, note="已核实")
        # Open and dismissed complaints do not count.
        filed(worker_client(), target_type="post", target_id=second.pk)
        dismissed = filed(worker_client(), target_type="post", target_id=second.pk, category="fraud")["id"]
        services.dismiss(operator=operator, complaint_id=dismissed, note="证据不足")

        with django_assert_num_queries(1):
            counts = selectors.upheld_complaints_count([first.owner_id, second.owner_id, untouched.pk])
        assert counts == {first.owner_id: 2, second.owner_id: 1, untouched.pk: 0}
        assert selectors.upheld_complaints_count([]) == {}


class TestQueryCounts:
    def test_my_complaints_list_does_not_grow_with_rows_R_OPS_4(self, django_assert_max_num_queries: Any) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        worker = worker_client()
        for _ in range(2):
            filed(worker, target_type="post", target_id=labour_post().pk, evidence_ids=[upload_evidence(worker)])
        with CaptureQueriesContext(connection) as small:
            assert worker.get("complaints/mine").json()["count"] == 2
        baseline = len(small.captured_queries)  # read now: the next request resets the query log
        for _ in range(4):
            filed(worker, target_type="post", target_id=labour_post().pk, evidence_ids=[upload_evidence(worker)])
        with django_assert_max_num_queries(baseline):
            assert worker.get("complaints/mine").json()["count"] == 6
