"""Side effects as background tasks: one small framework over Celery, generic for every domain.

A service calls ``enqueue("app.effect", key=..., **args)`` inside its transaction. That writes one
``Effect`` row (so the effect is part of the transaction: rolled back, nothing is sent) and, once the
transaction commits, sends the row's id to a worker (``run_effect``). Each domain's ``tasks.py`` only
declares its effects with ``@effect("app.effect")``; the worker finds them by name, so a lower app can
enqueue an effect of a higher one (listings → matching) without importing it.

Guarantees:
- idempotent: the key is unique; enqueued twice, the second is ignored; delivered twice (a redelivery
  after a worker died, a duplicate message), a done effect is not run again, and a running one is left
  to its lease holder;
- nothing is lost: messages are acknowledged after the task (``acks_late``), and ``requeue_stale``
  (beat, every minute) re-sends effects whose message went missing (broker down at commit, worker
  killed past the broker's visibility timeout);
- retried with exponential backoff up to a cap (``EFFECT_RETRY_*``); when attempts run out the effect
  stays ``failed`` — the console's 后台任务 list, whose 重试 action calls ``retry_effects``.

The window that remains is the classic one: a worker that dies after the outside world took the effect
(WeChat accepted a push) and before the row says done runs it again on redelivery (at least once). An
effect may keep its own progress in ``current_effect().state`` to narrow that window.
"""

from __future__ import annotations

import contextvars
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from kombu.exceptions import OperationalError

from common import audit, crypto
from common.console_permissions import ConsolePermission, require_console_permission
from common.models import Effect, EffectStatus
from common.schedule import run_job

logger = logging.getLogger(__name__)

SEAL_CONTEXT = "common.effect.sealed"
OPEN_STATUSES = (EffectStatus.PENDING, EffectStatus.RETRYING, EffectStatus.RUNNING)


@dataclass(frozen=True)
class EffectSpec:
    name: str
    fn: Callable[..., Any]
    max_attempts: int | None = None
    on_failure: Callable[..., Any] | None = None  # called with the effect's args when it fails for good


_registry: dict[str, EffectSpec] = {}
_current: contextvars.ContextVar[Effect | None] = contextvars.ContextVar("current_effect", default=None)


class GiveUp(Exception):
    """Raised by an effect that can never succeed (no point retrying): it fails at once."""


def effect(
    name: str, *, max_attempts: int | None = None, on_failure: Callable[..., Any] | None = None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declares ``fn(**args)`` as the effect ``name`` (in a domain's ``tasks.py``); ``on_failure(**args)``
    runs once its attempts are used up (e.g. to mark a request the user waits on as failed)."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        _registry[name] = EffectSpec(name=name, fn=fn, max_attempts=max_attempts, on_failure=on_failure)
        return fn

    return register


def spec_for(name: str) -> EffectSpec:
    if name not in _registry:
        autodiscover_modules("tasks")  # the worker imports them at start; eager runs may not have
    return _registry[name]


def current_effect() -> Effect:
    """The row of the effect running now, for an effect that records its progress in ``state``."""
    row = _current.get()
    if row is None:
        raise RuntimeError("current_effect() outside an effect")
    return row


def save_progress(**state: Any) -> None:
    """Merges ``state`` into the running effect's progress, in the caller's transaction."""
    row = current_effect()
    row.state = {**row.state, **state}
    Effect.objects.filter(pk=row.pk).update(state=row.state)


# --- Enqueueing ------------------------------------------------------------------------------------


def enqueue(
    name: str,
    *,
    key: str,
    target: models.Model | None = None,
    sealed: dict[str, Any] | None = None,
    **args: Any,
) -> Effect:
    """Registers the effect ``name`` with JSON ``args``; it is sent to a worker after commit.

    ``key`` names the effect once and for all (e.g. ``push:notification:42``): an effect with that key
    already enqueued is returned as it is. ``sealed`` holds secrets, encrypted at rest, erased when done.
    """
    json.dumps(args)  # fail here, in the caller, on arguments a worker could not receive
    with transaction.atomic():
        row, created = Effect.objects.get_or_create(
            key=key[:200],
            defaults={
                "task": name,
                "args": args,
                "sealed": crypto.encrypt(json.dumps(sealed), context=SEAL_CONTEXT) if sealed else "",
                "target_type": target._meta.label_lower if target is not None else "",
                "target_id": str(target.pk) if target is not None else "",
            },
        )
    if created:
        effect_id = row.pk
        transaction.on_commit(lambda: send(effect_id))
    return row


@dataclass
class _Batch:
    """Effects coalesced within one transaction: each (name, key) once, enqueued after commit."""

    items: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def flush(self) -> None:
        items, self.items = self.items, {}
        for (name, key), args in items.items():
            target = args.pop("_target", None)
            enqueue(name, key=f"{key}:{uuid.uuid4().hex}", target=target, **args)


def enqueue_coalesced(name: str, *, key: str, target: models.Model | None = None, **args: Any) -> None:
    """Enqueues ``name`` once per transaction for ``key`` however often it is called (e.g. one search
    re-index per post per transaction, though a save and two m2m changes each asked for one). The task
    reads the current rows, so the last call's state is what it sees."""
    connection = transaction.get_connection()
    batch: _Batch | None = getattr(connection, "_cmt_effect_batch", None)
    registered = batch is not None and any(cb == batch.flush for _, cb, _ in connection.run_on_commit)
    if batch is None or not registered or not connection.in_atomic_block:
        batch = _Batch()
        connection._cmt_effect_batch = batch  # type: ignore[attr-defined]
        batch.items[(name, key)] = {**args, "_target": target}
        transaction.on_commit(batch.flush)  # runs at once outside a transaction
        return
    batch.items[(name, key)] = {**args, "_target": target}


def send(effect_id: int, *, countdown: float | None = None) -> None:
    """Hands the effect to the broker. A broker that is down loses nothing: the row stays open and
    ``requeue_stale`` sends it again."""
    if countdown and run_effect.app.conf.task_always_eager:
        return  # eager runs (tests) have no "later": the row stays open until run_due_effects() or a sweep
    try:
        run_effect.apply_async((effect_id,), countdown=countdown)
    except (OperationalError, OSError):  # the broker is unreachable; the row is the source of truth
        logger.exception("effect %s not sent to the broker; requeue_stale will send it", effect_id)


# --- Running ---------------------------------------------------------------------------------------


def backoff_seconds(attempts: int) -> float:
    """Delay before attempt ``attempts + 1``: base × 2^(attempts−1), capped."""
    base = float(settings.EFFECT_RETRY_BASE_SECONDS)
    return float(min(base * 2 ** max(attempts - 1, 0), float(settings.EFFECT_RETRY_MAX_DELAY_SECONDS)))


def _claim(effect_id: int) -> tuple[Effect | None, float | None]:
    """Takes the lease on an open effect. Returns (row, None) to run it, (None, wait) when another
    worker holds a live lease, (None, None) when there is nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        row = Effect.objects.select_for_update().filter(pk=effect_id).first()
        if row is None or row.status not in OPEN_STATUSES:
            return None, None
        if row.status == EffectStatus.RUNNING and row.lease_until and row.lease_until > now:
            return None, (row.lease_until - now).total_seconds() + 0.5
        if row.status == EffectStatus.RETRYING and row.next_attempt_at and row.next_attempt_at > now:
            return None, (row.next_attempt_at - now).total_seconds()
        row.status = EffectStatus.RUNNING
        row.attempts += 1
        row.lease_until = now + timedelta(seconds=settings.EFFECT_LEASE_SECONDS)
        row.save(update_fields=["status", "attempts", "lease_until", "updated_at"])
    return row, None


def execute(effect_id: int) -> str:
    """Runs one effect if it is still open; returns its status afterwards (for tests and logs)."""
    row, wait = _claim(effect_id)
    if row is None:
        if wait is not None:  # someone else's lease or an early delivery: look again later
            send(effect_id, countdown=wait)
            return "deferred"
        return "skipped"
    try:
        spec = spec_for(row.task)
    except KeyError:  # a task renamed or removed while its effects were queued: operators decide
        Effect.objects.filter(pk=row.pk).update(
            status=EffectStatus.FAILED, last_error=f"unknown effect {row.task!r}", lease_until=None
        )
        return EffectStatus.FAILED
    args = dict(row.args)
    if row.sealed:
        args.update(json.loads(crypto.decrypt(row.sealed, context=SEAL_CONTEXT)))
    token = _current.set(row)
    try:
        spec.fn(**args)
    except Exception as exc:
        _record_failure(row, spec, exc)
        return str(Effect.objects.filter(pk=row.pk).values_list("status", flat=True).first())
    finally:
        _current.reset(token)
    Effect.objects.filter(pk=row.pk).update(
        status=EffectStatus.DONE, done_at=timezone.now(), sealed="", last_error="", lease_until=None
    )
    return EffectStatus.DONE


def _record_failure(row: Effect, spec: EffectSpec, exc: Exception) -> None:
    error = f"{exc.__class__.__name__}: {exc}"[:2000]
    max_attempts = spec.max_attempts or settings.EFFECT_MAX_ATTEMPTS
    if isinstance(exc, GiveUp) or row.attempts >= max_attempts:
        logger.warning("effect %s (%s) failed for good after %s attempts: %s", row.pk, row.task, row.attempts, error)
        Effect.objects.filter(pk=row.pk).update(
            status=EffectStatus.FAILED, last_error=error, lease_until=None, next_attempt_at=None
        )
        if spec.on_failure is not None:
            try:
                spec.on_failure(**row.args)
            except Exception:
                logger.exception("on_failure of effect %s (%s) failed", row.pk, row.task)
        return
    delay = backoff_seconds(row.attempts)
    logger.info("effect %s (%s) attempt %s failed, retry in %.1fs: %s", row.pk, row.task, row.attempts, delay, error)
    Effect.objects.filter(pk=row.pk).update(
        status=EffectStatus.RETRYING,
        last_error=error,
        lease_until=None,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
    )
    send(row.pk, countdown=delay)


@shared_task(name="common.run_effect", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_effect(effect_id: int) -> str:
    return execute(effect_id)


@shared_task(name="common.run_scheduled_job", ignore_result=True)
def run_scheduled_job(name: str) -> bool:
    """Beat's entry point for every periodic job (``common.jobs``), each under its lock."""
    return run_job(name)


@shared_task(name="common.requeue_stale", ignore_result=True)
def requeue_stale() -> int:
    """Re-sends open effects whose message may be gone: pending a while, retry time long past, or
    running past their lease (the worker died). Duplicates are harmless (see ``execute``)."""
    now = timezone.now()
    grace = timedelta(seconds=settings.EFFECT_REQUEUE_AFTER_SECONDS)
    stale = Effect.objects.filter(
        models.Q(status=EffectStatus.PENDING, created_at__lt=now - grace)
        | models.Q(status=EffectStatus.RETRYING, next_attempt_at__lt=now - grace)
        | models.Q(status=EffectStatus.RUNNING, lease_until__lt=now)
    ).values_list("pk", flat=True)[:1000]
    ids = list(stale)
    for effect_id in ids:
        send(effect_id)
    return len(ids)


def prune_done_effects() -> int:
    """Scheduled: done effects are kept a week (for looking into what happened), failed ones until an
    operator retries them."""
    cutoff = timezone.now() - timedelta(days=7)
    deleted, _ = Effect.objects.filter(status=EffectStatus.DONE, done_at__lt=cutoff).delete()
    return deleted


def run_due_effects() -> int:
    """Lets time pass for open effects: each waiting retry falls due and runs now, in this process.
    For eager runs (tests, the shell); a worker does this by itself."""
    open_ids = list(Effect.objects.filter(status__in=OPEN_STATUSES).order_by("pk").values_list("pk", flat=True))
    Effect.objects.filter(pk__in=open_ids).update(next_attempt_at=None, lease_until=None)
    for effect_id in open_ids:
        execute(effect_id)
    return len(open_ids)


# --- Operators -------------------------------------------------------------------------------------


@transaction.atomic
def retry_effects(*, operator: Any, effect_ids: list[int]) -> int:
    """The console's 重试: failed effects start again with a fresh count of attempts."""
    require_console_permission(operator, ConsolePermission.RETRY_EFFECTS)
    ids = list(
        Effect.objects.select_for_update()
        .filter(pk__in=effect_ids, status=EffectStatus.FAILED)
        .values_list("pk", flat=True)
    )
    Effect.objects.filter(pk__in=ids).update(status=EffectStatus.PENDING, attempts=0, next_attempt_at=None)
    for effect_id in ids:
        audit.record(actor=operator, action="common.effect.retry", target=Effect(pk=effect_id))
        transaction.on_commit(lambda effect_id=effect_id: send(effect_id))  # type: ignore[misc]
    return len(ids)
