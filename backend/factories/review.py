"""Review of edits to a verified factory's public profile (issue #12): approve applies the edit, reject keeps
the approved version; either way the owner is notified. Reviewers need 审核信息 (``REVIEW_POSTS``).

A factory photo WeChat's image check judges risky (``hold_risky_photo`` / ``flag_risky_edit_photo``, verdict
handlers) leaves the public page at once and goes to the same review: an edit that would put it back, with
the verdict as its finding — approving restores the photo (a false alarm), rejecting keeps it off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import Conflict, NotFound, field_error
from factories.models import EditStatus, FactoryProfile, FactoryProfileEdit
from factories.services import apply_values, edit_values, profile_values, stored_values
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


def _verdict_reason(check: Any) -> str:
    return f"工厂照片未通过微信图片安全检测（标签 {check.label}），已暂停展示"


def _add_finding(edit: FactoryProfileEdit, check: Any) -> None:
    moderation = dict(edit.moderation or {})
    moderation["reasons"] = [*(moderation.get("reasons") or []), _verdict_reason(check)]
    moderation["wechat_media"] = [
        *(moderation.get("wechat_media") or []),
        {"file": str(check.file_id), "label": check.label},
    ]
    edit.moderation = moderation
    edit.save(update_fields=["moderation"])


@transaction.atomic
def hold_risky_photo(target_id: str, check: Any) -> None:
    """Verdict handler (``factories.factoryprofile``): WeChat judged a photo on a factory's page risky. The
    photo leaves the page now; a reviewer decides through 工厂资料修改审核 and the owner is told."""
    profile = FactoryProfile.objects.select_for_update().select_related("owner").filter(pk=int(target_id)).first()
    if profile is None or not profile.photos.filter(pk=check.file_id).exists():
        return
    current = profile_values(profile)
    profile.photos.remove(check.file_id)
    pending = FactoryProfileEdit.objects.select_for_update().filter(profile=profile, status=EditStatus.PENDING).first()
    if pending is not None:
        _add_finding(pending, check)  # the owner's own pending edit carries the finding to the reviewer
    else:
        edit = FactoryProfileEdit.objects.create(
            profile=profile, values=stored_values(current), contact_phone=current["contact_phone"], moderation={}
        )
        _add_finding(edit, check)
    notify(
        recipient=profile.owner,
        kind=NotificationKind.REVIEW_RESULT,
        title="一张工厂照片已暂停展示",
        body="该照片未通过图片安全检测，已从工厂主页移除，平台将人工复核；如有疑问可重新上传其他照片",
        link=PROFILE_LINK,
        target=profile,
        dedupe_key=f"factories.photo_held:{check.pk}",
    )
    audit.record(actor=None, action="factory.photo_held", target=profile, data={"file_id": str(check.file_id)})


@transaction.atomic
def flag_risky_edit_photo(target_id: str, check: Any) -> None:
    """Verdict handler (``factories.factoryprofileedit``): a photo of a profile edit was judged risky. A
    pending edit shows the finding to its reviewer; an edit approved meanwhile put the photo on the page,
    so it is taken off and reviewed as above."""
    edit = FactoryProfileEdit.objects.select_for_update().filter(pk=int(target_id)).first()
    if edit is None:
        return
    if edit.status == EditStatus.PENDING:
        _add_finding(edit, check)
    elif edit.status == EditStatus.APPROVED:
        hold_risky_photo(str(edit.profile_id), check)
