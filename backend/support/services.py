"""Writes of complaints (filing, mediation, outcomes) and feedback (R-OPS-4, R-APP-4, R-PLUS-4).

An outcome is applied through the owning domain (listings takes the post down, accounts restricts or
disables the account), both parties are told the result, and every operator step is audit-logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from accounts.models import AccountStatus
from accounts.services import change_status
from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import AppError, Conflict, NotFound, PermissionDenied, field_error
from listings.models import PostStatus
from listings.services import take_down_by_operator
from messaging.models import Connection
from messaging.selectors import get_connection_for
from messaging.services import open_conversation_for_complaint
from moderation import pipeline
from notifications.models import NotificationKind
from notifications.services import notify
from support import selectors
from support.models import (
    Complaint,
    ComplaintCategory,
    ComplaintNote,
    ComplaintStatus,
    Feedback,
    FeedbackCategory,
    FeedbackStatus,
    NoteKind,
    Outcome,
    TargetType,
)
from uploads.models import FilePurpose
from uploads.selectors import files_owned_by

if TYPE_CHECKING:
    from accounts.models import User
    from messaging.models import Message

MAX_EVIDENCE = 9
MAX_FEEDBACK_IMAGES = 6
DESCRIPTION_MIN = 5
DESCRIPTION_MAX = 2000
NOTE_MAX = 2000


def _complaint_link(complaint: Complaint) -> str:
    return f"/pages/me/complaints?id={complaint.pk}"


def _clean_text(value: str, *, field: str, minimum: int, maximum: int, label: str) -> str:
    text = (value or "").strip()
    if len(text) < minimum:
        raise field_error(field, "string_too_short", f"{label}至少 {minimum} 个字")
    if len(text) > maximum:
        raise field_error(field, "string_too_long", f"{label}不能超过 {maximum} 个字")
    return text


def _attachments(*, user: User, ids: Iterable[Any], field: str, limit: int) -> list[Any]:
    files = files_owned_by(user=user, ids=list(ids or []), purposes=[FilePurpose.COMPLAINT_EVIDENCE], field=field)
    if len(files) > limit:
        raise field_error(field, "too_many_files", f"最多上传 {limit} 个文件")
    return files


# --- filing (app users) --------------------------------------------------------------------------


def file_wage_complaint(
    *, complainant: User, post_id: int, description: str, evidence_ids: Iterable[Any] = ()
) -> Complaint:
    """A 工资不符 complaint against a labour post (``applications``' wage-mismatch report; registered as its
    wage-complaint filer in ``SupportConfig.ready``)."""
    return file_complaint(
        complainant=complainant,
        target_type=TargetType.POST,
        target_id=post_id,
        category=ComplaintCategory.WAGE_MISMATCH,
        description=description,
        evidence_ids=evidence_ids,
    )


@transaction.atomic
def file_complaint(
    *,
    complainant: User,
    target_type: str,
    target_id: int,
    category: str,
    description: str,
    evidence_ids: Iterable[Any] = (),
) -> Complaint:
    """A complaint against a user, a post or a connection the complainant is a party to.

    Anyone may complain about a post on the boards; a user only by someone who dealt with them
    (conversation, connection, application); a connection only by one of its two parties.
    """
    if target_type not in TargetType.values:
        raise field_error("target_type", "choice", "投诉对象只能是用户、信息或对接记录")
    if category not in ComplaintCategory.values:
        raise field_error("category", "choice", "请选择投诉类别")
    text = _clean_text(
        description, field="description", minimum=DESCRIPTION_MIN, maximum=DESCRIPTION_MAX, label="投诉内容"
    )
    pipeline.screen(place="complaint", texts={"description": text}, author=complainant)

    post = connection = None
    if target_type == TargetType.POST:
        post = selectors.post_for_complaint(user=complainant, post_id=target_id)
        target_user = post.owner
    elif target_type == TargetType.CONNECTION:
        found = get_connection_for(user=complainant, connection_id=target_id)
        connection = Connection.objects.select_related("initiator", "counterpart", "post").get(pk=found.pk)
        target_user = connection.counterpart if connection.initiator_id == complainant.pk else connection.initiator
        post = connection.post
    else:
        target_user = selectors.user_for_target(user_id=target_id)
        if target_user.pk != complainant.pk and not selectors.has_dealings(complainant.pk, target_user.pk):
            raise NotFound("用户不存在或你与对方没有往来记录")
    if target_user.pk == complainant.pk:
        raise AppError("cannot_complain_about_self", "不能投诉自己")
    if selectors.has_open_duplicate(
        complainant=complainant,
        target_user_id=target_user.pk,
        category=category,
        post_id=post.pk if post else None,
        connection_id=connection.pk if connection else None,
    ):
        raise Conflict("complaint_exists", "你已就此事提交过同类投诉，平台正在处理，请耐心等待")

    files = _attachments(user=complainant, ids=evidence_ids, field="evidence_ids", limit=MAX_EVIDENCE)
    complaint = Complaint.objects.create(
        complainant=complainant,
        target_type=target_type,
        target_user=target_user,
        post=post,
        connection=connection,
        category=category,
        description=text,
    )
    if files:
        complaint.evidence.set(files)
    return complaint


# --- mediation (operators) -----------------------------------------------------------------------


def _check_handler(operator: User) -> None:
    require_console_permission(operator, ConsolePermission.HANDLE_COMPLAINTS)


def _locked(complaint_id: int) -> Complaint:
    complaint = (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("complainant", "target_user", "post", "connection")
        .filter(pk=complaint_id)
        .first()
    )
    if complaint is None:
        raise NotFound("投诉不存在")
    return complaint


def _require_open(complaint: Complaint) -> None:
    if not complaint.is_open:
        raise Conflict("complaint_closed", f"该投诉已{complaint.get_status_display()}，不能重复处理")


@transaction.atomic
def assign(*, operator: User, complaint_id: int, assignee: User | None = None) -> Complaint:
    """Takes the complaint on (to ``assignee``, by default the operator): it moves to 处理中 and the
    complainant is told it is being handled."""
    _check_handler(operator)
    assignee = assignee or operator
    if not selectors.is_complaint_handler(assignee):
        raise field_error("assignee", "not_handler", "只能指派给有投诉处理权限的客服人员")
    complaint = _locked(complaint_id)
    _require_open(complaint)
    first_time = complaint.status == ComplaintStatus.SUBMITTED
    complaint.assignee = assignee
    complaint.status = ComplaintStatus.PROCESSING
    complaint.save(update_fields=["assignee", "status", "updated_at"])
    audit.record(actor=operator, action="support.complaint.assign", target=complaint, data={"assignee_id": assignee.pk})
    if first_time:
        notify(
            recipient=complaint.complainant,
            kind=NotificationKind.COMPLAINT,
            title="你的投诉已受理",
            body=f"投诉 #{complaint.pk}（{complaint.get_category_display()}）已由平台客服受理，处理中。",
            link=_complaint_link(complaint),
            target=complaint,
            dedupe_key=f"support.complaint.accepted:{complaint.pk}",
        )
    return complaint


@transaction.atomic
def add_note(*, operator: User, complaint_id: int, text: str, kind: str = NoteKind.NOTE) -> ComplaintNote:
    """A working note or a contact log ("已电话联系工厂…"), kept with the complaint."""
    _check_handler(operator)
    if kind not in (NoteKind.NOTE, NoteKind.CONTACT_COMPLAINANT, NoteKind.CONTACT_TARGET):
        raise field_error("kind", "choice", "记录类型无效")
    body = _clean_text(text, field="text", minimum=1, maximum=NOTE_MAX, label="记录内容")
    complaint = _locked(complaint_id)
    note = ComplaintNote.objects.create(complaint=complaint, author=operator, kind=kind, text=body)
    Complaint.objects.filter(pk=complaint.pk).update(updated_at=timezone.now())
    audit.record(actor=operator, action="support.complaint.note", target=complaint, data={"note_id": note.pk})
    return note


def view_disputed_conversation(*, operator: User, complaint_id: int) -> list[Message]:
    """The conversation a connection complaint is about, read through messaging's audited access
    (R-OPS-3). Other complaints give no access to anyone's conversations."""
    _check_handler(operator)

    complaint = Complaint.objects.select_related("connection").filter(pk=complaint_id).first()
    if complaint is None:
        raise NotFound("投诉不存在")
    if complaint.target_type != TargetType.CONNECTION or complaint.connection is None:
        raise PermissionDenied("只有针对对接记录的投诉才能查看相关会话", code="not_connection_complaint")
    return open_conversation_for_complaint(
        operator=operator, conversation_id=complaint.connection.conversation_id, complaint_id=complaint.pk
    )


def _apply_outcome(
    *, operator: User, complaint: Complaint, outcome: str, note: str, until: datetime | None
) -> dict[str, Any]:
    reason = f"投诉 #{complaint.pk}（{complaint.get_category_display()}）：{note}"[:500]
    if outcome == Outcome.POST_REMOVED:
        if complaint.post is None:
            raise field_error("outcome", "no_post", "该投诉未关联具体信息，无法下架")
        if complaint.post.status != PostStatus.PUBLISHED:
            # Already off the boards (expired, taken down by its owner): nothing left to remove.
            return {"post_id": complaint.post.pk, "post_already_offline": True}
        take_down_by_operator(
            operator=operator,
            post_id=complaint.post.pk,
            reason=reason,
            permission=ConsolePermission.HANDLE_COMPLAINTS,
        )
        return {"post_id": complaint.post.pk}
    if outcome in (Outcome.ACCOUNT_RESTRICTED, Outcome.ACCOUNT_DISABLED):
        status = AccountStatus.RESTRICTED if outcome == Outcome.ACCOUNT_RESTRICTED else AccountStatus.DISABLED
        change_status(
            user=complaint.target_user,
            status=status,
            reason=reason,
            operator=operator,
            until=until,
            permission=ConsolePermission.HANDLE_COMPLAINTS,
        )
        return {"account_status": str(status), "until": until.isoformat() if until else None}
    return {}


def _notify_outcome(complaint: Complaint) -> None:
    outcome = complaint.get_outcome_display()
    notify(
        recipient=complaint.complainant,
        kind=NotificationKind.COMPLAINT,
        title=f"你的投诉已处理：{outcome}",
        body=f"投诉 #{complaint.pk}（{complaint.get_category_display()}）处理结果：{outcome}。{complaint.outcome_note}",
        link=_complaint_link(complaint),
        target=complaint,
        dedupe_key=f"support.complaint.outcome:{complaint.pk}:complainant",
    )
    subject = f"信息「{complaint.post.title}」" if complaint.post is not None else "你的账号"
    notify(
        recipient=complaint.target_user,
        kind=NotificationKind.COMPLAINT,
        title=f"关于你的投诉处理结果：{outcome}",
        body=(
            f"平台收到关于{subject}的投诉（{complaint.get_category_display()}），经核实处理结果：{outcome}。"
            f"{complaint.outcome_note} 如有异议请联系平台客服。"
        ),
        link="/pages/me/index",
        # No target: the party complained about has no access to the complaint itself.
        dedupe_key=f"support.complaint.outcome:{complaint.pk}:target",
    )


@transaction.atomic
def resolve(*, operator: User, complaint_id: int, outcome: str, note: str, until: datetime | None = None) -> Complaint:
    """Closes the complaint with an outcome, applies it, and tells both parties."""
    _check_handler(operator)
    if outcome not in Outcome.values:
        raise field_error("outcome", "choice", "请选择处理结果")
    text = _clean_text(note, field="note", minimum=2, maximum=NOTE_MAX, label="处理说明")
    if until is not None and outcome not in (Outcome.ACCOUNT_RESTRICTED, Outcome.ACCOUNT_DISABLED):
        raise field_error("until", "not_applicable", "只有限制发布或禁用账号可以设置截止时间")
    complaint = _locked(complaint_id)
    _require_open(complaint)
    applied = _apply_outcome(operator=operator, complaint=complaint, outcome=outcome, note=text, until=until)
    complaint.status = ComplaintStatus.RESOLVED
    complaint.outcome = outcome
    complaint.outcome_note = text
    complaint.resolved_at = timezone.now()
    if complaint.assignee_id is None:
        complaint.assignee = operator
    complaint.save()
    ComplaintNote.objects.create(
        complaint=complaint,
        author=operator,
        kind=NoteKind.SYSTEM,
        text=f"处理结果：{complaint.get_outcome_display()}。{text}",
    )
    audit.record(
        actor=operator,
        action="support.complaint.resolve",
        target=complaint,
        reason=text,
        data={"outcome": outcome, "target_user_id": complaint.target_user_id, **applied},
    )
    _notify_outcome(complaint)
    return complaint


@transaction.atomic
def dismiss(*, operator: User, complaint_id: int, note: str) -> Complaint:
    """不予受理: the complaint is unfounded or outside the platform's remit; the complainant is told why.
    The party complained about was never involved, so is not notified."""
    _check_handler(operator)
    text = _clean_text(note, field="note", minimum=2, maximum=NOTE_MAX, label="不予受理的原因")
    complaint = _locked(complaint_id)
    _require_open(complaint)
    complaint.status = ComplaintStatus.DISMISSED
    complaint.outcome = ""
    complaint.outcome_note = text
    complaint.resolved_at = timezone.now()
    if complaint.assignee_id is None:
        complaint.assignee = operator
    complaint.save()
    ComplaintNote.objects.create(complaint=complaint, author=operator, kind=NoteKind.SYSTEM, text=f"不予受理：{text}")
    audit.record(actor=operator, action="support.complaint.dismiss", target=complaint, reason=text)
    notify(
        recipient=complaint.complainant,
        kind=NotificationKind.COMPLAINT,
        title="你的投诉不予受理",
        body=f"投诉 #{complaint.pk}（{complaint.get_category_display()}）不予受理，原因：{text}",
        link=_complaint_link(complaint),
        target=complaint,
        dedupe_key=f"support.complaint.outcome:{complaint.pk}:complainant",
    )
    return complaint


# --- feedback (R-APP-4) --------------------------------------------------------------------------


@transaction.atomic
def submit_feedback(
    *, user: User, category: str, content: str, image_ids: Iterable[Any] = (), contact_ok: bool = False
) -> Feedback:
    if category not in FeedbackCategory.values:
        raise field_error("category", "choice", "请选择反馈类别")
    text = _clean_text(content, field="content", minimum=5, maximum=DESCRIPTION_MAX, label="反馈内容")
    pipeline.screen(place="feedback", texts={"content": text}, author=user)
    images = _attachments(user=user, ids=image_ids, field="image_ids", limit=MAX_FEEDBACK_IMAGES)
    feedback = Feedback.objects.create(user=user, category=category, content=text, contact_ok=contact_ok)
    if images:
        feedback.images.set(images)
    return feedback


@transaction.atomic
def reply_feedback(*, operator: User, feedback_id: int, reply: str) -> Feedback:
    """The operator's reply, shown with the feedback in the user's list; the user is notified.
    Replying again replaces the reply (and notifies again)."""
    require_console_permission(operator, ConsolePermission.REPLY_FEEDBACK)
    text = _clean_text(reply, field="reply", minimum=2, maximum=DESCRIPTION_MAX, label="回复内容")
    feedback = Feedback.objects.select_for_update(of=("self",)).select_related("user").filter(pk=feedback_id).first()
    if feedback is None:
        raise NotFound("反馈不存在")
    feedback.reply = text
    feedback.replied_by = operator
    feedback.replied_at = timezone.now()
    feedback.status = FeedbackStatus.REPLIED
    feedback.save(update_fields=["reply", "replied_by", "replied_at", "status"])
    audit.record(actor=operator, action="support.feedback.reply", target=feedback)
    notify(
        recipient=feedback.user,
        kind=NotificationKind.SYSTEM,
        title="你的意见反馈有了回复",
        body=text[:200],
        link="/pages/me/feedback",
        target=feedback,
    )
    return feedback
