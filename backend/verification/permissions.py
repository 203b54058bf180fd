"""The publishing rule for ``@require(...)`` (``common.permissions``), from the one policy (``verification.policy``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from common.permissions import SignedIn
from verification.policy import publish_refusal

if TYPE_CHECKING:
    from accounts.models import User


class CanPublish:
    """Approved, unexpired qualification and an account that is not restricted (verification.policy)."""

    def check(self, user: User | None) -> None:
        SignedIn().check(user)
        assert user is not None
        refusal = publish_refusal(user)
        if refusal is not None:
            raise refusal
