"""Builders for notifications in tests."""

from __future__ import annotations

import itertools
from typing import Any

from notifications.models import Notification, NotificationKind
from notifications.services import notify

_seq = itertools.count(1)


def make_notification(*, recipient: Any, kind: str = NotificationKind.SYSTEM, **extra: Any) -> Notification:
    n = next(_seq)
    notification = notify(
        recipient=recipient,
        kind=kind,
        title=extra.pop("title", f"测试通知{n}"),
        body=extra.pop("body", "通知内容"),
        **extra,
    )
    assert notification is not None
    return notification
