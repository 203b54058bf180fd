"""Daily job (R-PLUS-2): expire published posts past their validity; remind owners 3 and 1 days before.

Idempotent: run it as often as the scheduler likes; each reminder and notice is sent once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from listings.services import expire_posts


class Command(BaseCommand):
    help = "将超过有效期的信息标记为已过期，并在到期前 3 天、1 天提醒发布者"

    def handle(self, *args: Any, **options: Any) -> None:
        result = expire_posts()
        self.stdout.write(f"expired={result.expired} reminded={result.reminded}")
