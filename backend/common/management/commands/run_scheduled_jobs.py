"""Every periodic job in one command, for cron (e.g. every 15 minutes). Each job is idempotent, so a
missed or repeated run does no harm; one failing job does not stop the others."""

from __future__ import annotations

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

JOBS = (
    ("恢复到期的账号处理", "lift_account_statuses"),
    ("资质到期提醒与过期处理", "send_qualification_reminders"),
    ("信息到期提醒与过期下架", "expire_posts"),
    ("数据看板日汇总", "rollup_dashboard"),
    ("清理过期浏览记录", "discovery.services.prune_history"),
)


class Command(BaseCommand):
    help = "运行全部定时任务（可重复执行）"

    def handle(self, *args: object, **options: object) -> None:
        failed = []
        for label, command in JOBS:
            try:
                if "." in command:
                    import_string(command)()
                else:
                    call_command(command, stdout=self.stdout)
                self.stdout.write(f"✓ {label}")
            except Exception:
                logger.exception("scheduled job %s failed", command)
                failed.append(label)
        if failed:
            self.stderr.write("失败的任务：" + "、".join(failed))
            raise SystemExit(1)
