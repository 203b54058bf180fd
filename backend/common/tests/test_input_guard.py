"""Inputs that used to break the server answer a clear 4xx in the one error shape (issue #12 item 4).

R-OPS: every error is ``{code, message, detail}``; validation errors name the field.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from common.testing import ApiClient, ApiResponse, png_bytes
from listings.tests.factories import publisher_client, valid_payload

pytestmark = pytest.mark.django_db


def fields_of(response: ApiResponse) -> list[str]:
    body = response.json()
    assert set(body) == {"code", "message", "detail"}, body
    return [item["field"] for item in body["detail"] or []]


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_control_characters_in_a_text_field_are_refused_naming_the_field(make_client: Any, character: str) -> None:
    """A NUL (PostgreSQL cannot store it) or another control character: 422 naming the field."""
    client = make_client()
    response = client.patch("me", {"display_name": f"张{character}三"})
    assert response.status_code == 422, response
    assert response.json()["code"] == "validation_error"
    assert fields_of(response) == ["display_name"]
    assert "控制字符" in response.json()["message"]
    assert client.get("me").json()["display_name"] != f"张{character}三"


def test_ordinary_line_breaks_and_tabs_are_kept(make_client: Any) -> None:
    client = make_client(account_type="factory")
    response = client.post("feedback", {"content": "第一行\n第二行\t有制表符\r\n完"})
    assert response.status_code < 300, response


def test_nul_in_a_post_body_names_the_field_inside_the_kind_form() -> None:
    """Post bodies are parsed per kind from a plain JSON object; the check still names ``title``."""
    client = publisher_client("factory")
    response = client.post("listings/posts", valid_payload("stock", title="注塑\x00加工", owner=client.user))
    assert response.status_code == 422, response
    assert fields_of(response) == ["title"]


def test_nul_in_a_query_parameter_is_refused(api: ApiClient) -> None:
    response = api.get("search", {"q": "保温杯\x00"})
    assert response.status_code == 422, response
    assert fields_of(response) == ["q"]


def test_lone_surrogate_in_json_is_refused(make_client: Any) -> None:
    client = make_client()
    response = client.request("PATCH", "me", data='{"display_name": "\\ud800"}', content_type="application/json")
    assert response.status_code == 422, response
    assert fields_of(response) == ["display_name"]


@pytest.mark.parametrize("page", [2**64, 10**30])
def test_page_numbers_beyond_64_bits_are_422(make_client: Any, page: int) -> None:
    client = make_client()
    for path in ("notifications", "favourites", "uploads", "messaging/connections", "discovery/factories"):
        response = client.get(path, {"page": page})
        assert response.status_code == 422, (path, response)
        assert fields_of(response) == ["page"], path


def test_a_page_far_past_the_end_is_empty_not_an_error(make_client: Any) -> None:
    """Within 64 bits but with an offset the database cannot hold: an empty page."""
    client = make_client()
    response = client.get("notifications", {"page": 2**62, "page_size": 100})
    assert response.status_code == 200, response
    assert response.json()["items"] == []


def test_a_page_whose_offset_exceeds_64_bits_is_empty_on_every_kind_of_list(make_client: Any) -> None:
    """Found by schemathesis after the capped counts (issue #13): page × page_size past 64 bits must not
    reach the database as a LIMIT (it answered 500)."""
    client = make_client()
    for path in ("qualifications/mine", "messaging/conversations", "feedback/mine", "discovery/factories"):
        response = client.get(path, {"page": 9049742484843532288, "page_size": 20})
        assert response.status_code == 200, (path, response)
        assert response.json()["items"] == [], path


def test_ids_beyond_64_bits_are_422(api: ApiClient, make_client: Any) -> None:
    response = api.get(f"listings/posts/{2**70}")
    assert response.status_code == 422, response
    assert fields_of(response) == ["post_id"]
    client = make_client()
    response = client.post("favourites", {"post_id": 2**64})
    assert response.status_code == 422, response
    assert fields_of(response) == ["post_id"]


@pytest.mark.parametrize("kind", [{"a": 1}, ["stock"], 7, True])
def test_kind_of_the_wrong_json_type_is_422(kind: Any) -> None:
    client = publisher_client("factory")
    response = client.post("listings/posts", {**valid_payload("stock"), "kind": kind})
    assert response.status_code == 422, response
    assert fields_of(response) == ["kind"]


@pytest.mark.parametrize("body", [b"{not json", b'{"display_name": "\xff\xfe"}', b"\xef\xbb\xbf{}" * 3])
def test_a_body_that_is_not_json_is_400_in_chinese(make_client: Any, body: bytes) -> None:
    client = make_client()
    response = client.request("PATCH", "me", data=body, content_type="application/json")
    assert response.status_code == 400, response
    assert response.json() == {"code": "json_invalid", "message": "请求内容不是有效的 JSON", "detail": None}


def test_a_json_body_over_the_limit_is_413(make_client: Any, settings: Any) -> None:
    """One setting (DATA_UPLOAD_MAX_MEMORY_SIZE) limits every API body; the answer names the limit."""
    client = make_client()
    body = json.dumps({"content": "很" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 3 + 10)})
    response = client.request("POST", "feedback", data=body, content_type="application/json")
    assert response.status_code == 413, response
    assert response.json()["code"] == "payload_too_large"
    assert response.json()["detail"] == {"limit_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
    small = client.post("feedback", {"content": "界面很好用，建议增加夜间模式"})
    assert small.status_code < 300, small


def test_an_upload_is_not_held_to_the_body_limit(make_client: Any, settings: Any) -> None:
    """Uploads keep their own per-kind limits: a file larger than the body limit still uploads."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = make_client()
    image = png_bytes(size=(600, 600))
    assert len(image) > 1024
    upload = SimpleUploadedFile("a.png", image, content_type="image/png")
    response = client.upload("uploads", files={"file": upload}, data={"purpose": "chat_attachment"})
    assert response.status_code == 201, response


def _raw_multipart(client: ApiClient, content_type: str, body: bytes) -> ApiResponse:
    django_client: Client = client.client
    return ApiResponse(
        django_client.post("/api/uploads", data=body, content_type=content_type, headers=client._headers(None))
    )


@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\x01bad boundary"],
)
def test_malformed_multipart_is_400(make_client: Any, content_type: str) -> None:
    client = make_client()
    response = _raw_multipart(client, content_type, b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--")
    assert response.status_code == 400, response
    assert response.json()["code"] == "bad_request"


def test_an_over_long_file_name_is_422(make_client: Any) -> None:
    client = make_client()
    name = "很" * 400 + ".png"
    upload = SimpleUploadedFile(name, png_bytes(), content_type="image/png")
    response = client.upload("uploads", files={"file": upload}, data={"purpose": "chat_attachment"})
    assert response.status_code == 422, response
    assert fields_of(response) == ["file"]
    assert "文件名过长" in response.json()["message"]


def test_an_over_long_wechat_code_is_422(api: ApiClient) -> None:
    response = api.post("auth/wechat-sign-in", {"code": "a" * 100_000})
    assert response.status_code == 422, response
    assert fields_of(response) == ["code"]


def test_unread_notification_count_is_described_as_it_is_answered(make_client: Any, api: ApiClient) -> None:
    """The two unread-count endpoints have their own schemas in /api/openapi.json."""
    document = api.get("/api/openapi.json").json()

    def schema_of(path: str) -> dict[str, Any]:
        ref = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        return dict(document["components"]["schemas"][ref.rsplit("/", 1)[1]])

    client = make_client()
    for path, api_path in (
        ("notifications/unread-count", "/api/notifications/unread-count"),
        ("messaging/unread-count", "/api/messaging/unread-count"),
    ):
        answer = client.get(path).json()
        assert set(schema_of(api_path)["properties"]) == set(answer), path


@pytest.mark.parametrize(
    ("params", "field"),
    [({"quantity_min": "NaN"}, "quantity_min"), ({"price_max": "Infinity"}, "price_max")],
)
def test_validation_messages_of_wrong_numbers_are_chinese(api: ApiClient, params: dict[str, str], field: str) -> None:
    response = api.get("discovery/stock", params)
    assert response.status_code == 422, response
    assert fields_of(response) == [field]
    assert response.json()["message"] == f"{field}：应为有限的数字"


def test_an_object_where_a_list_of_ids_belongs_is_422_in_chinese(make_client: Any) -> None:
    client = make_client()
    response = client.post("notifications/read", {"ids": {"a": 1}})
    assert response.status_code == 422, response
    assert fields_of(response) == ["ids"]
    assert response.json()["message"] == "ids：应为列表"
