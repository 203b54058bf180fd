"""A named lock in the database with a timeout: two runs of one scheduled job never overlap, on one
machine or many. A holder that dies leaves the lock to expire; nothing needs cleaning up by hand."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from common.models import JobLock


def acquire(name: str, *, timeout: float, holder: str | None = None) -> str | None:
    """Takes the lock ``name`` for ``timeout`` seconds; returns the holder token, or None if it is held."""
    token = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    now = timezone.now()
    expires = now + timedelta(seconds=timeout)
    # Taking an expired lock is one conditional UPDATE: of two contenders only one matches.
    if JobLock.objects.filter(name=name, expires_at__lte=now).update(holder=token, expires_at=expires):
        return token
    try:
        with transaction.atomic():
            JobLock.objects.create(name=name, holder=token, expires_at=expires)
    except IntegrityError:
        return None
    return token


def release(name: str, token: str) -> None:
    JobLock.objects.filter(name=name, holder=token).delete()


@contextmanager
def job_lock(name: str, *, timeout: float) -> Iterator[bool]:
    """``with job_lock("expire_posts", timeout=600) as acquired: if acquired: ...``"""
    token = acquire(name, timeout=timeout)
    try:
        yield token is not None
    finally:
        if token is not None:
            release(name, token)
