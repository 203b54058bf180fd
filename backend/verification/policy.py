"""The one publishing policy (R-APP-4, R-OPS-2): ``can_publish(user)``.

A user may publish when the account is a trade company or factory, is neither restricted nor disabled,
holds an approved qualification that has not expired, and (factories) has completed onboarding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from accounts.models import AccountType
from common.errors import AppError, PermissionDenied
from verification.models import Qualification, QualificationKind, QualificationStatus

if TYPE_CHECKING:
    from accounts.models import User


def current_licence(user: User) -> Qualification | None:
    """The latest approved business licence, or None."""
    return (
        Qualification.objects.filter(
            user=user, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.APPROVED
        )
        .order_by("-reviewed_at")
        .first()
    )


def publish_refusal(user: User | None) -> AppError | None:
    """Why ``user`` may not publish, as the error to answer with; None when they may."""
    if user is None or not getattr(user, "is_authenticated", False):
        return AppError("not_authenticated", "请先登录", status=401)
    if user.is_disabled:
        return PermissionDenied("账号已被禁用，无法发布信息", code="account_disabled")
    if not user.account_type:
        return PermissionDenied("请先选择账号类型", code="account_type_required")
    if user.account_type == AccountType.WORKER:
        return PermissionDenied("临时工人账号不能发布信息", code="worker_cannot_publish")
    if user.is_restricted:
        until = user.status_until.isoformat() if user.status_until else None
        return PermissionDenied(
            f"账号已被限制发布：{user.status_reason}",
            code="account_restricted",
            detail={"reason": user.status_reason, "until": until},
        )
    licence = current_licence(user)
    if licence is None:
        if Qualification.objects.filter(
            user=user, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.PENDING
        ).exists():
            # Same code as "none submitted" (callers branch on it); the detail tells the client to wait.
            return PermissionDenied(
                "资质认证审核中，通过后即可发布信息", code="qualification_required", detail={"pending": True}
            )
        if Qualification.objects.filter(
            user=user, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.EXPIRED
        ).exists():
            return PermissionDenied("营业执照已过期，请重新提交资质认证", code="qualification_expired")
        return PermissionDenied("资质认证通过后才能发布信息，请先提交营业执照", code="qualification_required")
    if not licence.is_long_term and licence.valid_until and licence.valid_until < timezone.localdate():
        return PermissionDenied("营业执照已过期，请重新提交资质认证", code="qualification_expired")
    if user.account_type == AccountType.FACTORY and not hasattr(user, "factory"):
        return PermissionDenied("请先完成工厂入驻信息（行业、品类与属性标签）", code="factory_profile_required")
    return None


def can_publish(user: User) -> bool:
    return publish_refusal(user) is None
