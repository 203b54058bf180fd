"""In-app notifications, mirrored to a WeChat subscription message when the user granted one."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F

from accounts.models import User
from common.errors import field_error
from notifications.models import Notification, SubscriptionGrant
from wechat.client import ERR_USER_REFUSED, WeChatError, get_client

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)


def notify(
    *,
    recipient: User,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    target: models.Model | None = None,
    dedupe_key: str | None = None,
    wechat_purpose: str | None = None,
    wechat_data: dict[str, str] | None = None,
) -> Notification | None:
    """Creates one in-app notification; returns None when ``dedupe_key`` was already notified.

    ``wechat_purpose`` (a key of ``WECHAT_SUBSCRIBE_TEMPLATES``) also sends a subscription message,
    once per grant the user gave, after the transaction commits.
    """
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                title=title[:100],
                body=body,
                link=link,
                target_type=target._meta.label_lower if target is not None else "",
                target_id=str(target.pk) if target is not None else "",
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if wechat_purpose and recipient.wechat_openid:
        transaction.on_commit(
            lambda: send_subscription_message(
                user_id=recipient.pk, purpose=wechat_purpose, data=wechat_data or {"thing1": title}, page=link
            )
        )
    return notification


def send_subscription_message(*, user_id: int, purpose: str, data: dict[str, str], page: str = "") -> bool:
    """Spends one grant and sends; WeChat allows one message per subscription the user accepted."""
    openid = User.objects.filter(pk=user_id).values_list("wechat_openid", flat=True).first()
    template_id = settings.WECHAT_SUBSCRIBE_TEMPLATES.get(purpose)
    if not openid or not template_id:
        return False
    grants = SubscriptionGrant.objects.filter(user_id=user_id, purpose=purpose)
    # The conditional decrement is the lock: two notifications racing for the last grant cannot both send.
    with transaction.atomic():
        spent = grants.filter(remaining__gt=0).update(remaining=F("remaining") - 1)
    if not spent:
        return False
    try:
        get_client().send_subscribe_message(openid=openid, template_id=template_id, data=data, page=page)
    except WeChatError as exc:
        # The in-app notification already exists; the push is best effort and never retried here.
        logger.warning("subscription message %s to user %s failed: %s", purpose, user_id, exc.errcode)
        if exc.errcode != ERR_USER_REFUSED:
            # WeChat did not take the grant (outage, rate limit), so the user still holds it.
            grants.update(remaining=F("remaining") + 1)
        return False
    return True


@transaction.atomic
def record_subscription_grants(*, user: User, purposes: list[str]) -> None:
    """The user tapped "allow" for these purposes in wx.requestSubscribeMessage: one send each."""
    unknown = [p for p in purposes if p not in settings.WECHAT_SUBSCRIBE_TEMPLATES]
    if unknown:
        raise field_error("purposes", "unknown_purpose", f"未知的订阅消息类型：{'、'.join(unknown)}")
    for purpose in dict.fromkeys(purposes):
        grant, _ = SubscriptionGrant.objects.get_or_create(user=user, purpose=purpose)
        SubscriptionGrant.objects.filter(pk=grant.pk).update(remaining=F("remaining") + 1)


@transaction.atomic
def mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    """Marks the given notifications (or all) of ``user`` read; others' ids are ignored."""
    from django.utils import timezone

    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
