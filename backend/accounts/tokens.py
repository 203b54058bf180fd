"""Bearer-token look-up, registered as ``common.auth``'s token lookup in ``AccountsConfig.ready``.

A token is checked on every request against its account, so revoking it (logout) or disabling the
account takes effect on the very next request.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.models import ActiveDay, AuthToken, User
from common.errors import AppError


def user_for_token(key: str) -> User | None:
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
    return user


def _note_activity(user: User) -> None:
    """Records the first request of each local day; later requests that day cost no write."""
    now = timezone.now()
    today = timezone.localdate(now)
    if user.last_active_at is not None and timezone.localdate(user.last_active_at) == today:
        return
    User.objects.filter(pk=user.pk).update(last_active_at=now)
    user.last_active_at = now
    ActiveDay.objects.get_or_create(user=user, day=today, defaults={"account_type": user.account_type})
