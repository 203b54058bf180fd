from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from moderation.demo import load_default_keywords


class Command(BaseCommand):
    help = "Adds the starter list of banned keywords (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_default_keywords()
        self.stdout.write(f"已添加 {created} 个违禁词")
