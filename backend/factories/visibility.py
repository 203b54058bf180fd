"""Which factory pages anyone may see (R-APP-3, R-APP-5): verified, and the owner's account visible
(``accounts.visibility``). An unverified or hidden factory is seen by its owner only.

``visible_factory_q(prefix=...)`` filters any queryset reaching a factory through ``prefix``;
``is_factory_visible(profile)`` is the same rule on one loaded profile.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from accounts.visibility import visible_account_q
from common.visibility import matches
from factories.models import FactoryProfile


def visible_factory_q(*, prefix: str = "") -> Q:
    return Q(**{f"{prefix}is_verified": True}) & visible_account_q(prefix=f"{prefix}owner__")


def is_factory_visible(profile: Any) -> bool:
    return profile is not None and matches(visible_factory_q(), profile)


def can_view_factory(profile: Any, *, user: Any) -> bool:
    """The owner always sees their own factory; everyone else a visible one."""
    if profile is None:
        return False
    return (user is not None and profile.owner_id == getattr(user, "pk", None)) or is_factory_visible(profile)


def visible_factory_ids(ids: list[str], user: Any) -> set[str]:
    """Of ``ids``, the factories ``user`` may still open (visible, or their own)."""
    own = Q(owner_id=getattr(user, "pk", None))
    rows = FactoryProfile.objects.filter(visible_factory_q() | own, pk__in=ids).values_list("pk", flat=True)
    return {str(pk) for pk in rows}
