"""The periodic jobs and their beat schedule (read by ``config.settings``; run by ``common.schedule``).

A job is a management command name or a dotted path to a function taking no arguments, so this lowest
app names the jobs of the apps above it without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any


@dataclass(frozen=True)
class Job:
    name: str
    label: str
    run: str  # management command, or dotted path of a callable
    every: timedelta
    lock_timeout: timedelta  # longer than a run can take; a crashed run frees the job after it


JOBS = (
    Job(
        "lift_account_statuses",
        "恢复到期的账号处理",
        "lift_account_statuses",
        timedelta(minutes=5),
        timedelta(minutes=10),
    ),
    Job(
        "send_qualification_reminders",
        "资质到期提醒与过期处理",
        "send_qualification_reminders",
        timedelta(hours=1),
        timedelta(minutes=30),
    ),
    Job("expire_posts", "信息到期提醒与过期下架", "expire_posts", timedelta(minutes=15), timedelta(minutes=30)),
    Job("rollup_dashboard", "数据看板日汇总", "rollup_dashboard", timedelta(minutes=10), timedelta(minutes=30)),
    Job(
        "prune_history", "清理过期浏览记录", "discovery.services.prune_history", timedelta(hours=6), timedelta(hours=1)
    ),
    Job(
        "prune_data_exports",
        "清理过期的数据导出",
        "accounts.services.prune_data_exports",
        timedelta(hours=6),
        timedelta(hours=1),
    ),
    Job(
        "refresh_factory_ranks",
        "刷新工厂匹配排序",
        "matching.services.refresh_all_factory_ranks",
        timedelta(hours=1),
        timedelta(minutes=30),
    ),
    Job(
        "prune_effects",
        "清理已完成的后台任务",
        "common.tasks.prune_done_effects",
        timedelta(hours=6),
        timedelta(hours=1),
    ),
    Job(
        "requeue_stale_effects",
        "重新投递丢失的后台任务",
        "common.tasks.requeue_stale",
        timedelta(minutes=1),
        timedelta(minutes=5),
    ),
)
JOBS_BY_NAME = {job.name: job for job in JOBS}


def beat_schedule() -> dict[str, dict[str, Any]]:
    return {job.name: {"task": "common.run_scheduled_job", "schedule": job.every, "args": (job.name,)} for job in JOBS}
