"""Appeals of a rejected qualification (issue #14 item 7), and the appeal note rule posts share.

The applicant may appeal a rejection once, with a note; the submission returns to the queue as an appeal
and only a reviewer other than the one who rejected it may decide it (``refuse_own_appeal``, asked by
``verification.services.approve`` / ``reject``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from accounts.models import User as UserModel
from common import audit
from common.errors import Conflict, NotFound, PermissionDenied, field_error
from verification.models import Qualification, QualificationStatus
from verification.workdays import review_due_at

if TYPE_CHECKING:
    from accounts.models import User

APPEAL_NOTE_MIN = 5
APPEAL_NOTE_MAX = 500


def clean_appeal_note(note: str) -> str:
    """The note is required: reviewers need to know why the rejection should not stand."""
    note = (note or "").strip()
    if len(note) < APPEAL_NOTE_MIN:
        raise field_error("note", "min_length", f"请写明申诉理由（至少 {APPEAL_NOTE_MIN} 个字）")
    if len(note) > APPEAL_NOTE_MAX:
        raise field_error("note", "max_length", f"申诉理由最多 {APPEAL_NOTE_MAX} 字")
    return note


def is_open_appeal(qualification: Qualification) -> bool:
    return bool(qualification.appealed_at and qualification.status == QualificationStatus.PENDING)


def refuse_own_appeal(*, reviewer: User, qualification: Qualification) -> bool:
    """Raises when ``reviewer`` rejected the appealed submission; answers whether it is an appeal."""
    if not is_open_appeal(qualification):
        return False
    if qualification.appeal_excluded_reviewer_id == reviewer.pk:
        raise PermissionDenied(
            "申诉须由其他审核员复审，您是驳回该资质的审核员",
            code="appeal_same_reviewer",
            detail={"qualification_id": qualification.pk},
        )
    return True


@transaction.atomic
def appeal_rejection(*, user: User, qualification_id: int, note: str) -> Qualification:
    note = clean_appeal_note(note)
    UserModel.objects.select_for_update().filter(pk=user.pk).first()
    qualification = Qualification.objects.select_for_update().filter(pk=qualification_id, user=user).first()
    if qualification is None:
        raise NotFound("资质不存在")
    if qualification.appealed_at is not None:
        raise Conflict("already_appealed", "每份资质只能申诉一次")
    if qualification.status != QualificationStatus.REJECTED:
        raise Conflict("not_rejected", "只有被驳回的资质可以申诉", detail={"status": qualification.status})
    newer = Qualification.objects.filter(
        user=user, kind=qualification.kind, submitted_at__gt=qualification.submitted_at
    ).exists()
    if (
        newer
        or Qualification.objects.filter(user=user, kind=qualification.kind, status=QualificationStatus.PENDING).exists()
    ):
        raise Conflict("superseded", "已重新提交过资质，请等待新提交的审核结果")
    now = timezone.now()
    qualification.status = QualificationStatus.PENDING
    qualification.appealed_at = now
    qualification.appeal_note = note
    qualification.appeal_excluded_reviewer_id = qualification.reviewer_id
    qualification.review_due_at = review_due_at(now)
    qualification.save(
        update_fields=["status", "appealed_at", "appeal_note", "appeal_excluded_reviewer", "review_due_at"]
    )
    audit.record(actor=user, action="qualification.appeal", target=qualification, data={"kind": qualification.kind})
    return qualification
