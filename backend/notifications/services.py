"""In-app notifications, mirrored to a WeChat subscription message when the user granted one."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import AccountStatus, AccountStatusChange, User
from common.errors import field_error
from common.tasks import enqueue
from notifications.models import Notification, NotificationKind, SubscriptionGrant
from wechat.client import ERR_USER_REFUSED, WeChatError, get_client

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
    once per grant the user gave, from a worker after the transaction commits (``notifications.tasks``).
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
        # The push leaves the request: a worker sends it after commit, retrying while WeChat is down.
        enqueue(
            "notifications.send_subscription_message",
            key=f"notifications.push:{notification.pk}",
            target=notification,
            user_id=recipient.pk,
            purpose=wechat_purpose,
            data=wechat_data or {"thing1": title},
            page=link,
        )
    return notification


def spend_grant(*, user_id: int, purpose: str) -> bool:
    """Takes one of the user's grants for ``purpose``; False when none is left (nothing may be sent)."""
    # The conditional decrement is the lock: two notifications racing for the last grant cannot both send.
    with transaction.atomic():
        spent = SubscriptionGrant.objects.filter(user_id=user_id, purpose=purpose, remaining__gt=0).update(
            remaining=F("remaining") - 1
        )
    return bool(spent)


def deliver_subscription_message(*, user_id: int, purpose: str, data: dict[str, str], page: str = "") -> bool:
    """Sends one message whose grant was already spent; False when WeChat says the user refused
    (43101: switched messages off). Other WeChat errors (outage, 45009 rate limit) raise, to be retried."""
    openid = User.objects.filter(pk=user_id).values_list("wechat_openid", flat=True).first()
    template_id = settings.WECHAT_SUBSCRIBE_TEMPLATES.get(purpose)
    if not openid or not template_id:
        return False
    try:
        get_client().send_subscribe_message(openid=openid, template_id=template_id, data=data, page=page)
    except WeChatError as exc:
        if exc.errcode == ERR_USER_REFUSED:
            logger.info("subscription message %s to user %s refused by WeChat", purpose, user_id)
            return False
        raise
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
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


STATUS_TITLES = {
    AccountStatus.RESTRICTED: "账号已被限制发布",
    AccountStatus.DISABLED: "账号已被禁用",
    AccountStatus.NORMAL: "账号已恢复正常",
}


def notify_account_status(*, change_id: int) -> Notification | None:
    """Tells the account of one status change (issue #14 item 5): what, why and until when, in-app and
    by the ``account_status`` subscription message. Once per change (dedupe key)."""
    change = AccountStatusChange.objects.select_related("user").filter(pk=change_id).first()
    if change is None:
        return None
    title = STATUS_TITLES[AccountStatus(change.to_status)]
    until = f"{timezone.localtime(change.until):%Y-%m-%d %H:%M}" if change.until else ""
    if change.to_status == AccountStatus.NORMAL:
        body = f"原因：{change.reason}。您可以正常使用全部功能。"
    else:
        body = f"原因：{change.reason}。" + (f"截止时间：{until}，到期自动恢复。" if until else "无截止时间。")
        body += "如有异议请联系平台客服。"
    return notify(
        recipient=change.user,
        kind=NotificationKind.ACCOUNT,
        title=title,
        body=body,
        link="/pages/me/index",
        dedupe_key=f"account.status:{change.pk}",
        wechat_purpose="account_status",
        wechat_data={"thing1": title[:20], "thing2": change.reason[:20], "thing3": (until or "长期")[:20]},
    )
