"""What factories hooks into the lower layers (connected in ``FactoriesConfig.ready``; docs/architecture.md,
Cross-app hooks): a factory's verified badge follows its business licence; a factory account that gave
no company name is named after its factory page (``accounts.identity``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist

from accounts.identity import register_organisation_fallback
from factories.models import FactoryProfile
from verification.models import Qualification
from verification.signals import factory_licence_changed

if TYPE_CHECKING:
    from accounts.models import User


def _licence_changed(sender: Any, *, user: User, verified_at: datetime | None, **kwargs: Any) -> None:
    FactoryProfile.objects.filter(owner=user).update(is_verified=verified_at is not None, verified_at=verified_at)


def _factory_name(user: Any) -> str:
    """The factory page's name of a factory account (a ``select_related`` reverse one-to-one), else ''."""
    if getattr(user, "account_type", "") != "factory":
        return ""
    try:
        return str(user.factory.name or "")
    except ObjectDoesNotExist:
        return ""


def connect() -> None:
    register_organisation_fallback(_factory_name)
    factory_licence_changed.connect(_licence_changed, sender=Qualification, dispatch_uid="factories.licence_badge")
