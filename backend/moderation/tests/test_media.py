"""WeChat's asynchronous image check on post images (R-OPS-1, R-FLOW-2)."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from django.conf import settings
from PIL import Image

from accounts.models import User
from common.models import Effect, EffectStatus
from common.tasks import run_due_effects
from common.testing import ApiClient, FakeWeChat
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_publisher, make_reviewer, valid_payload
from moderation.models import MediaCheck

pytestmark = pytest.mark.django_db


def signed_query(token: str, timestamp: str = "1700000000", nonce: str = "n0nce") -> str:
    signature = hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()
    return f"?signature={signature}&timestamp={timestamp}&nonce={nonce}"


def push(api: ApiClient, trace_id: str, suggest: str, *, token: str | None = None) -> Any:
    event = {
        "ToUserName": "gh_test",
        "FromUserName": "o_system",
        "MsgType": "event",
        "Event": "wxa_media_check",
        "appid": settings.WECHAT_APP_ID,
        "trace_id": trace_id,
        "version": 2,
        "errcode": 0,
        "result": {"suggest": suggest, "label": 20002 if suggest != "pass" else 100},
    }
    return api.post("/api/moderation/wechat-events" + signed_query(token or settings.WECHAT_PUSH_TOKEN), event)


def submit_post_with_image(django_capture_on_commit_callbacks: Any) -> tuple[Post, ApiClient]:
    owner = make_publisher("factory")
    User.objects.filter(pk=owner.pk).update(wechat_openid="o_factory_owner")
    owner.refresh_from_db()
    from accounts.tests.factories import signed_in_client

    client = signed_in_client(owner)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "blue").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "cup.jpg"
    image_id = client.upload("uploads", {"file": buffer}, {"purpose": "post_media"}).json()["id"]
    created = client.post("listings/posts", valid_payload(PostKind.STOCK, media_ids=[image_id], owner=client.user))
    assert created.status_code in (200, 201), created
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"listings/posts/{created.json()['id']}/submit").status_code == 200
    return Post.objects.get(pk=created.json()["id"]), client


def test_post_images_go_to_wechat_and_a_risky_verdict_flags_the_live_post_R_OPS_1(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    post, _owner = submit_post_with_image(django_capture_on_commit_callbacks)
    sent = wechat.server.state.media_checks
    assert len(sent) == 1 and sent[0]["media_url"].startswith(settings.PUBLIC_BASE_URL + "/api/files/")
    check = MediaCheck.objects.get()
    assert check.target_id == str(post.pk) and check.status == "pending"
    from listings import services

    services.approve(reviewer=make_reviewer(), post_id=post.pk)
    assert Post.objects.get(pk=post.pk).status == PostStatus.PUBLISHED

    assert push(api, check.trace_id, "risky").status_code == 200
    post.refresh_from_db()
    check.refresh_from_db()
    assert check.status == "risky"
    assert post.is_flagged is True
    assert post.status == PostStatus.PENDING  # off the boards until a reviewer looks again
    assert post.moderation["wechat_media"][0]["label"] == 20002


def test_a_passing_verdict_leaves_the_post_alone_R_OPS_1(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    post, _owner = submit_post_with_image(django_capture_on_commit_callbacks)
    assert push(api, MediaCheck.objects.get().trace_id, "pass").status_code == 200
    post.refresh_from_db()
    assert post.is_flagged is False and post.status == PostStatus.PENDING


def test_pushes_with_a_wrong_signature_are_refused(api: ApiClient) -> None:
    assert push(api, "trace-x", "risky", token="not-our-token").status_code == 403
    verify = api.get("/api/moderation/wechat-events" + signed_query(settings.WECHAT_PUSH_TOKEN) + "&echostr=hello")
    assert verify.raw.content == b"hello"


def test_submitting_while_wechat_is_down_succeeds_and_images_are_checked_once_after_R_OPS_1(
    wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    wechat.set_mode(down=True)
    post, _owner = submit_post_with_image(django_capture_on_commit_callbacks)  # answered 200 meanwhile
    assert post.status == PostStatus.PENDING
    checks = Effect.objects.get(task="listings.request_image_checks")
    assert checks.status == EffectStatus.RETRYING and not MediaCheck.objects.exists()
    wechat.set_mode(down=False)
    run_due_effects()
    run_due_effects()
    assert len(wechat.server.state.media_checks) == 1
    assert MediaCheck.objects.filter(target_id=str(post.pk)).count() == 1
