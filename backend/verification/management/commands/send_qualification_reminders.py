"""Daily job (R-OPS-2): remind licence owners 30/7/1 days before expiry and expire overdue licences.

Safe to run any number of times a day: each reminder is sent once per licence and step.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from verification.services import send_expiry_reminders


class Command(BaseCommand):
    help = "资质到期提醒（到期前 30/7/1 天）并将已过期的资质标记为已过期"

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_expiry_reminders()
        self.stdout.write(f"reminded={result['reminded']} expired={result['expired']}")
