"""纠纷处理 / 意见反馈 in the console (R-OPS-4, R-APP-4): the queue, mediation through the forms, the
disputed conversation through the audited access, replies to feedback."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountType
from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import labour_post, worker_client
from common.models import AuditEntry
from messaging.tests.factories import open_chat
from support import services
from support.models import Complaint, ComplaintNote, Feedback
from support.tests.factories import complain, reviewer_staff, support_staff, upload_evidence

pytestmark = pytest.mark.django_db


def console(user: Any) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def filed(client: Any, **body: Any) -> int:
    response = complain(client, **body)
    assert response.status_code == 201, response
    return int(response.json()["id"])


def connection_complaint() -> tuple[Any, Any, int]:
    post = labour_post()
    buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
    opened = open_chat(buyer, post, message="先转 500 元定金，不然不发货")
    return buyer, post, filed(buyer, target_type="connection", target_id=opened["connection_id"], category="fraud")


class TestComplaintConsole:
    def test_queue_lists_unresolved_oldest_first_R_OPS_4(self) -> None:
        post = labour_post()
        workers = [worker_client() for _ in range(3)]
        ids = [filed(w, target_type="post", target_id=post.pk) for w in workers]
        Complaint.objects.filter(pk=ids[1]).update(created_at=timezone.now() - timedelta(days=3))
        services.dismiss(operator=support_staff(), complaint_id=ids[0], note="证据不足")

        page = console(support_staff()).get("/admin/support/complaint/")

        assert page.status_code == 200
        assert [c.pk for c in page.context["cl"].result_list] == [ids[1], ids[2], ids[0]]
        assert "纠纷处理" in page.content.decode()

    def test_mediation_through_the_console_forms_R_OPS_4(self) -> None:
        post = labour_post()
        factory = signed_in_client(post.owner)
        worker = worker_client()
        complaint_id = filed(
            worker,
            target_type="post",
            target_id=post.pk,
            category="fees_charged",
            evidence_ids=[upload_evidence(worker)],
        )
        operator = support_staff()
        browser = console(operator)

        assigned = browser.post(
            "/admin/support/complaint/", {"action": "assign_to_me", "_selected_action": [complaint_id]}
        )
        assert assigned.status_code == 302
        complaint = Complaint.objects.get(pk=complaint_id)
        assert (complaint.status, complaint.assignee) == ("processing", operator)

        detail = browser.get(reverse("admin:support_complaint_change", args=[complaint_id]))
        html = detail.content.decode()
        assert detail.status_code == 200
        assert "/api/files/" in html and "sig=" in html  # evidence preview through a signed link
        assert "仅针对对接记录的投诉可查看会话" in html

        noted = browser.post(
            reverse("admin:support_complaint_note_detail", args=[complaint_id]),
            {"kind": "contact_complainant", "text": "已电话联系投诉人，补充了转账截图"},
        )
        assert noted.status_code == 302
        assert ComplaintNote.objects.get(complaint_id=complaint_id).author == operator

        form = browser.get(reverse("admin:support_complaint_resolve_detail", args=[complaint_id]))
        assert form.status_code == 200
        assert "限制发布" in form.content.decode()
        resolved = browser.post(
            reverse("admin:support_complaint_resolve_detail", args=[complaint_id]),
            {"outcome": "account_restricted", "note": "收取押金属实，限制发布", "until_0": "", "until_1": ""},
        )
        assert resolved.status_code == 302
        complaint.refresh_from_db()
        assert (complaint.status, complaint.outcome) == ("resolved", "account_restricted")
        assert factory.get("me/publish-permission").json()["code"] == "account_restricted"

    def test_dismiss_form_needs_a_reason_R_OPS_4(self) -> None:
        post = labour_post()
        complaint_id = filed(worker_client(), target_type="post", target_id=post.pk)
        browser = console(support_staff())
        url = reverse("admin:support_complaint_dismiss_detail", args=[complaint_id])

        empty = browser.post(url, {"note": ""})
        assert empty.status_code == 200  # the form again, with its error
        assert Complaint.objects.get(pk=complaint_id).status == "submitted"
        assert browser.post(url, {"note": "与平台无关"}).status_code == 302
        assert Complaint.objects.get(pk=complaint_id).status == "dismissed"

    def test_disputed_conversation_page_is_audited_R_OPS_4_R_OPS_3(self) -> None:
        _buyer, _post, complaint_id = connection_complaint()
        operator = support_staff()
        browser = console(operator)

        detail = browser.get(reverse("admin:support_complaint_change", args=[complaint_id]))
        url = reverse("admin:support_complaint_conversation", args=[complaint_id])
        assert url in detail.content.decode()
        assert "查看争议会话" in detail.content.decode()

        page = browser.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert "先转 500 元定金，不然不发货" in html
        assert "投诉人" in html
        entry = AuditEntry.objects.get(action="messaging.conversation_opened_for_complaint")
        assert (entry.actor, entry.data["complaint_id"]) == (operator, complaint_id)

    def test_disputed_conversation_refused_for_other_complaints_and_other_staff_R_OPS_4_R_OPS_3(self) -> None:
        _buyer, post, connection_complaint_id = connection_complaint()
        post_complaint_id = filed(worker_client(), target_type="post", target_id=post.pk)

        not_connection = console(support_staff()).get(
            reverse("admin:support_complaint_conversation", args=[post_complaint_id])
        )
        assert not_connection.status_code == 403
        reviewer = console(reviewer_staff()).get(
            reverse("admin:support_complaint_conversation", args=[connection_complaint_id])
        )
        assert reviewer.status_code == 403
        assert not AuditEntry.objects.filter(action="messaging.conversation_opened_for_complaint").exists()

    def test_reviewers_have_no_complaint_pages_R_OPS_4(self) -> None:
        browser = console(reviewer_staff())
        assert browser.get("/admin/support/complaint/").status_code == 403
        assert browser.get("/admin/support/feedback/").status_code == 403


class TestFeedbackConsole:
    def test_reply_form_reaches_the_user_R_APP_4(self) -> None:
        user = signed_in_client(make_user(account_type=AccountType.WORKER))
        feedback_id = user.post("feedback", {"category": "problem", "content": "上传图片时一直转圈"}).json()["id"]
        browser = console(support_staff())

        listed = browser.get("/admin/support/feedback/")
        assert listed.status_code == 200
        assert "上传图片时一直转圈" in listed.content.decode()
        url = reverse("admin:support_feedback_reply_detail", args=[feedback_id])
        assert browser.get(url).status_code == 200
        assert browser.post(url, {"reply": "已修复，请更新到最新版本"}).status_code == 302

        assert Feedback.objects.get().status == "replied"
        assert user.get("feedback/mine").json()["items"][0]["reply"] == "已修复，请更新到最新版本"
