"""What factories hooks into the lower layers (connected in ``FactoriesConfig.ready``; docs/architecture.md,
Cross-app hooks): a factory's verified badge follows its business licence."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from factories.models import FactoryProfile
from verification.models import Qualification
from verification.signals import factory_licence_changed

if TYPE_CHECKING:
    from accounts.models import User


def _licence_changed(sender: Any, *, user: User, verified_at: datetime | None, **kwargs: Any) -> None:
    FactoryProfile.objects.filter(owner=user).update(is_verified=verified_at is not None, verified_at=verified_at)


def connect() -> None:
    factory_licence_changed.connect(_licence_changed, sender=Qualification, dispatch_uid="factories.licence_badge")
