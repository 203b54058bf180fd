"""The Celery app: a worker runs each domain's ``tasks.py`` effects (see ``common.tasks``), beat runs the
scheduled jobs (``common.schedule``). Settings are the ``CELERY_*`` names in ``config.settings``.

    celery -A config worker -l info        # as many as wanted, on as many machines as wanted
    celery -A config beat -l info          # one; every job also takes a lock, so a second does no harm
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("changmaotong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
