"""Every support service checks its specific permission, not is_staff: handling complaints needs
处理投诉 (support.change_complaint), replying to feedback needs 回复意见反馈 (support.change_feedback),
reading a disputed conversation needs messaging's complaint permission. The 审核员 reviewer role holds
none of them and is refused, the complaint or feedback left as it was; the 客服 role still acts, and its
complaint outcomes reach posts and accounts it could not touch directly (R-ROLE-4, R-OPS-4, R-OPS-3,
R-APP-4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from accounts.models import AccountStatus, AccountType
from accounts.services import change_status
from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import labour_post, worker_client
from common.errors import PermissionDenied
from common.models import AuditEntry
from listings.models import PostStatus
from listings.services import take_down_by_operator
from messaging.models import Connection
from messaging.services import open_conversation_for_complaint
from messaging.tests.factories import open_chat
from support import services
from support.models import Complaint, ComplaintNote, ComplaintStatus, Feedback, FeedbackStatus
from support.tests.factories import complain, reviewer_staff, support_staff

pytestmark = pytest.mark.django_db


def connection_complaint() -> Complaint:
    post = labour_post()
    buyer = signed_in_client(make_user(account_type=AccountType.TRADE))
    opened = open_chat(buyer, post, message="先交 200 元押金才能安排面试")
    response = complain(buyer, target_type="connection", target_id=opened["connection_id"], category="fees_charged")
    assert response.status_code == 201, response
    return Complaint.objects.get(pk=response.json()["id"])


COMPLAINT_CALLS: dict[str, Callable[[Any, Complaint], Any]] = {
    "assign": lambda who, c: services.assign(operator=who, complaint_id=c.pk),
    "add_note": lambda who, c: services.add_note(operator=who, complaint_id=c.pk, text="已电话联系"),
    "resolve": lambda who, c: services.resolve(operator=who, complaint_id=c.pk, outcome="warning", note="警告一次"),
    "dismiss": lambda who, c: services.dismiss(operator=who, complaint_id=c.pk, note="与平台无关"),
    "view_disputed_conversation": lambda who, c: services.view_disputed_conversation(operator=who, complaint_id=c.pk),
}


@pytest.mark.parametrize("name", list(COMPLAINT_CALLS))
def test_reviewers_cannot_handle_complaints_R_ROLE_4_R_OPS_4(name: str) -> None:
    complaint = connection_complaint()

    with pytest.raises(PermissionDenied) as refused:
        COMPLAINT_CALLS[name](reviewer_staff(), complaint)

    assert (refused.value.code, refused.value.status_code) == ("permission_denied", 403)
    assert "处理投诉" in refused.value.message
    complaint.refresh_from_db()
    assert (complaint.status, complaint.assignee_id, complaint.outcome) == (ComplaintStatus.SUBMITTED, None, "")
    assert not ComplaintNote.objects.filter(complaint=complaint).exists()
    assert not AuditEntry.objects.filter(action__startswith="support.").exists()
    assert not AuditEntry.objects.filter(action="messaging.conversation_opened_for_complaint").exists()


@pytest.mark.parametrize("name", list(COMPLAINT_CALLS))
def test_support_still_handles_complaints_R_ROLE_4_R_OPS_4(name: str) -> None:
    complaint = connection_complaint()
    COMPLAINT_CALLS[name](support_staff(), complaint)
    assert AuditEntry.objects.filter(
        target_id__in=[str(complaint.pk), str(complaint.connection.conversation_id)], actor__is_staff=True
    ).exists()


def test_reading_a_conversation_needs_the_complaint_permission_R_ROLE_4_R_OPS_3() -> None:
    complaint = connection_complaint()
    conversation_id = Connection.objects.get().conversation_id
    with pytest.raises(PermissionDenied) as refused:
        open_conversation_for_complaint(
            operator=reviewer_staff(), conversation_id=conversation_id, complaint_id=complaint.pk
        )
    assert refused.value.code == "permission_denied"
    assert "处理投诉时查看会话" in refused.value.message
    assert not AuditEntry.objects.filter(action="messaging.conversation_opened_for_complaint").exists()
    opened = open_conversation_for_complaint(
        operator=support_staff(), conversation_id=conversation_id, complaint_id=complaint.pk
    )
    assert [m.text for m in opened] == ["先交 200 元押金才能安排面试"]


def test_reviewers_cannot_reply_to_feedback_R_ROLE_4_R_APP_4() -> None:
    user = signed_in_client(make_user(account_type=AccountType.FACTORY))
    created = user.post("feedback", {"category": "suggestion", "content": "希望用工板块可以按工资排序"}).json()

    with pytest.raises(PermissionDenied) as refused:
        services.reply_feedback(operator=reviewer_staff(), feedback_id=created["id"], reply="不是客服")

    assert refused.value.code == "permission_denied"
    assert "回复意见反馈" in refused.value.message
    feedback = Feedback.objects.get(pk=created["id"])
    assert (feedback.status, feedback.reply, feedback.replied_by_id) == (FeedbackStatus.PENDING, "", None)
    services.reply_feedback(operator=support_staff(), feedback_id=created["id"], reply="感谢建议")
    assert user.get("feedback/mine").json()["items"][0]["reply"] == "感谢建议"


def test_support_cannot_take_posts_down_or_change_accounts_outside_a_complaint_R_ROLE_4_R_OPS_4() -> None:
    """客服 lacks listings.change_post and accounts.change_user: only a complaint outcome, decided under
    处理投诉, reaches the post or the account."""
    post = labour_post()
    operator = support_staff()
    with pytest.raises(PermissionDenied):
        take_down_by_operator(operator=operator, post_id=post.pk, reason="虚假招聘")
    with pytest.raises(PermissionDenied):
        change_status(user=post.owner, status=AccountStatus.RESTRICTED, reason="违规", operator=operator)
    post.refresh_from_db()
    post.owner.refresh_from_db()
    assert (post.status, post.owner.status) == (PostStatus.PUBLISHED, AccountStatus.NORMAL)

    worker = worker_client()
    about_post = complain(worker, target_type="post", target_id=post.pk, category="fake_info").json()["id"]
    services.resolve(operator=operator, complaint_id=about_post, outcome="post_removed", note="虚假招聘")
    post.refresh_from_db()
    assert post.status == PostStatus.TAKEN_DOWN
