"""What a console operator may do, as one enum of Django permission codenames (R-ROLE-4).

Every operator service calls ``require_console_permission(operator, ConsolePermission.X)`` before it
writes, so a service refuses an operator whose role lacks the permission whichever page or endpoint
called it. The roles (审核员, 客服, 运营管理员) grant these codenames through ``accounts.roles``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from common.errors import PermissionDenied

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


class ConsolePermission(StrEnum):
    label: str

    def __new__(cls, codename: str, label: str) -> ConsolePermission:
        member = str.__new__(cls, codename)
        member._value_ = codename
        member.label = label
        return member

    REVIEW_POSTS = ("listings.change_post", "审核信息")
    REVIEW_CHAT = ("messaging.change_heldmessage", "审核被拦下的聊天消息")
    REVIEW_QUALIFICATIONS = ("verification.change_qualification", "审核资质")
    HANDLE_COMPLAINTS = ("support.change_complaint", "处理投诉")
    REPLY_FEEDBACK = ("support.change_feedback", "回复意见反馈")
    MANAGE_USERS = ("accounts.change_user", "管理用户账号（限制、禁用、恢复）")
    MANAGE_KEYWORDS = ("moderation.change_bannedkeyword", "管理敏感词")
    VIEW_CONVERSATION_FOR_COMPLAINT = ("messaging.view_conversation_for_complaint", "处理投诉时查看会话")
    VIEW_PRIVATE_FILES = ("uploads.view_private_files", "查看私有文件")
    EXPORT_DASHBOARD = ("dashboard.view_dailymetric", "查看和导出运营数据")
    MANAGE_RECRUITMENT_LICENCE = ("listings.add_recruitmentlicence", "管理人力资源服务许可证")
    RETRY_EFFECTS = ("common.change_effect", "重试失败的后台任务")


def has_console_permission(user: User | AnonymousUser | None, perm: ConsolePermission) -> bool:
    """An active console account (is_staff) whose roles grant ``perm``."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and user.is_staff
        and user.has_perm(perm.value)
    )


def require_console_permission(user: User, perm: ConsolePermission) -> None:
    """Raises ``PermissionDenied`` (403, ``permission_denied``) naming the missing permission."""
    if not has_console_permission(user, perm):
        raise PermissionDenied(
            f"没有「{perm.label}」权限，请联系运营管理员分配相应角色",
            code="permission_denied",
            detail={"permission": perm.value},
        )
