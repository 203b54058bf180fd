"""Background effects of accounts: sign-in codes by SMS, the personal-data archive."""

from __future__ import annotations

from accounts import services
from accounts.sms import get_sender
from common.tasks import effect


# A code lives 10 minutes: a few quick retries, then the user asks for another.
@effect("accounts.send_sms_code", max_attempts=3)
def send_sms_code(*, phone: str, code: str) -> None:
    get_sender().send_code(phone=phone, code=code)


@effect("accounts.build_data_export", max_attempts=3, on_failure=services.fail_data_export)
def build_data_export(*, export_id: int) -> None:
    services.build_data_export(export_id=export_id)
