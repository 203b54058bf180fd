from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from dashboard.services import rebuild_rollups


class Command(BaseCommand):
    help = "重算数据看板的日汇总（默认最近 3 天；可指定区间，重复执行结果相同）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--start", type=date.fromisoformat, help="开始日期 YYYY-MM-DD")
        parser.add_argument("--end", type=date.fromisoformat, help="结束日期 YYYY-MM-DD")

    def handle(self, *args: object, **options: date | None) -> None:
        end = options["end"] or timezone.localdate()
        start = options["start"] or end - timedelta(days=2)
        written = rebuild_rollups(start=start, end=end)
        self.stdout.write(f"已重算 {start} 至 {end}：{written} 条汇总")
