# The Celery app is loaded with Django so ``shared_task`` binds to it in web, worker and beat alike.
from config.celery import app as celery_app

__all__ = ("celery_app",)
