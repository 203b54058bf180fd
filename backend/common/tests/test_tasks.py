"""The effect framework (common.tasks) and the scheduled jobs' locks, as users and operators notice them:
nothing happens for a rolled-back request, an effect enqueued twice runs once, retries back off up to a
cap, one draft is indexed once, SMS leaves after commit, two runs of a job never overlap (R-APP-6,
R-APP-1, R-PLUS-5, R-ADM-1)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts.sms import OutboxSmsSender
from accounts.tests.factories import signed_in_client
from common import locks
from common.models import Effect, EffectStatus, JobLock
from common.schedule import run_job
from common.tasks import backoff_seconds, effect, enqueue, execute, run_due_effects
from common.testing import ApiClient, commit_pending
from listings.models import PostKind
from listings.tests.factories import make_publisher

pytestmark = pytest.mark.django_db

calls: list[dict[str, Any]] = []


@effect("tests.record")
def _record(**args: Any) -> None:
    calls.append(args)


@effect("tests.flaky", max_attempts=3)
def _flaky(**args: Any) -> None:
    calls.append(args)
    raise RuntimeError("WeChat is down")


@pytest.fixture(autouse=True)
def _clear_calls() -> None:
    calls.clear()


def test_nothing_is_done_for_a_transaction_that_rolled_back(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                enqueue("tests.record", key="rolled-back", n=1)
                raise RuntimeError("the request failed")
        except RuntimeError:
            pass
    assert calls == []
    assert not Effect.objects.filter(key="rolled-back").exists()


def test_an_effect_enqueued_twice_or_delivered_twice_is_done_once(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue("tests.record", key="once", n=1)
        second = enqueue("tests.record", key="once", n=2)
    assert first.pk == second.pk
    assert calls == [{"n": 1}]
    assert execute(first.pk) == "skipped"  # a duplicate delivery after it was done
    assert calls == [{"n": 1}]
    assert Effect.objects.get(pk=first.pk).status == EffectStatus.DONE


def test_retries_back_off_exponentially_up_to_a_cap_then_fail_for_operators(
    settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.EFFECT_RETRY_BASE_SECONDS = 10
    settings.EFFECT_RETRY_MAX_DELAY_SECONDS = 60
    assert [backoff_seconds(n) for n in (1, 2, 3, 4, 5)] == [10, 20, 40, 60, 60]

    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue("tests.flaky", key="flaky", n=1)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (EffectStatus.RETRYING, 1)
    assert timedelta(seconds=9) < row.next_attempt_at - timezone.now() <= timedelta(seconds=10)
    assert execute(row.pk) == "deferred"  # too early: a delivery before the retry time does not run it
    assert len(calls) == 1
    run_due_effects()
    run_due_effects()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (EffectStatus.FAILED, 3)
    assert "WeChat is down" in row.last_error
    run_due_effects()
    assert len(calls) == 3  # failed for good: nothing runs it again but an operator's 重试


def test_a_lost_message_is_sent_again_by_the_sweep(settings: Any) -> None:
    row = Effect.objects.create(key="lost", task="tests.record", args={"n": 7})
    Effect.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert run_job("requeue_stale_effects")
    assert calls == [{"n": 7}]
    assert Effect.objects.get(pk=row.pk).status == EffectStatus.DONE


def test_a_running_effect_whose_worker_died_is_taken_over_after_its_lease() -> None:
    row = Effect.objects.create(
        key="orphan", task="tests.record", args={"n": 3}, status=EffectStatus.RUNNING, attempts=1
    )
    Effect.objects.filter(pk=row.pk).update(lease_until=timezone.now() + timedelta(minutes=1))
    assert execute(row.pk) == "deferred"  # the holder may still be working
    Effect.objects.filter(pk=row.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert execute(row.pk) == EffectStatus.DONE
    assert calls == [{"n": 3}]
    assert Effect.objects.get(pk=row.pk).attempts == 2


def test_one_draft_is_indexed_once_per_request_R_APP_1() -> None:
    owner = make_publisher("factory")
    client = signed_in_client(owner)
    commit_pending()
    before = Effect.objects.filter(task="search.index_post").count()
    created = client.post(
        "listings/posts",
        {"kind": PostKind.PROCESSING_SERVICE, "title": "CNC 精密加工", "process_type_ids": []},
    )
    assert created.status_code in (200, 201), created
    assert Effect.objects.filter(task="search.index_post").count() == before + 1


def test_the_sign_in_code_leaves_after_commit_sealed_and_erased() -> None:
    api = ApiClient()
    phone = "13800138000"
    assert api.post("auth/sms-codes", {"phone": phone}).status_code == 202
    assert [p for p, _ in OutboxSmsSender.outbox] == [phone]
    sms = Effect.objects.get(task="accounts.send_sms_code")
    assert sms.status == EffectStatus.DONE
    assert sms.sealed == "" and phone not in str(sms.args)  # the code and phone are gone from the row


def test_data_export_is_built_by_a_worker_and_only_its_owner_downloads_it_R_PLUS_5() -> None:
    client = signed_in_client()
    started = client.post("me/export")
    assert started.status_code == 202
    body = started.json()
    status = client.get(f"me/export/{body['id']}").json()
    assert status["status"] == "ready" and status["status_label"] == "已生成"
    assert client.get(status["download_url"]).headers["Content-Type"] == "application/zip"
    other = signed_in_client()
    assert other.get(f"me/export/{body['id']}").status_code == 404
    assert other.get(status["download_url"]).status_code == 404


def test_export_not_ready_answers_409() -> None:
    from accounts.models import DataExport

    client = signed_in_client()
    export = DataExport.objects.create(user=client.user)
    response = client.get(f"me/export/{export.pk}/file")
    assert response.status_code == 409 and response.json()["code"] == "export_not_ready"


def test_two_runs_of_one_job_never_overlap_and_a_dead_holder_expires() -> None:
    token = locks.acquire("job:expire_posts", timeout=60)
    assert token is not None
    assert run_job("expire_posts") is False  # the other run still holds it
    assert locks.acquire("job:expire_posts", timeout=60) is None
    JobLock.objects.filter(name="job:expire_posts").update(expires_at=timezone.now() - timedelta(seconds=1))
    assert run_job("expire_posts") is True  # the holder died: its lock expired
    assert not JobLock.objects.filter(name="job:expire_posts").exists()  # released after the run


def test_manual_trigger_runs_every_job() -> None:
    call_command("run_scheduled_jobs")


def test_an_effect_nobody_declares_fails_for_operators_instead_of_looping() -> None:
    row = Effect.objects.create(key="unknown", task="tests.no_such_effect")
    assert execute(row.pk) == EffectStatus.FAILED
    assert "unknown effect" in Effect.objects.get(pk=row.pk).last_error


def test_a_broker_outage_at_commit_loses_nothing(monkeypatch: Any, django_capture_on_commit_callbacks: Any) -> None:
    from kombu.exceptions import OperationalError

    from common import tasks

    def broker_down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("Error 111 connecting to redis: Connection refused")

    monkeypatch.setattr(tasks.run_effect, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue("tests.record", key="broker-down", n=5)  # the caller's commit does not fail
    assert Effect.objects.get(pk=row.pk).status == EffectStatus.PENDING and calls == []
    monkeypatch.undo()
    Effect.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert run_job("requeue_stale_effects")
    assert calls == [{"n": 5}]
