"""Qualification submissions, their review, and expiry (R-FLOW-1, R-APP-4, R-OPS-2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import AccountType
from accounts.models import User as UserModel
from accounts.services import set_verified_name
from common import audit
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import Conflict, PermissionDenied, field_error
from notifications.models import NotificationKind
from notifications.services import notify
from uploads.models import FilePurpose
from uploads.selectors import files_owned_by
from verification.appeals import refuse_own_appeal
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.policy import current_licence
from verification.signals import factory_licence_changed
from verification.validators import id_birth_date, is_valid_id_number, is_valid_uscc, normalise_code
from verification.workdays import review_due_at

if TYPE_CHECKING:
    from accounts.models import User

QUALIFICATION_LINK = "/pages/me/qualification"
REMINDER_DAYS = (30, 7, 1)
MIN_WORKER_AGE = 16  # 劳动法: no employment under 16
MAX_FILES = 5


def _files(*, user: User, ids: Sequence[UUID | str], purposes: Sequence[str], field: str, required: bool) -> list[Any]:
    """The user's own uploads with the given purposes; anything else is refused, naming the field."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    if required and not ids:
        raise field_error(field, "required", "请上传证照图片")
    if len(ids) > MAX_FILES:
        raise field_error(field, "max_items", f"最多上传 {MAX_FILES} 张图片")
    if not ids:
        return []
    files = files_owned_by(user=user, ids=ids, purposes=list(purposes), field=field)
    if len(files) != len(ids):
        raise field_error(field, "file_not_found", "图片不存在、不属于你或用途不符，请重新上传")
    return files


def _refuse_second_pending(*, user: User, kind: str) -> None:
    # Locking the user row serialises two simultaneous submissions of the same account.
    UserModel.objects.select_for_update().filter(pk=user.pk).first()
    if Qualification.objects.filter(user=user, kind=kind, status=QualificationStatus.PENDING).exists():
        raise Conflict("qualification_pending", "已有一份资质正在审核中，请等待审核结果后再提交")


def _clean_text(value: str, *, field: str, label: str, min_len: int, max_len: int) -> str:
    value = (value or "").strip()
    if not value:
        raise field_error(field, "required", f"请填写{label}")
    if not min_len <= len(value) <= max_len:
        raise field_error(field, "length", f"{label}长度应为 {min_len}–{max_len} 个字")
    return value


@transaction.atomic
def submit_business_licence(
    *,
    user: User,
    company_name: str,
    credit_code: str,
    legal_representative: str,
    registered_address: str,
    valid_until: date | None,
    is_long_term: bool,
    file_ids: Sequence[UUID | str],
) -> Qualification:
    """A trade company or factory submits its 营业执照 for review."""
    if user.account_type not in (AccountType.TRADE, AccountType.FACTORY):
        raise PermissionDenied("仅外贸公司和工厂账号需要提交营业执照", code="wrong_account_type")
    company_name = _clean_text(company_name, field="company_name", label="企业名称", min_len=2, max_len=100)
    code = normalise_code(credit_code)
    if not code:
        raise field_error("credit_code", "required", "请填写统一社会信用代码")
    if len(code) != 18:
        raise field_error("credit_code", "length", "统一社会信用代码应为 18 位")
    if not is_valid_uscc(code):
        raise field_error("credit_code", "checksum", "统一社会信用代码校验不通过，请核对后重新填写")
    legal_representative = _clean_text(
        legal_representative, field="legal_representative", label="法定代表人", min_len=2, max_len=32
    )
    registered_address = _clean_text(
        registered_address, field="registered_address", label="注册地址", min_len=4, max_len=200
    )
    if is_long_term:
        valid_until = None
    elif valid_until is None:
        raise field_error("valid_until", "required", "请填写营业期限，或选择长期有效")
    elif valid_until <= timezone.localdate():
        raise field_error("valid_until", "future", "营业执照已过期，请上传有效的营业执照")
    files = _files(user=user, ids=file_ids, purposes=[FilePurpose.LICENCE], field="file_ids", required=True)
    _refuse_second_pending(user=user, kind=QualificationKind.BUSINESS_LICENCE)
    now = timezone.now()
    qualification = Qualification.objects.create(
        user=user,
        kind=QualificationKind.BUSINESS_LICENCE,
        company_name=company_name,
        credit_code=code,
        legal_representative=legal_representative,
        registered_address=registered_address,
        valid_until=valid_until,
        is_long_term=is_long_term,
        review_due_at=review_due_at(now),
    )
    qualification.files.set(files)
    audit.record(actor=user, action="qualification.submit", target=qualification, data={"kind": qualification.kind})
    return qualification


@transaction.atomic
def submit_personal_id(
    *, user: User, real_name: str, id_number: str, certificate_file_ids: Sequence[UUID | str]
) -> Qualification:
    """A worker's real-name certification, with optional skill certificates."""
    if user.account_type != AccountType.WORKER:
        raise PermissionDenied("仅临时工人账号进行实名认证", code="wrong_account_type")
    real_name = _clean_text(real_name, field="real_name", label="真实姓名", min_len=2, max_len=32)
    number = normalise_code(id_number)
    if not number:
        raise field_error("id_number", "required", "请填写身份证号")
    if len(number) != 18:
        raise field_error("id_number", "length", "身份证号应为 18 位")
    today = timezone.localdate()
    if not is_valid_id_number(number, today=today):
        raise field_error("id_number", "checksum", "身份证号校验不通过，请核对后重新填写")
    born = id_birth_date(number)
    assert born is not None  # is_valid_id_number checked it
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < MIN_WORKER_AGE:
        raise field_error("id_number", "min_age", "未满 16 周岁不能注册为临时工人")
    files = _files(
        user=user,
        ids=certificate_file_ids,
        purposes=[FilePurpose.ID_DOCUMENT, FilePurpose.CERTIFICATE],
        field="certificate_file_ids",
        required=False,
    )
    _refuse_second_pending(user=user, kind=QualificationKind.PERSONAL_ID)
    qualification = Qualification.objects.create(
        user=user,
        kind=QualificationKind.PERSONAL_ID,
        real_name=real_name,
        id_number=number,
        review_due_at=review_due_at(timezone.now()),
    )
    qualification.files.set(files)
    audit.record(actor=user, action="qualification.submit", target=qualification, data={"kind": qualification.kind})
    return qualification


def _lock_pending(qualification: Qualification) -> Qualification:
    """The row, locked; a second reviewer acting on the same item waits here, then finds it decided."""
    locked = Qualification.objects.select_for_update().select_related("user").get(pk=qualification.pk)
    if locked.status != QualificationStatus.PENDING:
        raise Conflict(
            "already_reviewed",
            f"该资质已被处理（{locked.get_status_display()}），请刷新后查看",
            detail={"status": locked.status},
        )
    return locked


def _sync_factory_verification(user: User, *, verified_at: datetime | None) -> None:
    factory_licence_changed.send(sender=Qualification, user=user, verified_at=verified_at)


@transaction.atomic
def approve(*, qualification: Qualification, reviewer: User) -> Qualification:
    require_console_permission(reviewer, ConsolePermission.REVIEW_QUALIFICATIONS)
    locked = _lock_pending(qualification)
    is_appeal = refuse_own_appeal(reviewer=reviewer, qualification=locked)
    now = timezone.now()
    locked.status = QualificationStatus.APPROVED
    locked.reviewer = reviewer
    locked.reviewed_at = now
    locked.reject_reason = ""
    locked.save(update_fields=["status", "reviewer", "reviewed_at", "reject_reason"])
    if locked.kind == QualificationKind.BUSINESS_LICENCE:
        # The licence's company name is what others see from now on, with the badge (issue #15 item 4).
        set_verified_name(user=locked.user, name=locked.company_name)
    if locked.kind == QualificationKind.BUSINESS_LICENCE and locked.user.account_type == AccountType.FACTORY:
        _sync_factory_verification(locked.user, verified_at=now)
    audit.record(actor=reviewer, action="qualification.approve", target=locked, data={"kind": locked.kind})
    title = "资质申诉已通过" if is_appeal else f"{locked.get_kind_display()}审核通过"
    notify(
        recipient=locked.user,
        kind=NotificationKind.QUALIFICATION,
        title=title,
        body="你的资质认证已通过审核，现在可以发布信息了。"
        if locked.kind == QualificationKind.BUSINESS_LICENCE
        else "你的实名认证已通过审核。",
        link=QUALIFICATION_LINK,
        target=locked,
        wechat_purpose="review_result",
        wechat_data={"thing1": locked.get_kind_display(), "phrase2": "审核通过", "thing3": "可以发布信息了"},
    )
    return locked


@transaction.atomic
def reject(*, qualification: Qualification, reviewer: User, reason: str) -> Qualification:
    require_console_permission(reviewer, ConsolePermission.REVIEW_QUALIFICATIONS)
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "required", "驳回时请填写原因，原因会发送给用户")
    if len(reason) > 500:
        raise field_error("reason", "length", "驳回原因最多 500 字")
    locked = _lock_pending(qualification)
    is_appeal = refuse_own_appeal(reviewer=reviewer, qualification=locked)
    locked.status = QualificationStatus.REJECTED
    locked.reviewer = reviewer
    locked.reviewed_at = timezone.now()
    locked.reject_reason = reason
    locked.save(update_fields=["status", "reviewer", "reviewed_at", "reject_reason"])
    audit.record(
        actor=reviewer, action="qualification.reject", target=locked, reason=reason, data={"kind": locked.kind}
    )
    notify(
        recipient=locked.user,
        kind=NotificationKind.QUALIFICATION,
        title="资质申诉未通过" if is_appeal else f"{locked.get_kind_display()}未通过审核",
        body=f"驳回原因：{reason}。请修改后重新提交。",
        link=QUALIFICATION_LINK,
        target=locked,
        wechat_purpose="review_result",
        wechat_data={"thing1": locked.get_kind_display(), "phrase2": "未通过", "thing3": reason[:20]},
    )
    return locked


def _reminder_threshold(days_left: int) -> int | None:
    """The tightest reminder step reached: a missed daily run still sends the step it skipped past."""
    reached = [d for d in REMINDER_DAYS if days_left <= d]
    return min(reached) if reached else None


@transaction.atomic
def send_expiry_reminders(*, today: date | None = None) -> dict[str, int]:
    """Reminds owners 30, 7 and 1 days before a licence expires and expires the overdue ones.

    Idempotent: reminders carry a dedupe key per qualification and step, expiry is a status change.
    """
    today = today or timezone.localdate()
    reminded = expired = 0
    approved = Qualification.objects.select_related("user").filter(
        status=QualificationStatus.APPROVED, is_long_term=False, valid_until__isnull=False
    )
    # A licence already replaced by a newer approved one needs no reminder.
    newer = Qualification.objects.filter(
        user=OuterRef("user"),
        kind=OuterRef("kind"),
        status=QualificationStatus.APPROVED,
        reviewed_at__gt=OuterRef("reviewed_at"),
    )
    for qualification in approved.filter(
        valid_until__gte=today, valid_until__lte=today + timedelta(days=max(REMINDER_DAYS))
    ).exclude(Exists(newer)):
        assert qualification.valid_until is not None
        days_left = (qualification.valid_until - today).days
        step = _reminder_threshold(days_left)
        if step is None:
            continue
        sent = notify(
            recipient=qualification.user,
            kind=NotificationKind.QUALIFICATION,
            title=f"{qualification.get_kind_display()}即将到期",
            body=f"你的营业执照将于 {qualification.valid_until:%Y年%m月%d日} 到期（剩余 {days_left} 天），"
            "到期后将无法发布信息，请及时重新提交资质认证。",
            link=QUALIFICATION_LINK,
            target=qualification,
            dedupe_key=f"qual-expiry-{qualification.pk}-{step}",
            wechat_purpose="review_result",
            wechat_data={"thing1": "营业执照即将到期", "phrase2": f"剩余{days_left}天", "thing3": "请重新提交认证"},
        )
        reminded += sent is not None
    for qualification in Qualification.objects.select_for_update().filter(
        pk__in=approved.filter(valid_until__lt=today).values("pk")
    ):
        qualification.status = QualificationStatus.EXPIRED
        qualification.save(update_fields=["status"])
        expired += 1
        owner = qualification.user
        audit.record(actor=None, action="qualification.expire", target=qualification)
        still_valid = current_licence(owner)
        set_verified_name(user=owner, name=still_valid.company_name if still_valid else "")
        if owner.account_type == AccountType.FACTORY:
            _sync_factory_verification(owner, verified_at=still_valid.reviewed_at if still_valid else None)
        if still_valid is not None:
            continue  # a newer licence keeps the account publishing; nothing to tell the user
        notify(
            recipient=owner,
            kind=NotificationKind.QUALIFICATION,
            title=f"{qualification.get_kind_display()}已过期",
            body="你的营业执照已过有效期，发布权限已暂停。请上传新的营业执照重新认证。",
            link=QUALIFICATION_LINK,
            target=qualification,
            dedupe_key=f"qual-expired-{qualification.pk}",
            wechat_purpose="review_result",
            wechat_data={"thing1": "营业执照已过期", "phrase2": "已过期", "thing3": "请重新提交认证"},
        )
    return {"reminded": reminded, "expired": expired}
