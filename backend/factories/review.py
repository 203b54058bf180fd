"""Review of edits to a verified factory's public profile (issue #12): approve applies the edit, reject keeps
the approved version; either way the owner is notified. Reviewers need 审核信息 (``REVIEW_POSTS``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import Conflict, NotFound, field_error
from factories.models import EditStatus, FactoryProfileEdit
from factories.services import apply_values, edit_values
from notifications.models import NotificationKind
from notifications.services import notify

if TYPE_CHECKING:
    from accounts.models import User

PROFILE_LINK = "/pages/me/factory-profile"


def _pending(edit_id: int) -> FactoryProfileEdit:
    edit = FactoryProfileEdit.objects.select_for_update().select_related("profile__owner").filter(pk=edit_id).first()
    if edit is None:
        raise NotFound("资料修改不存在")
    if edit.status != EditStatus.PENDING:
        raise Conflict("already_reviewed", f"该修改已{edit.get_status_display()}，无需重复处理")
    return edit


def _decide(edit: FactoryProfileEdit, *, reviewer: User, status: str, reason: str = "") -> None:
    edit.status = status
    edit.reviewer = reviewer
    edit.reviewed_at = timezone.now()
    edit.reject_reason = reason
    edit.save(update_fields=["status", "reviewer", "reviewed_at", "reject_reason"])


@transaction.atomic
def approve_profile_edit(*, reviewer: User, edit_id: int) -> FactoryProfileEdit:
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    edit = _pending(edit_id)
    apply_values(edit.profile, edit_values(edit))
    _decide(edit, reviewer=reviewer, status=EditStatus.APPROVED)
    notify(
        recipient=edit.profile.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title="工厂资料修改已通过审核",
        body="修改后的工厂资料已在工厂名录展示",
        link=PROFILE_LINK,
        target=edit.profile,
        dedupe_key=f"factories.edit_approved:{edit.pk}",
    )
    audit.record(actor=reviewer, action="factory.edit_approved", target=edit.profile, data={"edit_id": edit.pk})
    return edit


@transaction.atomic
def reject_profile_edit(*, reviewer: User, edit_id: int, reason: str) -> FactoryProfileEdit:
    require_console_permission(reviewer, ConsolePermission.REVIEW_POSTS)
    reason = (reason or "").strip()
    if not 2 <= len(reason) <= 200:
        raise field_error("reason", "length", "请填写 2–200 字的驳回原因")
    edit = _pending(edit_id)
    _decide(edit, reviewer=reviewer, status=EditStatus.REJECTED, reason=reason)
    notify(
        recipient=edit.profile.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title="工厂资料修改未通过审核",
        body=f"原因：{reason}。工厂名录仍展示修改前的资料",
        link=PROFILE_LINK,
        target=edit.profile,
        dedupe_key=f"factories.edit_rejected:{edit.pk}",
    )
    audit.record(actor=reviewer, action="factory.edit_rejected", target=edit.profile, data={"edit_id": edit.pk})
    return edit
