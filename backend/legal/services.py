"""Recording which versions of the legal documents a user accepted (issue #16 item 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from accounts import services as account_services
from common.errors import Conflict, field_error
from legal import documents
from legal.models import Consent, DocumentKind

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def record_consent(*, user: User, accepted: list[tuple[str, str]]) -> None:
    """Stores one acceptance per (kind, version). Only the version in force can be accepted: a client that
    showed an older text is told to show the new one (409 ``legal_version_outdated``)."""
    if not accepted:
        raise field_error("documents", "missing", "请选择要同意的文件")
    for kind, version in accepted:
        if kind not in DocumentKind.values:
            raise field_error("documents", "enum", "没有这份文件")
        in_force = documents.current(kind)
        if version != in_force.version:
            raise Conflict(
                "legal_version_outdated",
                f"《{in_force.title}》已更新，请阅读新版本后再同意",
                detail={"kind": kind, "current_version": in_force.version},
            )
    for kind, version in accepted:
        Consent.objects.get_or_create(user=user, kind=kind, version=version)
    if any(kind == DocumentKind.PRIVACY_POLICY for kind, _ in accepted):
        account_services.consent_privacy(user=user)
