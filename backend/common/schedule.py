"""Runs the periodic jobs (``common.jobs``): Celery beat sends ``common.run_scheduled_job``
(``common.tasks``) on each job's schedule, ``manage.py run_scheduled_jobs`` runs them by hand. Each
run takes the job's lock (``common.locks``), so two runs of one job never overlap, whichever machine
or beat started them; each job is idempotent, so a missed or repeated run does no harm.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.management import call_command
from django.utils.module_loading import import_string

from common import locks
from common.jobs import JOBS_BY_NAME

logger = logging.getLogger(__name__)


def run_job(name: str, *, stdout: Any = None) -> bool:
    """Runs the job under its lock; returns False (and does nothing) when another run holds it."""
    job = JOBS_BY_NAME[name]
    with locks.job_lock(f"job:{job.name}", timeout=job.lock_timeout.total_seconds()) as acquired:
        if not acquired:
            logger.info("scheduled job %s is already running elsewhere; skipped", job.name)
            return False
        if "." in job.run:
            import_string(job.run)()
        else:
            call_command(job.run, stdout=stdout)
        return True
