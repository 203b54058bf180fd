"""Sign-in, tokens and account status."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import archive, personal_data, sessions
from accounts.models import (
    AccountStatus,
    AccountStatusChange,
    AccountType,
    AuthToken,
    DataExport,
    DataExportStatus,
    SmsCode,
    User,
)
from accounts.selectors import user_by_phone
from common import audit, crypto, screening
from common.console_permissions import ConsolePermission, require_console_permission
from common.errors import AppError, Conflict, PermissionDenied, field_error
from common.ratelimits import RateLimited
from common.tasks import enqueue
from wechat.client import ERR_CODE_USED, ERR_INVALID_CODE, ERR_RATE_LIMITED, WeChatError, get_client

PHONE_RE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True)
class SignInResult:
    user: User
    token: str
    is_new: bool


def normalise_phone(phone: str) -> str:
    phone = re.sub(r"[\s-]", "", phone or "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if not PHONE_RE.match(phone):
        raise field_error("phone", "phone_format", "请输入正确的 11 位中国大陆手机号")
    return phone


def _phone_index(phone: str) -> str:
    return crypto.blind_index(phone, context="user.phone")


def _code_hash(phone: str, code: str) -> str:
    return crypto.blind_index(f"{phone}:{code}", context="sms.code")


def issue_token(*, user: User, client: str = "") -> str:
    key = secrets.token_urlsafe(32)
    AuthToken.objects.create(
        user=user,
        key_hash=AuthToken.hash_key(key),
        expires_at=timezone.now() + timedelta(days=settings.AUTH_TOKEN_TTL_DAYS),
        client=client,
    )
    return key


def _refuse_disabled(user: User) -> None:
    if user.is_disabled:
        raise AppError(
            "account_disabled", "账号已被禁用，请联系平台客服", status=403, detail={"reason": user.status_reason}
        )


@transaction.atomic
def request_sms_code(*, phone: str, ip_address: str | None) -> int:
    """Sends a 6-digit code. Returns seconds until another may be requested.

    One code per phone per ``SMS_CODE_MIN_INTERVAL_SECONDS`` (the ``resend_after`` promised with the last
    one, so it is counted here against the codes sent); the hourly caps per phone and per IP are the
    ``sms_send`` rate limit at the API edge.
    """
    phone = normalise_phone(phone)
    index = _phone_index(phone)
    now = timezone.now()
    recent = SmsCode.objects.select_for_update().filter(phone_index=index, created_at__gte=now - timedelta(hours=1))
    last = recent.order_by("-created_at").first()
    if last and (now - last.created_at).total_seconds() < settings.SMS_CODE_MIN_INTERVAL_SECONDS:
        wait = settings.SMS_CODE_MIN_INTERVAL_SECONDS - int((now - last.created_at).total_seconds())
        raise RateLimited(wait)
    code = f"{secrets.randbelow(1_000_000):06d}"
    sms = SmsCode.objects.create(
        phone_index=index,
        code_hash=_code_hash(phone, code),
        requested_ip=ip_address,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.SMS_CODE_TTL_SECONDS),
    )
    # Sent by a worker after commit, never while the phone's rows are locked; the phone and code travel
    # sealed (encrypted) and are erased from the effect once sent.
    enqueue("accounts.send_sms_code", key=f"accounts.sms:{sms.pk}", sealed={"phone": phone, "code": code})
    return settings.SMS_CODE_MIN_INTERVAL_SECONDS


def _consume_sms_code(*, phone: str, code: str) -> AppError | None:
    """Marks the code used when it matches; otherwise counts the failed attempt. The attempt count must
    be committed even though sign-in fails, so the error is returned rather than raised here."""
    index = _phone_index(phone)
    now = timezone.now()
    with transaction.atomic():
        sms = (
            SmsCode.objects.select_for_update()
            .filter(phone_index=index, used_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if sms is None or sms.expires_at <= now:
            return AppError("sms_code_expired", "验证码已失效，请重新获取", status=400)
        if sms.attempts >= settings.SMS_CODE_MAX_ATTEMPTS:
            return AppError("sms_code_locked", "验证码错误次数过多，请重新获取", status=400)
        if not secrets.compare_digest(sms.code_hash, _code_hash(phone, (code or "").strip())):
            sms.attempts += 1
            sms.save(update_fields=["attempts"])
            return AppError("sms_code_wrong", "验证码错误", status=400)
        sms.used_at = now
        sms.save(update_fields=["used_at"])
    return None


def sign_in_with_sms(*, phone: str, code: str, ip_address: str | None = None) -> SignInResult:
    phone = normalise_phone(phone)
    refusal = _consume_sms_code(phone=phone, code=code)
    if refusal is not None:
        raise refusal
    with transaction.atomic():
        user = user_by_phone(phone)
        is_new = user is None
        if user is None:
            user = User.objects.create_user(
                username=f"p_{secrets.token_hex(6)}",
                phone=phone,
                phone_index=_phone_index(phone),
                display_name=f"用户{phone[-4:]}",
            )
        _refuse_disabled(user)
        audit.record(actor=user, action="sign_in.sms", target=user, ip_address=ip_address)
        return SignInResult(user=user, token=issue_token(user=user, client="h5"), is_new=is_new)


@transaction.atomic
def sign_in_with_wechat(*, code: str, ip_address: str | None = None) -> SignInResult:
    if not code:
        raise field_error("code", "required", "缺少微信登录凭证 code")
    try:
        session = get_client().code_to_session(code)
    except WeChatError as exc:
        if exc.errcode in (ERR_INVALID_CODE, ERR_CODE_USED):
            raise AppError("wechat_code_invalid", "微信登录凭证无效或已使用，请重试", status=400) from exc
        if exc.errcode == ERR_RATE_LIMITED:
            raise AppError("wechat_busy", "微信登录请求过多，请稍后再试", status=503) from exc
        raise AppError(
            "wechat_unavailable", "微信服务暂时不可用，请稍后再试", status=503, detail={"errcode": exc.errcode}
        ) from exc
    user = User.objects.filter(wechat_openid=session.openid).first()
    is_new = user is None
    if user is None:
        user = User.objects.create_user(
            username=f"wx_{secrets.token_hex(6)}",
            wechat_openid=session.openid,
            wechat_unionid=session.unionid,
            display_name="微信用户",
        )
    _refuse_disabled(user)
    audit.record(actor=user, action="sign_in.wechat", target=user, ip_address=ip_address)
    return SignInResult(user=user, token=issue_token(user=user, client="mp-weixin"), is_new=is_new)


@transaction.atomic
def revoke_token(*, user: User, key: str) -> None:
    """Logout: the account's token with this key stops working on the next request, and the sockets
    signed in with it close now."""
    key_hash = AuthToken.hash_key(key)
    AuthToken.objects.filter(user=user, key_hash=key_hash, revoked_at__isnull=True).update(revoked_at=timezone.now())
    sessions.close_sockets(
        user_id=user.pk, code="token_invalid", message="登录已失效，请重新登录", token_hash=key_hash
    )


def _set_organisation_name(user: User, name: str) -> None:
    """The company name a trade company or factory gives (shown until its licence is approved)."""
    if user.account_type not in (AccountType.TRADE, AccountType.FACTORY):
        raise field_error("organisation_name", "not_allowed", "只有外贸公司和工厂需要填写企业名称")
    name = " ".join(name.split())
    if not 2 <= len(name) <= 100:
        raise field_error("organisation_name", "length", "企业名称长度应为 2–100 个字")
    if name != user.organisation_name:
        screening.screen(place="display_name", texts={"display_name": name}, author=user)
    user.organisation_name = name


@transaction.atomic
def choose_account_type(
    *, user: User, account_type: str, organisation_name: str | None = None, display_name: str | None = None
) -> User:
    """The type is chosen once, at registration; changing it later would orphan posts and reviews.
    Onboarding also names the account (issue #15 item 4): the company name of a trade company or
    factory, a worker's nickname."""
    if user.is_staff:
        raise PermissionDenied("后台工作人员账号不能选择 App 账号类型", code="staff_account")
    if account_type not in AccountType.values:
        raise field_error("account_type", "choice", "账号类型只能是外贸公司、工厂或临时工人")
    if user.account_type and user.account_type != account_type:
        raise AppError("account_type_fixed", "账号类型注册后不能更改", status=409)
    user.account_type = account_type
    if organisation_name is not None:
        _set_organisation_name(user, organisation_name)
    user.save(update_fields=["account_type", "organisation_name"])
    if display_name is not None:
        update_profile(user=user, display_name=display_name)
    return user


def set_verified_name(*, user: User, name: str) -> None:
    """Called by verification: the name on the account's current approved business licence, or '' when
    none is current any more (``accounts.identity`` shows it with the badge)."""
    name = (name or "").strip()[:100]
    if user.verified_name != name:
        user.verified_name = name
        user.save(update_fields=["verified_name"])


def name_organisation_if_unnamed(*, user: User, name: str) -> None:
    """A factory that onboarded before giving a company name is named after its profile."""
    if not user.organisation_name and name.strip():
        User.objects.filter(pk=user.pk, organisation_name="").update(organisation_name=name.strip()[:100])
        user.organisation_name = name.strip()[:100]


@transaction.atomic
def update_profile(
    *,
    user: User,
    display_name: str | None = None,
    avatar_url: str | None = None,
    organisation_name: str | None = None,
) -> User:
    if organisation_name is not None:
        _set_organisation_name(user, organisation_name)
    if display_name is not None:
        display_name = display_name.strip()
        if not 1 <= len(display_name) <= 32:
            raise field_error("display_name", "length", "昵称长度应为 1–32 个字")
        if display_name != user.display_name:
            screening.screen(place="display_name", texts={"display_name": display_name}, author=user)
        user.display_name = display_name
    if avatar_url is not None:
        avatar_url = avatar_url.strip()
        if avatar_url != user.avatar_url:
            # Only the user's own upload (purpose avatar); it goes to WeChat's image check.
            screening.screen(place="avatar", texts={"avatar_url": avatar_url}, author=user, target=user)
        user.avatar_url = avatar_url
    user.save()
    return user


@transaction.atomic
def consent_privacy(*, user: User) -> User:
    user.privacy_consented_at = timezone.now()
    user.save(update_fields=["privacy_consented_at"])
    return user


# Who may change an account's status: an admin, or support applying a complaint outcome.
STATUS_CHANGE_PERMISSIONS = (ConsolePermission.MANAGE_USERS, ConsolePermission.HANDLE_COMPLAINTS)


@transaction.atomic
def change_status(
    *,
    user: User,
    status: str,
    reason: str,
    operator: User,
    until: datetime | None = None,
    permission: ConsolePermission = ConsolePermission.MANAGE_USERS,
) -> User:
    """Restrict (no publishing), disable (no sign-in, posts hidden, tokens stop) or restore an account.
    An admin acts under ``MANAGE_USERS``; support applying a complaint outcome passes
    ``HANDLE_COMPLAINTS``."""
    if permission not in STATUS_CHANGE_PERMISSIONS:
        raise PermissionDenied("该权限不能用于修改账号状态", code="permission_denied")
    require_console_permission(operator, permission)
    if status not in AccountStatus.values:
        raise field_error("status", "choice", "账号状态只能是正常、限制发布或禁用")
    if not reason.strip():
        raise field_error("reason", "required", "请填写处理原因")
    if until is not None and until <= timezone.now():
        raise field_error("until", "future", "截止时间必须晚于当前时间")
    locked = User.objects.select_for_update().get(pk=user.pk)
    change = AccountStatusChange.objects.create(
        user=locked, from_status=locked.status, to_status=status, reason=reason, until=until, operator=operator
    )
    tell_status_change(change)
    locked.status = status
    locked.status_reason = reason
    locked.status_until = until if status != AccountStatus.NORMAL else None
    locked.save(update_fields=["status", "status_reason", "status_until"])
    if status == AccountStatus.DISABLED:
        sessions.close_sockets(user_id=locked.pk, code="account_disabled", message="账号已被禁用，请联系平台客服")
    audit.record(
        actor=operator,
        action=f"account.{status}",
        target=locked,
        reason=reason,
        data={"until": until.isoformat() if until else None},
    )
    return locked


def tell_status_change(change: AccountStatusChange) -> None:
    """The account is told of every restrict / disable / restore (issue #14 item 5): in-app and by a
    subscription message, from the effect ``notifications.account_status_changed`` after commit (named, so
    accounts does not import notifications)."""
    enqueue(
        "notifications.account_status_changed",
        key=f"accounts.status_change:{change.pk}",
        target=change,
        change_id=change.pk,
    )


@transaction.atomic
def lift_expired_statuses(*, now: datetime | None = None) -> int:
    """Restores accounts whose restriction or disablement has reached its end time. Idempotent."""
    now = now or timezone.now()
    count = 0
    for user in User.objects.select_for_update().filter(status_until__lte=now).exclude(status=AccountStatus.NORMAL):
        change = AccountStatusChange.objects.create(
            user=user, from_status=user.status, to_status=AccountStatus.NORMAL, reason="处理期限届满，自动恢复"
        )
        tell_status_change(change)
        user.status = AccountStatus.NORMAL
        user.status_reason = ""
        user.status_until = None
        user.save(update_fields=["status", "status_reason", "status_until"])
        count += 1
    return count


def set_phone(*, user: User, phone: str) -> None:
    """Stores a phone on the account (encrypted) and its blind index for sign-in."""
    phone = normalise_phone(phone)
    user.phone = phone
    user.phone_index = _phone_index(phone)
    user.save(update_fields=["phone", "phone_index"])


def _bind_phone(*, user: User, phone: str, source: str, ip_address: str | None) -> User:
    """Binds ``phone`` (normalised) to ``user``: encrypted like every phone, with its blind index, so the
    account can share it in chat and sign in by SMS. A number another account holds is refused (409)."""
    phone = normalise_phone(phone)
    holder = user_by_phone(phone)
    if holder is not None and holder.pk != user.pk:
        raise Conflict("phone_taken", "该手机号已绑定其他账号，请换一个号码或用该号码登录")
    try:
        with transaction.atomic():
            set_phone(user=user, phone=phone)
    except IntegrityError as exc:  # bound by another account at the same moment
        raise Conflict("phone_taken", "该手机号已绑定其他账号，请换一个号码或用该号码登录") from exc
    audit.record(actor=user, action=f"phone.bind.{source}", target=user, ip_address=ip_address)
    return user


@transaction.atomic
def bind_phone_with_wechat(*, user: User, code: str, ip_address: str | None = None) -> User:
    """The mini-program's phone-number button (issue #15 item 5): its one-time ``code`` is exchanged
    through WeChat's getuserphonenumber for the number the user chose to share."""
    if not code:
        raise field_error("code", "required", "缺少手机号授权凭证 code")
    try:
        info = get_client().get_user_phone_number(code)
    except WeChatError as exc:
        if exc.errcode == ERR_INVALID_CODE:
            raise AppError("wechat_code_invalid", "手机号授权已失效，请重新点击授权", status=400) from exc
        raise AppError(
            "wechat_unavailable", "微信服务暂时不可用，请稍后再试", status=503, detail={"errcode": exc.errcode}
        ) from exc
    if info.country_code != "86":
        raise field_error("code", "phone_region", "目前仅支持绑定中国大陆手机号")
    return _bind_phone(user=user, phone=info.pure_phone_number, source="wechat", ip_address=ip_address)


def bind_phone_with_sms(*, user: User, phone: str, code: str, ip_address: str | None = None) -> User:
    """H5 binding with the SMS code flow (``POST /api/auth/sms-codes`` first). Not one transaction: a wrong
    code's attempt count must be kept although the binding fails."""
    phone = normalise_phone(phone)
    holder = user_by_phone(phone)
    if holder is not None and holder.pk != user.pk:
        raise Conflict("phone_taken", "该手机号已绑定其他账号，请换一个号码或用该号码登录")
    refusal = _consume_sms_code(phone=phone, code=code)
    if refusal is not None:
        raise refusal
    with transaction.atomic():
        return _bind_phone(user=user, phone=phone, source="sms", ip_address=ip_address)


EXPORT_KEEP_DAYS = 7


@transaction.atomic
def request_data_export(*, user: User) -> DataExport:
    """Starts building the user's archive (R-PLUS-5) on a worker; an export still being built is
    returned instead of starting another."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one request at a time per user
    pending = DataExport.objects.filter(user=user, status=DataExportStatus.PENDING).first()
    if pending is not None:
        return pending
    export = DataExport.objects.create(user=user)
    enqueue("accounts.build_data_export", key=f"accounts.export:{export.pk}", target=export, export_id=export.pk)
    audit.record(actor=user, action="account.export", target=user)
    return export


def build_data_export(*, export_id: int) -> None:
    """The worker's half: everything the platform keeps about the user, as a zip they can read."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status != DataExportStatus.PENDING:
        return
    content = archive.build(export.user)
    DataExport.objects.filter(pk=export.pk, status=DataExportStatus.PENDING).update(
        status=DataExportStatus.READY,
        content=content,
        file_name=archive.file_name(export.user),
        finished_at=timezone.now(),
    )


def fail_data_export(*, export_id: int) -> None:
    DataExport.objects.filter(pk=export_id, status=DataExportStatus.PENDING).update(
        status=DataExportStatus.FAILED, finished_at=timezone.now()
    )


def prune_data_exports() -> int:
    """Scheduled: archives are kept EXPORT_KEEP_DAYS days, then deleted (the user can export again)."""
    cutoff = timezone.now() - timedelta(days=EXPORT_KEEP_DAYS)
    deleted, _ = DataExport.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@transaction.atomic
def cancel_account(*, user: User, confirmation: str) -> None:
    """注销: personal data is deleted or anonymised, tokens revoked, posts taken down by the erasers.

    The row stays (anonymised) so conversations and audit trails of the other party keep their shape.
    """
    if confirmation.strip() != "确认注销":
        raise field_error("confirmation", "confirm", "请输入“确认注销”以确认注销账号")
    for eraser in personal_data.erasers():
        eraser(user)
    user.refresh_from_db()
    user.deleted_at = timezone.now()
    user.is_active = False
    user.save(update_fields=["deleted_at", "is_active"])
    sessions.close_sockets(user_id=user.pk, code="account_cancelled", message="账号已注销")
    audit.record(actor=None, action="account.cancelled", target=user)
