"""How an account is named to others: the one display-name rule (issue #15 item 4). Cards, chats,
connection and application records, complaints and the console all ask ``public_name(user)``.

- a disabled or cancelled account reads 已停用用户 / 已注销用户 (``accounts.visibility.card_label``);
- a trade company or factory reads the name on its approved business licence (``verified_name``, kept
  by verification on approval and expiry) and then ``verified`` is true, so clients show the badge;
- before that, the company name given at onboarding (``organisation_name``), else the name of its
  factory page (the ``register_organisation_fallback`` hook);
- a worker, or an organisation that gave no name, reads their chosen nickname; never a generated
  placeholder such as "用户7751" or "微信用户" when a better name is known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accounts.models import AccountType
from accounts.visibility import card_label

ORGANISATION_TYPES = (AccountType.TRADE, AccountType.FACTORY)
FALLBACK_NAME = "用户"

# Hook (docs/architecture.md, Cross-app hooks): a name an organisation has elsewhere, used when it gave
# none at onboarding (factories: its factory page's name), filled in the higher app's AppConfig.ready.
_organisation_fallbacks: list[Callable[[Any], str]] = []


def register_organisation_fallback(fn: Callable[[Any], str]) -> None:
    if fn not in _organisation_fallbacks:
        _organisation_fallbacks.append(fn)


def is_organisation(user: Any) -> bool:
    return getattr(user, "account_type", "") in ORGANISATION_TYPES


def is_verified(user: Any) -> bool:
    """A trade company or factory whose business licence is approved and current."""
    if user is None or not is_organisation(user) or card_label(user):
        return False
    return bool(getattr(user, "verified_name", ""))


def public_name(user: Any, *, fallback: str = FALLBACK_NAME) -> str:
    if user is None:
        return card_label(None)
    label = card_label(user)
    if label:
        return label
    if is_organisation(user):
        name = getattr(user, "verified_name", "") or getattr(user, "organisation_name", "")
        for fn in _organisation_fallbacks:
            name = name or fn(user)
        if name:
            return str(name)
    return str(getattr(user, "display_name", "") or fallback)


def identity(user: Any) -> dict[str, Any]:
    """The name and badge as one block for Out schemas."""
    return {"name": public_name(user), "verified": is_verified(user)}
