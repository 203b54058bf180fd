"""Complaint evidence and feedback images go through WeChat's image check like every other image (issue #12
item 3, R-OPS-1): sent with scene 2 (评论) after commit; a risky verdict (WeChat's signed push) warns the
complaint's handler in its record (the evidence is kept) and takes the image off a feedback."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import AccountType, User
from accounts.tests.factories import make_user, signed_in_client
from applications.tests.factories import labour_post
from common.testing import ApiClient, FakeWeChat
from moderation.models import MediaCheck
from moderation.tests.factories import push_media_verdict
from support.models import ComplaintNote, NoteKind
from support.tests.factories import complain, upload_evidence

pytestmark = pytest.mark.django_db


def with_openid(client: Any) -> Any:
    User.objects.filter(pk=client.user.pk).update(wechat_openid=f"o_support_{client.user.pk}")
    client.user.refresh_from_db()
    return client


def test_complaint_evidence_is_checked_and_a_risky_verdict_is_noted_for_the_handler_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    post = labour_post()
    worker = with_openid(signed_in_client(make_user(account_type=AccountType.WORKER)))
    evidence = [upload_evidence(worker, "red"), upload_evidence(worker, "blue")]
    with django_capture_on_commit_callbacks(execute=True):
        response = complain(worker, target_type="post", target_id=post.pk, evidence_ids=evidence)
    assert response.status_code == 201, response
    assert [c["scene"] for c in wechat.server.state.media_checks] == [2, 2]

    push_media_verdict(api, MediaCheck.objects.get(file_id=evidence[1]).trace_id)
    [note] = ComplaintNote.objects.filter(complaint_id=response.json()["id"], kind=NoteKind.SYSTEM)
    assert "疑似违规" in note.text and evidence[1][:8] in note.text
    # Evidence is kept for whoever handles the complaint.
    assert [e["id"] for e in worker.get("complaints/mine").json()["items"][0]["evidence"]] == evidence


def test_feedback_images_are_checked_and_a_risky_one_is_taken_off_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    user = with_openid(signed_in_client(make_user(account_type=AccountType.FACTORY)))
    kept, risky = upload_evidence(user, "red"), upload_evidence(user, "blue")
    with django_capture_on_commit_callbacks(execute=True):
        response = user.post(
            "feedback", {"category": "problem", "content": "发布页面上传图片失败", "image_ids": [kept, risky]}
        )
    assert response.status_code == 201, response
    assert [c["scene"] for c in wechat.server.state.media_checks] == [2, 2]

    push_media_verdict(api, MediaCheck.objects.get(file_id=kept).trace_id, suggest="pass")
    push_media_verdict(api, MediaCheck.objects.get(file_id=risky).trace_id)
    [mine] = user.get("feedback/mine").json()["items"]
    assert [i["id"] for i in mine["images"]] == [kept]
