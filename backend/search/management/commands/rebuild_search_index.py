from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from search.services import rebuild_search_index


class Command(BaseCommand):
    help = "重建搜索索引（批量导入数据后运行；可重复运行）"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        result = rebuild_search_index(
            batch_size=options["batch_size"], progress=lambda msg: self.stdout.write(f"  {msg}", ending="\r")
        )
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"已索引 {result.posts} 条信息、{result.factories} 家工厂，用时 {time.monotonic() - started:.1f} 秒"
            )
        )
