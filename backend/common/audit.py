from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from common.models import AuditEntry

if TYPE_CHECKING:
    from accounts.models import User


def record(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        reason=reason,
        data=data or {},
        ip_address=ip_address,
    )
