"""WeChat outages against real workers (R-APP-6, R-ADM-1): the user's request never waits for WeChat,
every push is delivered exactly once after WeChat recovers, a worker killed mid-task loses nothing, and
a push that keeps failing lands in the operators' 后台任务 list, whose 重试 delivers it.

Transactional tests: the worker (a thread, or a separate process) reads what the request committed.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.models import Effect, EffectStatus
from common.testing import FakeWeChat
from common.tests.workers import thread_worker, wait_for, worker_processes
from listings.models import Post, PostStatus
from listings.tests.factories import make_post, make_publisher, make_reviewer
from notifications.services import record_subscription_grants

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = "admin:listings_reviewqueueitem_changelist"
PUSH = "notifications.send_subscription_message"


@pytest.fixture
def fast_retries(settings: Any) -> None:
    settings.EFFECT_RETRY_BASE_SECONDS = 0.2
    settings.EFFECT_RETRY_MAX_DELAY_SECONDS = 0.5
    settings.EFFECT_MAX_ATTEMPTS = 200


def _owner_with_grant(wechat: FakeWeChat, name: str) -> Any:
    owner = make_publisher("factory", wechat_openid=f"o-{name}")
    record_subscription_grants(user=owner, purposes=["review_result"])
    wechat.grant_subscription(f"o-{name}", "tpl-review-result")
    return owner


def _console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def _pushes_to(wechat: FakeWeChat, openid: str) -> list[dict[str, Any]]:
    return [m for m in wechat.sent() if m["touser"] == openid]


def test_approval_while_wechat_is_down_answers_at_once_and_pushes_once_after_recovery_R_APP_6(
    wechat: FakeWeChat, fast_retries: None
) -> None:
    owners = [_owner_with_grant(wechat, f"down-{n}") for n in range(3)]
    posts = [make_post(owner=owner, status=PostStatus.PENDING) for owner in owners]
    reviewer = _console(make_reviewer())
    wechat.set_mode(down=True)
    with thread_worker():
        started = time.monotonic()
        response = reviewer.post(
            reverse(QUEUE), {"action": "approve_selected", "_selected_action": [p.pk for p in posts]}, follow=True
        )
        assert response.status_code == 200
        assert time.monotonic() - started < 5
        assert set(Post.objects.filter(pk__in=[p.pk for p in posts]).values_list("status", flat=True)) == {
            PostStatus.PUBLISHED
        }
        # The worker keeps trying while WeChat answers 503; nothing reached the owners yet.
        wait_for(lambda: Effect.objects.filter(task=PUSH, attempts__gte=2).count() == 3)
        assert wechat.sent() == []

        wechat.set_mode(down=False)
        wait_for(lambda: Effect.objects.filter(task=PUSH, status=EffectStatus.DONE).count() == 3)
        time.sleep(1)  # late duplicates would show up now
    for owner in owners:
        assert len(_pushes_to(wechat, owner.wechat_openid)) == 1


def test_rate_limited_wechat_delays_the_push_without_losing_it_R_APP_6(
    wechat: FakeWeChat, fast_retries: None
) -> None:
    owner = _owner_with_grant(wechat, "quota")
    post = make_post(owner=owner, status=PostStatus.PENDING)
    wechat.set_mode(rate_limited=True)  # errcode 45009
    with thread_worker():
        response = _console(make_reviewer()).post(
            reverse(QUEUE), {"action": "approve_selected", "_selected_action": [post.pk]}
        )
        assert response.status_code == 302
        push = wait_for(lambda: Effect.objects.filter(task=PUSH, attempts__gte=2).first())
        assert "45009" in push.last_error
        wechat.set_mode(rate_limited=False)
        wait_for(lambda: Effect.objects.filter(pk=push.pk, status=EffectStatus.DONE).exists())
    assert len(_pushes_to(wechat, owner.wechat_openid)) == 1


def test_a_push_that_keeps_failing_lands_in_the_console_list_and_retry_delivers_it_R_ADM_1(
    wechat: FakeWeChat, settings: Any
) -> None:
    settings.EFFECT_RETRY_BASE_SECONDS = 0.1
    settings.EFFECT_RETRY_MAX_DELAY_SECONDS = 0.2
    settings.EFFECT_MAX_ATTEMPTS = 3
    owner = _owner_with_grant(wechat, "failing")
    post = make_post(owner=owner, status=PostStatus.PENDING)
    wechat.set_mode(down=True)
    with thread_worker():
        _console(make_reviewer()).post(reverse(QUEUE), {"action": "approve_selected", "_selected_action": [post.pk]})
        push = wait_for(lambda: Effect.objects.filter(task=PUSH, status=EffectStatus.FAILED).first())
        assert push.attempts == 3 and "transport" in push.last_error

        admin = make_staff(groups=(Role.ADMIN.value,))
        console = Client()
        console.force_login(admin)
        page = console.get("/admin/common/effect/", {"status": "failed"}).content.decode()
        assert PUSH in page and "已失败" in page and "notifications.notification" in page

        # A reviewer's role does not include 重试: refused, the effect stays failed.
        refused = _console(make_reviewer()).post(
            "/admin/common/effect/", {"action": "retry", "_selected_action": [push.pk]}, follow=True
        )
        assert refused.status_code in (403, 200)
        assert Effect.objects.get(pk=push.pk).status == EffectStatus.FAILED

        wechat.set_mode(down=False)
        retried = console.post("/admin/common/effect/", {"action": "retry", "_selected_action": [push.pk]}, follow=True)
        assert "已重新排队 1 个任务" in retried.content.decode()
        wait_for(lambda: Effect.objects.filter(pk=push.pk, status=EffectStatus.DONE).exists())
    assert len(_pushes_to(wechat, owner.wechat_openid)) == 1


def test_a_worker_killed_mid_task_loses_nothing_and_the_push_goes_out_once_R_APP_6(
    wechat: FakeWeChat, tmp_path: Any
) -> None:
    owner = _owner_with_grant(wechat, "killed")
    post = make_post(owner=owner, status=PostStatus.PENDING)
    # WeChat answers after 30 s: the first worker is stuck inside the task when it is killed.
    wechat.set_mode(slow=30)
    with worker_processes(
        wechat_base=wechat.base_url,
        log_dir=tmp_path,
        CMT_EFFECT_LEASE_SECONDS="2",
        CMT_CELERY_VISIBILITY_TIMEOUT="2",
        CMT_CELERY_RESTORE_INTERVAL="1",
        CMT_EFFECT_RETRY_BASE_SECONDS="0.5",
    ) as start_worker_process:
        first = start_worker_process()
        _console(make_reviewer()).post(reverse(QUEUE), {"action": "approve_selected", "_selected_action": [post.pk]})
        wait_for(lambda: Effect.objects.filter(task=PUSH, status=EffectStatus.RUNNING).exists(), timeout=60)
        first.kill()
        wechat.set_mode(slow=0)
        assert _pushes_to(wechat, owner.wechat_openid) == []

        start_worker_process()  # takes the unacknowledged message over once its visibility timeout passed
        push = wait_for(lambda: Effect.objects.filter(task=PUSH, status=EffectStatus.DONE).first(), timeout=60)
        time.sleep(2)
    assert push.attempts == 2
    assert len(_pushes_to(wechat, owner.wechat_openid)) == 1


def test_contacting_a_publisher_while_wechat_is_down_succeeds_and_notifies_once_after_R_APP_6(
    wechat: FakeWeChat, fast_retries: None
) -> None:
    post = make_post()
    owner = post.owner
    owner.wechat_openid = "o-contacted"
    owner.save(update_fields=["wechat_openid"])
    record_subscription_grants(user=owner, purposes=["new_message"])
    wechat.grant_subscription("o-contacted", "tpl-new-message")
    buyer = signed_in_client(make_user(account_type="trade"))
    wechat.set_mode(down=True)
    with thread_worker():
        response = buyer.post("messaging/contact", {"post_id": post.pk, "message": "你好，还有货吗？"})
        assert response.status_code == 200, response
        wait_for(lambda: Effect.objects.filter(task=PUSH, attempts__gte=2).exists())
        assert _pushes_to(wechat, "o-contacted") == []
        wechat.set_mode(down=False)
        wait_for(lambda: Effect.objects.filter(task=PUSH, status=EffectStatus.DONE).exists())
        time.sleep(1)
    assert len(_pushes_to(wechat, "o-contacted")) == 1
