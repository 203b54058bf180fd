"""Account-type rules for ``@require(...)`` (``common.permissions``): the account is one of the given types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accounts.models import AccountType
from common.errors import PermissionDenied
from common.permissions import SignedIn

if TYPE_CHECKING:
    from accounts.models import User


class AccountTypeIn:
    """The account is one of the given types (外贸公司 / 工厂 / 临时工人)."""

    def __init__(self, *types: AccountType) -> None:
        self.types = types

    def check(self, user: User | None) -> None:
        SignedIn().check(user)
        assert user is not None
        if user.account_type not in self.types:
            names = "、".join(t.label for t in self.types)
            raise PermissionDenied(f"仅{names}账号可以使用此功能", code="wrong_account_type")


TRADE_ONLY = AccountTypeIn(AccountType.TRADE)
FACTORY_ONLY = AccountTypeIn(AccountType.FACTORY)
WORKER_ONLY = AccountTypeIn(AccountType.WORKER)
ORGANISATION = AccountTypeIn(AccountType.TRADE, AccountType.FACTORY)
