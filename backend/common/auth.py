"""Bearer-token authentication for the API.

A token is checked on every request against its account, so revoking it (logout) or disabling the
account takes effect on the very next request.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest
from ninja.security import HttpBearer

from common.errors import NotAuthenticated

if TYPE_CHECKING:
    from accounts.models import User


# Hook (docs/architecture.md, Cross-app hooks): accounts fills it in its AppConfig.ready with the
# lookup of an unrevoked, unexpired token's account, so common needs no import of accounts.
TokenLookup = Callable[[str], "User | None"]
_token_lookup: TokenLookup | None = None


def register_token_lookup(lookup: TokenLookup) -> None:
    global _token_lookup
    _token_lookup = lookup


def user_for_token(key: str) -> User | None:
    """The signed-in account of a bearer token, or None (raises 401 ``account_disabled`` for a disabled one)."""
    assert _token_lookup is not None, "accounts registers the token lookup in its AppConfig.ready"
    return _token_lookup(key)


class BearerAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            raise NotAuthenticated("登录已失效，请重新登录", code="token_invalid")
        request.user = user
        return user


class OptionalBearerAuth(BearerAuth):
    """For pages anyone may read, which show more (favourite state, unmasked own data) when signed in."""

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization", "")
        if not header:
            return AnonymousMarker
        return super().__call__(request)


class _Anonymous:
    is_authenticated = False
    pk = None
    id = None

    def __bool__(self) -> bool:  # ninja treats a falsy result as "not authenticated"
        return True


AnonymousMarker = _Anonymous()

bearer = BearerAuth()
optional_bearer = OptionalBearerAuth()


def signed_in_user(request: HttpRequest) -> User:
    """The account of an endpoint declared with ``auth=bearer`` (Ninja has already checked the token)."""
    user = getattr(request, "auth", None)
    if user is None or user is AnonymousMarker:
        raise NotAuthenticated()
    return cast("User", user)


def bearer_key(request: HttpRequest) -> str:
    """The bearer token the request came with, as ``bearer`` read it (``Authorization: Bearer <key>``)."""
    scheme, *rest = request.headers.get("Authorization", "").split(" ")
    return " ".join(rest) if scheme.lower() == "bearer" else ""


def current_user(request: HttpRequest) -> User | None:
    """The signed-in account, or None for an anonymous reader."""
    auth = getattr(request, "auth", None)
    if auth is None or auth is AnonymousMarker:
        return None
    return cast("User", auth)
