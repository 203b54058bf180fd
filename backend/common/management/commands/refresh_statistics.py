"""``manage.py refresh_statistics``: the planner's statistics for every table, after a bulk load (issue #13).

Autovacuum refreshes them only after a while; until then a planner that believes ``accounts_user`` or
``listings_post`` is nearly empty may pick a plan 300x slower (a rare-word search went from 3 ms to
914 ms). ``bench/datagen.py`` runs it after loading; run it after any import of your own.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection


def refresh_statistics() -> None:
    """``ANALYZE`` of the whole database: every table the board, search and matching queries read."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "刷新数据库统计信息（ANALYZE；批量导入数据后运行）"

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(f"统计信息已刷新（{connection.vendor}），用时 {time.monotonic() - started:.1f} 秒")
        )
