"""Every periodic job at once, by hand (beat runs them on their own schedules: ``common.schedule``).
Each takes its lock, so it is skipped while beat's run of it is still going; one failing job does not
stop the others."""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand, CommandParser

from common.jobs import JOBS
from common.schedule import run_job

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "立即运行全部定时任务（可重复执行；正在运行的任务会被跳过）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("jobs", nargs="*", help="只运行这些任务（默认全部）")

    def handle(self, *args: object, **options: object) -> None:
        wanted = set(options["jobs"] or [])  # type: ignore[call-overload]
        failed = []
        for job in JOBS:
            if wanted and job.name not in wanted:
                continue
            try:
                ran = run_job(job.name, stdout=self.stdout)
                self.stdout.write(f"✓ {job.label}" if ran else f"- {job.label}（正在运行，已跳过）")
            except Exception:
                logger.exception("scheduled job %s failed", job.name)
                failed.append(job.label)
        if failed:
            self.stderr.write("失败的任务：" + "、".join(failed))
            raise SystemExit(1)
