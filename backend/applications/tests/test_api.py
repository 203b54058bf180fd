"""Job applications through the HTTP API (R-ROLE-3), wage-mismatch reports (R-OPS-4, R-PLUS-4)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from applications.models import Application, ApplicationEvent, WageReport
from applications.tests.factories import (
    applied,
    apply,
    factory_client,
    labour_post,
    notifications_of,
    worker_client,
)
from common.testing import FakeWeChat
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post
from support.models import Complaint

pytestmark = pytest.mark.django_db

APPLICATION_TEMPLATE = "tpl-application-update"


def set_status(factory: Any, application_id: int, status: str) -> Any:
    return factory.post(f"applications/{application_id}/status", {"status": status})


class TestApply:
    def test_worker_applies_with_a_snapshot_and_the_factory_is_told_R_ROLE_3(self) -> None:
        post = labour_post()
        factory = factory_client(post)
        worker = worker_client(name="李师傅")

        body = applied(worker, post, note="做过三年平车", experience_years=3)

        assert body["status"] == "new"
        assert body["status_label"] == "新申请"
        assert body["post"]["id"] == post.pk
        assert body["post_title"] == post.title
        assert body["factory"]["name"].endswith("不锈钢制品厂")
        application = Application.objects.get()
        snapshot = application.snapshot
        assert snapshot["name"] == "李师傅"
        assert snapshot["experience_years"] == 3
        assert snapshot["note"] == "做过三年平车"
        assert [j["name"] for j in snapshot["job_types"]] == ["缝纫工"]
        assert snapshot["region"]["adcode"] == "440306"
        assert "宝安" in snapshot["region"]["name"]
        assert [n["title"] for n in notifications_of(factory, "application")] == ["有新的工人申请了你的岗位"]

    def test_second_application_is_refused_but_reapplying_after_withdrawal_works_R_ROLE_3(self) -> None:
        post = labour_post()
        worker = worker_client()
        first = applied(worker, post)

        again = apply(worker, post)
        assert again.status_code == 409
        assert again.json()["code"] == "already_applied"
        assert again.json()["detail"]["application_id"] == first["id"]

        withdrawn = worker.post(f"applications/{first['id']}/withdraw")
        assert withdrawn.status_code == 200
        assert withdrawn.json()["status"] == "withdrawn"
        reopened = applied(worker, post, note="想再试试")
        assert reopened["id"] == first["id"]
        assert reopened["status"] == "new"
        assert Application.objects.count() == 1

    def test_only_workers_apply_and_only_to_visible_labour_posts_R_ROLE_3(self) -> None:
        post = labour_post()
        trade = signed_in_client(make_user(account_type=AccountType.TRADE))
        response = apply(trade, post)
        assert response.status_code == 403
        assert response.json()["code"] == "wrong_account_type"

        worker = worker_client()
        stock = make_post(kind=PostKind.STOCK)
        assert apply(worker, stock).json()["code"] == "not_labour_post"
        pending = labour_post(status=PostStatus.PENDING)
        assert apply(worker, pending).status_code == 404
        assert apply(worker, Post(pk=999999)).status_code == 404

    def test_worker_without_a_job_preference_still_applies_R_ROLE_3(self) -> None:
        post = labour_post()
        worker = worker_client(with_preference=False)
        applied(worker, post)
        snapshot = Application.objects.get().snapshot
        assert (snapshot["region"], snapshot["job_types"], snapshot["experience_years"]) == (None, [], None)


class TestFactoryDecisions:
    def test_lifecycle_notifies_the_worker_and_hiring_to_headcount_fills_the_post_R_ROLE_3(
        self, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
    ) -> None:
        post = labour_post(headcount=2)
        factory = factory_client(post)
        first, second, third = worker_client(name="甲"), worker_client(name="乙"), worker_client(name="丙")
        first.user.wechat_openid = "openid-worker-1"
        first.user.save(update_fields=["wechat_openid"])
        wechat.grant_subscription("openid-worker-1", APPLICATION_TEMPLATE)
        first.post("notifications/subscriptions", {"purposes": ["application_update"]})
        a1, a2, a3 = applied(first, post), applied(second, post), applied(third, post)

        with django_capture_on_commit_callbacks(execute=True):
            contacted = set_status(factory, a1["id"], "contacted")
        assert contacted.status_code == 200
        assert contacted.json()["status"] == "contacted"
        assert [n["title"] for n in notifications_of(first, "application")] == ["应聘进度：已联系"]
        sent = wechat.sent()
        assert [m["touser"] for m in sent] == ["openid-worker-1"]
        assert sent[0]["template_id"] == APPLICATION_TEMPLATE

        assert set_status(factory, a1["id"], "hired").json()["status"] == "hired"
        post.refresh_from_db()
        assert (post.hired_count, post.is_full) == (1, False)
        assert set_status(factory, a2["id"], "hired").status_code == 200
        post.refresh_from_db()
        assert (post.hired_count, post.is_full) == (2, True)

        # Full: the third cannot be hired, and nobody new can apply.
        refused = set_status(factory, a3["id"], "hired")
        assert refused.status_code == 409
        assert refused.json()["code"] == "post_full"
        late = apply(worker_client(name="丁"), post)
        assert late.status_code == 409
        assert late.json()["code"] == "post_full"
        assert set_status(factory, a3["id"], "declined").json()["status"] == "declined"

        # The worker sees each change in their records.
        mine = first.get("applications/mine").json()
        assert [(r["id"], r["status"], r["status_label"]) for r in mine["items"]] == [(a1["id"], "hired", "已录用")]
        assert mine["items"][0]["post"]["is_full"] is True
        assert [n["title"] for n in notifications_of(third, "application")] == ["应聘进度：未录用"]
        history = list(ApplicationEvent.objects.filter(application_id=a1["id"]).values_list("from_status", "to_status"))
        assert history == [("", "new"), ("new", "contacted"), ("contacted", "hired")]

    def test_unhiring_or_a_hired_worker_withdrawing_gives_the_place_back_R_ROLE_3(self) -> None:
        post = labour_post(headcount=1)
        factory = factory_client(post)
        first, second = worker_client(), worker_client()
        a1, a2 = applied(first, post), applied(second, post)

        set_status(factory, a1["id"], "hired")
        post.refresh_from_db()
        assert (post.hired_count, post.is_full) == (1, True)
        assert set_status(factory, a1["id"], "declined").status_code == 200
        post.refresh_from_db()
        assert (post.hired_count, post.is_full) == (0, False)

        assert set_status(factory, a2["id"], "hired").status_code == 200
        assert second.post(f"applications/{a2['id']}/withdraw").status_code == 200
        post.refresh_from_db()
        assert (post.hired_count, post.is_full) == (0, False)
        assert next(n["title"] for n in notifications_of(factory, "application")) == "有工人撤回了岗位申请"

    def test_transitions_are_checked_R_ROLE_3(self) -> None:
        post = labour_post()
        factory = factory_client(post)
        worker = worker_client()
        application = applied(worker, post)

        bad = set_status(factory, application["id"], "new")
        assert bad.status_code == 422
        worker.post(f"applications/{application['id']}/withdraw")
        closed = set_status(factory, application["id"], "contacted")
        assert closed.status_code == 409
        assert closed.json()["code"] == "invalid_transition"
        again = worker.post(f"applications/{application['id']}/withdraw")
        assert again.json()["code"] == "cannot_withdraw"

    def test_owner_sees_applicants_with_snapshot_and_masked_phone_R_ROLE_3(self) -> None:
        post = labour_post()
        factory = factory_client(post)
        worker = worker_client(name="王师傅", phone="13912345678")
        applied(worker, post, note="可长期", experience_years=5)

        page = factory.get(f"applications/for-post/{post.pk}").json()
        assert page["count"] == 1
        row = page["items"][0]
        assert row["applicant_name"] == "王师傅"
        assert row["phone"] == "139****5678"
        assert "13912345678" not in str(page)
        assert row["snapshot"]["experience_years"] == 5
        assert row["snapshot"]["note"] == "可长期"
        assert factory.get(f"applications/for-post/{post.pk}", {"status": "hired"}).json()["count"] == 0

    def test_other_users_cannot_see_applicants_or_change_status_R_ROLE_3(self) -> None:
        post = labour_post()
        worker = worker_client()
        application = applied(worker, post)
        other_factory = signed_in_client(make_user(account_type=AccountType.FACTORY))

        assert other_factory.get(f"applications/for-post/{post.pk}").status_code == 404
        assert set_status(other_factory, application["id"], "hired").status_code == 404
        # The worker cannot act as the factory, nor see the applicant list.
        assert set_status(worker, application["id"], "hired").status_code == 403
        assert worker.get(f"applications/for-post/{post.pk}").status_code == 403
        # Another worker cannot withdraw or report on someone else's application.
        stranger = worker_client()
        assert stranger.post(f"applications/{application['id']}/withdraw").status_code == 404
        assert (
            stranger.post(
                f"applications/{application['id']}/wage-report", {"actual_wage": 100, "description": "不对"}
            ).status_code
            == 404
        )
        assert stranger.get("applications/mine").json()["count"] == 0
        assert Application.objects.get().status == "new"

    def test_anonymous_requests_are_refused_R_ROLE_3(self, api: Any) -> None:
        post = labour_post()
        assert api.post("applications", {"post_id": post.pk}).status_code == 401
        assert api.get("applications/mine").status_code == 401
        assert api.get(f"applications/for-post/{post.pk}").status_code == 401


class TestWageReport:
    def test_wage_report_needs_hired_and_files_a_complaint_against_the_factory_R_OPS_4(self) -> None:
        post = labour_post(wage_amount=260, wage_unit="day")
        factory = factory_client(post)
        worker = worker_client()
        application = applied(worker, post)
        path = f"applications/{application['id']}/wage-report"

        early = worker.post(path, {"actual_wage": 180, "description": "到厂后只给 180 一天"})
        assert early.status_code == 409
        assert early.json()["code"] == "not_hired"

        set_status(factory, application["id"], "hired")
        response = worker.post(path, {"actual_wage": 180, "description": "到厂后只给 180 一天"})
        assert response.status_code == 201, response
        body = response.json()
        assert body["posted_wage"] == "260.00" or float(body["posted_wage"]) == 260
        complaint = Complaint.objects.get(pk=body["complaint_id"])
        assert (complaint.category, complaint.target_user, complaint.post_id) == ("wage_mismatch", post.owner, post.pk)
        assert "180" in complaint.description and "260" in complaint.description
        mine = worker.get("complaints/mine").json()
        assert [c["category_label"] for c in mine["items"]] == ["工资不符"]

        twice = worker.post(path, {"actual_wage": 150, "description": "又降了"})
        assert twice.json()["code"] == "already_reported"
        assert WageReport.objects.count() == 1

    def test_wage_report_works_after_the_post_left_the_boards_R_OPS_4(self) -> None:
        post = labour_post()
        factory = factory_client(post)
        worker = worker_client()
        application = applied(worker, post)
        set_status(factory, application["id"], "hired")
        assert factory.post(f"listings/posts/{post.pk}/take-down").status_code == 200

        response = worker.post(
            f"applications/{application['id']}/wage-report", {"actual_wage": 200, "description": "少发工资"}
        )
        assert response.status_code == 201, response


class TestPersonalData:
    def test_cancelling_the_account_anonymises_and_withdraws_applications_R_PLUS_5(self) -> None:
        post = labour_post()
        factory = factory_client(post)
        worker = worker_client(name="赵师傅")
        application = applied(worker, post, note="电话后联系")

        assert worker.post("me/cancel", {"confirmation": "确认注销"}).status_code == 204

        row = factory.get(f"applications/for-post/{post.pk}").json()["items"][0]
        assert (row["id"], row["status"], row["applicant_name"]) == (application["id"], "withdrawn", "已注销用户")
        assert "电话后联系" not in str(row)


class TestQueryCounts:
    def test_list_endpoints_do_not_grow_with_rows_R_ROLE_3(self, django_assert_max_num_queries: Any) -> None:
        owner_post = labour_post(headcount=50)
        factory = factory_client(owner_post)
        worker = worker_client()
        for _ in range(3):
            applied(worker, labour_post())
        for _ in range(4):
            applied(worker_client(), owner_post)

        def count(client: Any, path: str) -> int:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as ctx:
                assert client.get(path).status_code == 200
            return len(ctx.captured_queries)

        mine_small = count(worker, "applications/mine")
        applicants_small = count(factory, f"applications/for-post/{owner_post.pk}")
        for _ in range(5):
            applied(worker, labour_post())
        for _ in range(5):
            applied(worker_client(), owner_post)
        with django_assert_max_num_queries(mine_small):
            worker.get("applications/mine")
        with django_assert_max_num_queries(applicants_small):
            factory.get(f"applications/for-post/{owner_post.pk}")


class TestApplicationStateOfAPost:
    def test_a_worker_reads_their_own_application_to_one_job_and_nobody_else_does_issue_15(self) -> None:
        """Issue #15 item 2: a job's page shows the worker's application state instead of 立即报名."""
        job, other_job = labour_post(), labour_post()
        worker = worker_client()
        mine = applied(worker, job)
        applied(worker, other_job)

        only = worker.get("applications/mine", {"post": job.pk}).json()
        rows = [(r["id"], r["post"]["id"], r["status_label"]) for r in only["items"]]
        assert rows == [(mine["id"], job.pk, "新申请")]
        # Another worker has not applied to it: nothing, and never the first worker's record.
        assert worker_client().get("applications/mine", {"post": job.pk}).json()["count"] == 0
        # A factory (even the job's owner) is not a worker: refused.
        assert factory_client(job).get("applications/mine", {"post": job.pk}).status_code == 403
