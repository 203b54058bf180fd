"""The one moderation pipeline, place by place, through the HTTP API (issue #12 items 1, 3, 4, 5; R-OPS-1,
R-FLOW-2, R-ROLE-4): factory profiles, display names, avatars, chat text / images, complaints, feedback,
application notes, fee-asking labour and processing posts, staff accounts."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from accounts.tests.factories import make_staff, make_user, signed_in_client
from common.testing import FakeWeChat, png_bytes
from factories.tests.factories import profile_payload
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import make_post, make_publisher, make_reviewer, valid_payload
from messaging.models import Message
from messaging.tests.factories import open_chat, pair, upload_chat_image
from moderation.media import record_media_verdict
from moderation.models import KeywordAction, MediaCheck
from moderation.pipeline import HELD_TEXT
from moderation.tests.factories import make_keyword

pytestmark = pytest.mark.django_db


def with_openid(client: Any, openid: str) -> Any:
    User.objects.filter(pk=client.user.pk).update(wechat_openid=openid)
    client.user.refresh_from_db()
    return client


def upload(client: Any, purpose: str) -> str:
    response = client.upload(
        "uploads",
        files={"file": SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")},
        data={"purpose": purpose},
    )
    assert response.status_code == 201, response
    return str(response.json()["id"])


def field_of(response: Any) -> list[str]:
    detail = response.json().get("detail")
    if isinstance(detail, list):
        return [d["field"] for d in detail]
    return list(detail.get("fields") or [])


# --- factory profiles ---------------------------------------------------------------------------------


def test_banned_word_in_a_factory_description_is_refused_naming_the_field_issue12_R_OPS_1() -> None:
    make_keyword("代开发票", action=KeywordAction.BLOCK)
    client = signed_in_client(make_user(account_type="factory"))
    response = client.put("factories/mine", profile_payload(client.user, description="代开发票，加微信 私下交易更便宜"))
    assert response.status_code == 422
    assert response.json()["code"] == "content_blocked"
    assert "代开发票" in response.json()["message"]
    assert field_of(response) == ["description"]
    assert client.get("factories/mine").status_code == 404  # nothing saved


@pytest.mark.parametrize("name", ["厂贸通官方旗舰厂", "厂 贸-通 五金厂", "平台客服直营厂", "官.方 认证工厂"])
def test_factory_name_impersonating_the_platform_is_refused_issue12(name: str) -> None:
    client = signed_in_client(make_user(account_type="factory"))
    response = client.put("factories/mine", profile_payload(client.user, name=name))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "name"
    assert response.json()["detail"][0]["rule"] == "impersonation"


def test_factory_photos_reach_the_image_check_with_scene_1_issue12(
    wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    client = with_openid(signed_in_client(make_user(account_type="factory")), "o_factory_photos")
    photo = upload(client, "factory_photo")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.put("factories/mine", profile_payload(client.user, photo_ids=[photo])).status_code == 200
    assert [c["scene"] for c in wechat.server.state.media_checks] == [1]
    assert MediaCheck.objects.get().target_type == "factories.factoryprofile"
    assert [c["scene"] for c in wechat.server.state.text_checks] == [1]  # 资料


# --- display names and avatars ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["厂贸通官方客服", "厂 贸 通", "客-服 小王", "平台管理员", "官方★认证"])
def test_impersonating_display_name_is_refused_issue12(name: str) -> None:
    client = signed_in_client()
    response = client.patch("me", {"display_name": name})
    assert response.status_code == 422
    assert response.json()["detail"][0] == {
        "field": "display_name",
        "rule": "impersonation",
        "message": response.json()["message"],
    }
    assert client.get("me").json()["display_name"] != name


def test_ordinary_display_name_passes_and_goes_to_msgseccheck_scene_1_issue12(wechat: FakeWeChat) -> None:
    client = with_openid(signed_in_client(), "o_name")
    assert client.patch("me", {"display_name": "宁波王师傅"}).status_code == 200
    assert client.get("me").json()["display_name"] == "宁波王师傅"
    assert [(c["content"], c["scene"]) for c in wechat.server.state.text_checks] == [("宁波王师傅", 1)]


def test_banned_word_or_contact_in_a_display_name_is_refused_issue12() -> None:
    make_keyword("代开发票", action=KeywordAction.BLOCK)
    client = signed_in_client()
    assert client.patch("me", {"display_name": "代开发票找我"}).json()["code"] == "content_blocked"
    contact = client.patch("me", {"display_name": "加微 abc12345"})
    assert contact.status_code == 422 and contact.json()["detail"][0]["field"] == "display_name"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/a.png",
        "javascript:alert(1)",
        "//evil.example.com/api/files/00000000-0000-0000-0000-000000000000",
        "/api/files/not-a-uuid",
        "/api/files/00000000-0000-0000-0000-000000000000",
    ],
)
def test_avatar_url_that_is_not_an_own_upload_is_refused_issue12(url: str) -> None:
    client = signed_in_client()
    response = client.patch("me", {"avatar_url": url})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "avatar_url"
    assert client.get("me").json()["avatar_url"] == ""


def test_avatar_of_another_user_or_another_purpose_is_refused_issue12() -> None:
    other = signed_in_client()
    theirs = upload(other, "avatar")
    client = signed_in_client()
    mine_for_posts = upload(client, "post_media")
    for file_id in (theirs, mine_for_posts):
        response = client.patch("me", {"avatar_url": f"/api/files/{file_id}"})
        assert response.status_code == 422 and response.json()["detail"][0]["field"] == "avatar_url"


def test_own_uploaded_avatar_is_accepted_and_sent_to_the_image_check_issue12(
    wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    client = with_openid(signed_in_client(), "o_avatar")
    avatar = upload(client, "avatar")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.patch("me", {"avatar_url": f"/api/files/{avatar}/thumbnail"})
    assert response.status_code == 200
    assert client.get("me").json()["avatar_url"] == f"/api/files/{avatar}/thumbnail"
    assert len(wechat.server.state.media_checks) == 1
    assert MediaCheck.objects.get().target_type == "accounts.user"
    assert client.patch("me", {"avatar_url": ""}).status_code == 200  # clearing it is fine


# --- staff accounts -----------------------------------------------------------------------------------


def test_staff_account_cannot_choose_an_app_account_type_issue12_R_ROLE_4() -> None:
    staff = make_staff(groups=(Role.REVIEWER.value,))
    client = signed_in_client(staff)
    response = client.post("me/account-type", {"account_type": "worker"})
    assert response.status_code == 403
    assert response.json()["code"] == "staff_account"
    staff.refresh_from_db()
    assert staff.account_type == ""
    # An app account still chooses as before.
    assert signed_in_client(make_user()).post("me/account-type", {"account_type": "worker"}).status_code == 200


# --- chat ----------------------------------------------------------------------------------------------


def test_chat_image_reaches_the_image_check_issue12(
    wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    buyer, _seller, post = pair()
    with_openid(buyer, "o_chat_image")
    conversation_id = open_chat(buyer, post)["conversation_id"]
    image = upload_chat_image(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        sent = buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": image})
    assert sent.status_code == 201
    assert len(wechat.server.state.media_checks) == 1
    check = MediaCheck.objects.get()
    assert (check.target_type, check.target_id) == ("messaging.message", str(sent.json()["id"]))
    assert str(check.file_id) == image


def test_chat_text_goes_to_msgseccheck_with_scene_2_issue12(wechat: FakeWeChat) -> None:
    buyer, _seller, post = pair()
    with_openid(buyer, "o_chat_text")
    conversation_id = open_chat(buyer, post)["conversation_id"]
    assert (
        buyer.post(f"messaging/conversations/{conversation_id}/messages", {"text": "请问还有货吗"}).status_code == 201
    )
    assert ("请问还有货吗", 2) in [(c["content"], c["scene"]) for c in wechat.server.state.text_checks]


def test_chat_message_asking_for_a_deposit_is_held_not_delivered_issue12() -> None:
    buyer, seller, post = pair(buyer_type="worker")
    conversation_id = open_chat(buyer, post)["conversation_id"]
    ask = "入职前需先交押金300元，培训费另收"
    assert seller.post(f"messaging/conversations/{conversation_id}/messages", {"text": ask}).status_code == 201
    message = Message.objects.order_by("-pk").first()
    assert message is not None and message.is_flagged is True
    assert message.moderation["held"] is True
    assert any("押金" in reason for reason in message.moderation["reasons"])
    worker_view = buyer.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]
    assert worker_view["text"] == HELD_TEXT
    own_view = seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]
    assert own_view["text"] == ask


@pytest.mark.parametrize(
    "text",
    [
        "本岗位不收取任何费用",
        "不收押金，不收中介费",
        "无需缴纳保证金，包吃住",
        "谨防收取培训费的骗子",
        "材料由我方提供",
        "厂方承担体检费，不押身份证",
        "工资日结，月底发放",
    ],
)
def test_benign_wording_about_fees_is_delivered_issue12(text: str) -> None:
    buyer, seller, post = pair(buyer_type="worker")
    conversation_id = open_chat(buyer, post)["conversation_id"]
    assert seller.post(f"messaging/conversations/{conversation_id}/messages", {"text": text}).status_code == 201
    assert buyer.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]["text"] == text
    message = Message.objects.order_by("-pk").first()
    assert message is not None and not message.moderation.get("held")


def test_flagged_chat_word_from_an_author_without_openid_is_held_issue12() -> None:
    make_keyword("私下转账", action=KeywordAction.FLAG)
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    assert (
        buyer.post(f"messaging/conversations/{conversation_id}/messages", {"text": "可以私下转账"}).status_code == 201
    )
    assert seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]["text"] == HELD_TEXT


# --- posts on the labour and processing boards ---------------------------------------------------------


def console(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password="review-pass-123")
    return client


def submit(client: Any, payload: dict[str, Any]) -> Post:
    created = client.post("listings/posts", payload)
    assert created.status_code in (200, 201), created
    submitted = client.post(f"listings/posts/{created.json()['id']}/submit")
    assert submitted.status_code == 200, submitted
    return Post.objects.get(pk=created.json()["id"])


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (PostKind.LABOUR, "入职需交押金500元，工作满三个月退还一半"),
        (PostKind.LABOUR, "上岗前先交体检费和服装费共200元"),
        (PostKind.LABOUR, "统一收取报名费 50 元"),
        (PostKind.LABOUR, "上班前押身份证，干满一个月归还"),
        (PostKind.PROCESSING_DEMAND, "加工方须先缴纳保证金两千元再发料"),
        (PostKind.PROCESSING_DEMAND, "材料费需要加工厂预付"),
    ],
)
def test_post_asking_workers_or_processors_for_money_is_held_with_its_reason_in_the_console_issue12(
    kind: str, text: str
) -> None:
    client = signed_in_client(make_publisher("factory"))
    field = "requirements" if kind == PostKind.LABOUR else "specification"
    post = submit(client, valid_payload(kind, client.user, **{field: text}))
    assert post.status == PostStatus.PENDING and post.is_flagged is True
    assert post.moderation["fee_requests"] and post.moderation["fee_requests"][0]["field"] == field
    reviewer = console(make_reviewer())
    queue = reviewer.get(reverse("admin:listings_reviewqueueitem_changelist")).content.decode()
    assert "疑似收费" in queue and post.moderation["fee_requests"][0]["fee"] in queue
    item = reviewer.get(reverse("admin:listings_reviewqueueitem_change", args=[post.pk]), follow=True).content.decode()
    assert "疑似向对方收费" in item and text[:6] in item  # the workbench names the rule in place


def test_benign_labour_post_about_fees_is_not_held_for_fees_issue12() -> None:
    client = with_openid(signed_in_client(make_publisher("factory")), "o_labour")
    post = submit(client, valid_payload(PostKind.LABOUR, client.user, requirements="本岗位不收取任何费用，包吃住"))
    assert post.moderation["fee_requests"] == []
    assert post.is_flagged is False


def test_fees_on_other_boards_are_not_a_scam_signal_issue12() -> None:
    client = with_openid(signed_in_client(make_publisher("factory")), "o_service")
    post = submit(
        client, valid_payload(PostKind.PROCESSING_SERVICE, client.user, price_description="开模费另收 3000 元")
    )
    assert post.moderation["fee_requests"] == [] and post.is_flagged is False


def test_post_text_goes_to_msgseccheck_with_scene_3_issue12(wechat: FakeWeChat) -> None:
    client = with_openid(signed_in_client(make_publisher("factory")), "o_post")
    submit(client, valid_payload(PostKind.STOCK, client.user))
    assert {c["scene"] for c in wechat.server.state.text_checks} == {3}


# --- complaints, feedback, application notes -----------------------------------------------------------


def test_banned_word_in_complaint_feedback_or_application_note_is_refused_issue12() -> None:
    make_keyword("代开发票", action=KeywordAction.BLOCK)
    buyer, _seller, post = pair(buyer_type="worker")
    complaint = buyer.post(
        "complaints",
        {"target_type": "post", "target_id": post.pk, "category": "fraud", "description": "他说可以代开发票，很可疑"},
    )
    assert complaint.status_code == 422 and field_of(complaint) == ["description"]
    feedback = buyer.post("feedback", {"category": "suggestion", "content": "有人私信说能代开发票"})
    assert feedback.status_code == 422 and field_of(feedback) == ["content"]

    job = make_post(kind=PostKind.LABOUR, status=PostStatus.PUBLISHED)
    note = buyer.post("applications", {"post_id": job.pk, "note": "我能代开发票"})
    assert note.status_code == 422 and field_of(note) == ["note"]


def test_risky_verdict_on_a_chat_image_withdraws_it_from_the_recipient_issue12(
    api: Any, wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    buyer, seller, post = pair()
    with_openid(buyer, "o_chat_risky")
    conversation_id = open_chat(buyer, post)["conversation_id"]
    image = upload_chat_image(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        buyer.post(f"messaging/conversations/{conversation_id}/messages", {"file_id": image})
    assert seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]["file"] is not None
    record_media_verdict(trace_id=MediaCheck.objects.get().trace_id, suggest="risky", label=20002)
    seen = seller.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]
    assert seen["file"] is None and seen["text"] == HELD_TEXT
    assert buyer.get(f"messaging/conversations/{conversation_id}/messages").json()["items"][-1]["file"] is not None


def test_risky_verdict_on_an_avatar_clears_it_issue12(
    wechat: FakeWeChat, django_capture_on_commit_callbacks: Any
) -> None:
    client = with_openid(signed_in_client(), "o_avatar_risky")
    avatar = upload(client, "avatar")
    with django_capture_on_commit_callbacks(execute=True):
        client.patch("me", {"avatar_url": f"/api/files/{avatar}"})
    record_media_verdict(trace_id=MediaCheck.objects.get().trace_id, suggest="risky", label=20002)
    assert client.get("me").json()["avatar_url"] == ""
