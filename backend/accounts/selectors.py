from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import AccountStatusChange, DataExport, DataExportStatus, User
from common import crypto
from common.errors import Conflict, NotFound


def user_by_phone(phone: str) -> User | None:
    return User.objects.filter(phone_index=crypto.blind_index(phone, context="user.phone")).first()


def status_history(user: User) -> QuerySet[AccountStatusChange]:
    return user.status_changes.select_related("operator").all()


def data_export_for(*, user: User, export_id: int, ready: bool = False) -> DataExport:
    """The user's own export (others' answer 404); ``ready`` asks for a built archive (409 until then)."""
    export = DataExport.objects.filter(pk=export_id, user=user).first()
    if export is None:
        raise NotFound("导出记录不存在或已过期")
    if ready and export.status != DataExportStatus.READY:
        raise Conflict(
            "export_not_ready",
            "导出失败，请重新申请" if export.status == DataExportStatus.FAILED else "数据仍在生成中，请稍后再试",
            detail={"status": export.status},
        )
    return export
