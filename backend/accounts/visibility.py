"""Who may be seen: the one account rule every public object builds on (R-OPS-2, R-PLUS-2).

An account is *visible* when it is active (``is_active``), not cancelled (注销, ``deleted_at``) and not disabled — a
disablement whose end time has passed no longer counts. A post or factory of an invisible account is
gone everywhere (``listings.visibility``, ``factories.visibility``); where the account itself appears
to someone who keeps a relation to it (a chat, an application, a notification), ``card_state`` says
to show it as 已注销 / 已停用 instead of its live name and avatar.

``visible_account_q(prefix=...)`` filters any queryset reaching an account through ``prefix``
(e.g. ``"owner__"``); ``is_account_visible(user)`` is the same rule evaluated on one loaded user.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from accounts.models import AccountStatus
from common.visibility import matches

CANCELLED_LABEL = "已注销用户"  # as the cancellation eraser names the account
DISABLED_LABEL = "已停用用户"


def disabled_account_q(*, prefix: str = "") -> Q:
    """Disabled now: inactive, or status 禁用 with no end time or one still in the future."""
    return Q(**{f"{prefix}is_active": False}) | (
        Q(**{f"{prefix}status": AccountStatus.DISABLED})
        & (Q(**{f"{prefix}status_until__isnull": True}) | Q(**{f"{prefix}status_until__gt": timezone.now()}))
    )


def cancelled_account_q(*, prefix: str = "") -> Q:
    """Cancelled (注销) by its holder."""
    return Q(**{f"{prefix}deleted_at__isnull": False})


def visible_account_q(*, prefix: str = "") -> Q:
    return ~cancelled_account_q(prefix=prefix) & ~disabled_account_q(prefix=prefix)


def is_account_visible(user: Any) -> bool:
    return user is not None and matches(visible_account_q(), user)


# "Hidden until" for an account nothing but a person can show again (cancelled, inactive, disabled for good).
HIDDEN_FOREVER = datetime(9999, 12, 31, tzinfo=UTC)


def hidden_until(user: Any) -> datetime | None:
    """The rule above, as a moment a copy can carry (the search documents, issue #13): ``None`` while the
    account is visible; when it is not, the end of the disablement if that end alone will show it again,
    else ``HIDDEN_FOREVER``. So "visible now" reads ``hidden_until is None or hidden_until <= now``."""
    if is_account_visible(user):
        return None
    until = getattr(user, "status_until", None)
    if until is not None and user.is_active and not matches(cancelled_account_q(), user):
        return until  # disabled until then, and nothing else hides it
    return HIDDEN_FOREVER


def card_state(user: Any) -> str:
    """``"active"``, ``"cancelled"`` or ``"disabled"``: how the account's public face is shown."""
    if user is None or matches(cancelled_account_q(), user):
        return "cancelled"
    if matches(disabled_account_q(), user):
        return "disabled"
    return "active"


def card_label(user: Any) -> str:
    """What stands in for an invisible account's name: 已注销 / 已停用; '' for a visible one."""
    return {"cancelled": CANCELLED_LABEL, "disabled": DISABLED_LABEL}.get(card_state(user), "")
