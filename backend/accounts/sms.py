"""SMS senders. The setting ``SMS_SENDER`` names the class; production plugs in a provider's sender."""

from __future__ import annotations

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("accounts.sms")


class SmsSender(Protocol):
    def send_code(self, *, phone: str, code: str) -> None: ...


class LogSmsSender:
    """Embedded run only: writes the code to the server log so a developer can sign in."""

    def send_code(self, *, phone: str, code: str) -> None:
        logger.warning("【厂贸通】验证码 %s（发送至 %s，10 分钟内有效）", code, phone[:3] + "****" + phone[-4:])


class OutboxSmsSender:
    """Keeps sent codes in memory; tests read them as a phone's inbox would."""

    outbox: list[tuple[str, str]] = []

    def send_code(self, *, phone: str, code: str) -> None:
        OutboxSmsSender.outbox.append((phone, code))


def get_sender() -> SmsSender:
    sender: SmsSender = import_string(settings.SMS_SENDER)()
    return sender
