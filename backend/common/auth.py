"""Bearer-token authentication for the API.

A token is checked on every request against its account, so revoking it (logout) or disabling the
account takes effect on the very next request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from common.errors import AppError, NotAuthenticated

if TYPE_CHECKING:
    from accounts.models import User


def user_for_token(key: str) -> Any:
    from accounts.models import AuthToken

    token = (
        AuthToken.objects.select_related("user")
        .filter(key_hash=AuthToken.hash_key(key), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None:
        return None
    user = token.user
    if user.is_disabled or not user.is_active:
        raise AppError(
            "account_disabled", "账号已被禁用，请联系平台客服", status=401, detail={"reason": user.status_reason}
        )
    _note_activity(user)
    # Lets logout revoke exactly the token this request came with.
    setattr(user, "_auth_token", token)  # noqa: B010
    return user


def _note_activity(user: Any) -> None:
    """Records the first request of each local day; later requests that day cost no write."""
    from accounts.models import ActiveDay

    now = timezone.now()
    today = timezone.localdate(now)
    if user.last_active_at is not None and timezone.localdate(user.last_active_at) == today:
        return
    type(user).objects.filter(pk=user.pk).update(last_active_at=now)
    user.last_active_at = now
    ActiveDay.objects.get_or_create(user=user, day=today, defaults={"account_type": user.account_type})


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


def current_user(request: HttpRequest) -> Any:
    """The signed-in account, or None for an anonymous reader."""
    auth = getattr(request, "auth", None)
    if auth is None or auth is AnonymousMarker:
        return None
    return auth
