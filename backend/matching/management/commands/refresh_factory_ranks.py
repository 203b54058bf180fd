"""``manage.py refresh_factory_ranks``: rewrites every factory's ranking rows (issue #13) — after a bulk
load or a restore, which bypass the signals that keep them current; the hourly job runs the same."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from matching.services import refresh_all_factory_ranks


class Command(BaseCommand):
    help = "刷新所有工厂的匹配排序数据"

    def handle(self, *args: Any, **options: Any) -> None:
        written = refresh_all_factory_ranks()
        self.stdout.write(f"{written} rows")
