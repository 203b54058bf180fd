"""Declared permissions: an endpoint lists the rules it needs with ``@require(...)``.

Each rule raises a coded ``AppError`` with a Chinese message when it does not hold. Object-level checks
live in selectors (``get_..._for(user, id)``) which answer 404 for objects the user may not see.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from django.http import HttpRequest

from common.auth import current_user
from common.errors import NotAuthenticated, PermissionDenied

if TYPE_CHECKING:
    from accounts.models import User


class Rule(Protocol):
    def check(self, user: User | None) -> None: ...


class SignedIn:
    def check(self, user: User | None) -> None:
        if user is None:
            raise NotAuthenticated()


class HasChosenAccountType:
    def check(self, user: User | None) -> None:
        SignedIn().check(user)
        assert user is not None
        if not user.account_type:
            raise PermissionDenied("请先选择账号类型", code="account_type_required")


def require(*rules: Rule) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            user = current_user(request)
            for rule in rules:
                rule.check(user)
            return view(request, *args, **kwargs)

        # Ninja reads the signature to build the schema; resolve string annotations against the
        # view's own module, not this one.
        wrapper.__signature__ = inspect.signature(view, eval_str=True)  # type: ignore[attr-defined]
        return wrapper

    return decorator


