"""A factory photo WeChat's image check judges risky leaves the public factory page and goes to review, the
owner being told (issue #12 item 2, R-OPS-1). Verdicts arrive the way WeChat sends them: a signed push
event to /api/moderation/wechat-events carrying the trace id the fake WeChat server gave out."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.factories import make_user, signed_in_client
from common.testing import ApiClient, FakeWeChat, notifications_of, png_bytes
from factories.models import EditStatus, FactoryProfileEdit
from factories.tests.factories import make_verified_factory, profile_payload
from moderation.models import MediaCheck
from moderation.tests.factories import push_media_verdict
from verification.tests.factories import make_reviewer

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:factories_factoryprofileedit_changelist"


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def owner_with_openid() -> Any:
    owner = make_user(account_type="factory")
    User.objects.filter(pk=owner.pk).update(wechat_openid=f"o_factory_{owner.pk}")
    owner.refresh_from_db()
    return signed_in_client(owner)


def upload_photo(client: Any) -> str:
    response = client.upload(
        "uploads",
        files={"file": SimpleUploadedFile("workshop.png", png_bytes(), content_type="image/png")},
        data={"purpose": "factory_photo"},
    )
    assert response.status_code == 201, response
    return str(response.json()["id"])


def public_photo_ids(profile_id: int) -> list[str]:
    return [p["id"] for p in signed_in_client().get(f"factories/{profile_id}").json()["photos"]]


def trace_of(photo_id: str, wechat: FakeWeChat) -> str:
    check = MediaCheck.objects.get(file_id=photo_id)
    assert check.trace_id in [c["trace_id"] for c in wechat.server.state.media_checks]  # WeChat's own trace id
    return check.trace_id


def test_risky_photo_leaves_the_factory_page_goes_to_review_and_the_owner_is_told_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    owner = owner_with_openid()
    kept, risky = upload_photo(owner), upload_photo(owner)
    with django_capture_on_commit_callbacks(execute=True):
        profile = make_verified_factory(owner.user, photo_ids=[kept, risky])
    assert sorted(public_photo_ids(profile.pk)) == sorted([kept, risky])

    push_media_verdict(api, trace_of(risky, wechat))
    assert public_photo_ids(profile.pk) == [kept]
    [notice] = notifications_of(owner, "review_result")
    assert notice["title"] == "一张工厂照片已暂停展示"
    edit = FactoryProfileEdit.objects.get(status=EditStatus.PENDING)
    queue = console(make_reviewer()).get(reverse(CHANGELIST)).content.decode()
    assert "未通过微信图片安全检测" in queue

    # The reviewer finds it a false alarm: approving puts the photo back on the page.
    console(make_reviewer()).post(reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [edit.pk]})
    assert sorted(public_photo_ids(profile.pk)) == sorted([kept, risky])


def test_rejecting_the_held_photo_keeps_it_off_the_page_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    owner = owner_with_openid()
    risky = upload_photo(owner)
    with django_capture_on_commit_callbacks(execute=True):
        profile = make_verified_factory(owner.user, photo_ids=[risky])
    push_media_verdict(api, trace_of(risky, wechat))
    edit = FactoryProfileEdit.objects.get(status=EditStatus.PENDING)
    console(make_reviewer()).post(
        reverse(CHANGELIST),
        {"action": "reject_selected", "_selected_action": [edit.pk], "confirm": "yes", "reason": "照片含违规内容"},
    )
    assert public_photo_ids(profile.pk) == []
    assert any("照片含违规内容" in n["body"] for n in notifications_of(owner, "review_result"))


def test_passing_verdict_changes_nothing_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    owner = owner_with_openid()
    photo = upload_photo(owner)
    with django_capture_on_commit_callbacks(execute=True):
        profile = make_verified_factory(owner.user, photo_ids=[photo])
    push_media_verdict(api, trace_of(photo, wechat), suggest="pass")
    assert public_photo_ids(profile.pk) == [photo]
    assert not FactoryProfileEdit.objects.exists()


def test_risky_photo_of_a_pending_edit_is_shown_to_the_reviewer_and_of_an_approved_one_taken_off_issue12(
    api: ApiClient, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    owner = owner_with_openid()
    profile = make_verified_factory(owner.user)
    photo = upload_photo(owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert owner.put("factories/mine", profile_payload(photo_ids=[photo])).status_code == 200
    edit = FactoryProfileEdit.objects.get(status=EditStatus.PENDING)
    reviewer = console(make_reviewer())
    reviewer.post(reverse(CHANGELIST), {"action": "approve_selected", "_selected_action": [edit.pk]})
    assert public_photo_ids(profile.pk) == [photo]

    push_media_verdict(api, trace_of(photo, wechat))  # the verdict comes after the approval
    assert public_photo_ids(profile.pk) == []
    held = FactoryProfileEdit.objects.get(status=EditStatus.PENDING)
    assert any("图片安全检测" in r for r in held.moderation["reasons"])
