"""Builders for accounts in tests. Each returns real rows, signed in through a real token."""

from __future__ import annotations

import itertools
from typing import Any

from accounts.models import AccountType, User
from accounts.services import issue_token, set_phone
from common.testing import ApiClient

_seq = itertools.count(1)


def make_user(*, account_type: str = "", phone: str | None = None, **extra: Any) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        username=extra.pop("username", f"test_{account_type or 'user'}_{n}"),
        display_name=extra.pop("display_name", f"测试用户{n}"),
        account_type=account_type,
        **extra,
    )
    if phone:
        set_phone(user=user, phone=phone)
    return user


def make_staff(*, groups: tuple[str, ...] = (), superuser: bool = False, password: str = "review-pass-123") -> User:
    from django.contrib.auth.models import Group

    n = next(_seq)
    user = User.objects.create_user(
        username=f"operator{n}", password=password, is_staff=True, is_superuser=superuser, display_name=f"运营{n}"
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def signed_in_client(user: User | None = None, *, account_type: str = AccountType.TRADE, ip: str = "10.0.0.2") -> Any:
    """An ApiClient holding a fresh token for ``user`` (created if not given); ``.user`` is the account."""
    user = user or make_user(account_type=account_type)
    client = ApiClient(token=issue_token(user=user), ip=ip)
    client.user = user  # type: ignore[attr-defined]
    return client
