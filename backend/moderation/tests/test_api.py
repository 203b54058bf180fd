"""The draft pre-check endpoint (R-FLOW-2): the user learns which words block a post before submitting."""

from __future__ import annotations

import pytest

from moderation.models import KeywordAction
from moderation.tests.factories import make_keyword

pytestmark = pytest.mark.django_db


def test_precheck_refuses_blocked_words_and_names_them_R_FLOW_2(make_client) -> None:  # type: ignore[no-untyped-def]
    make_keyword("代开发票")
    make_keyword("赌博")
    client = make_client()
    response = client.post("moderation/precheck", {"texts": {"title": "代 开-发*票", "description": "另有賭博"}})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "content_blocked"
    assert body["message"] == "内容包含违禁词：代开发票、赌博，请修改后再提交"
    assert [(h["field"], h["matched_text"]) for h in body["detail"]["blocked"]] == [
        ("title", "代 开-发*票"),
        ("description", "賭博"),
    ]


def test_precheck_passes_clean_text_and_reports_contacts_R_FLOW_2(make_client, wechat) -> None:  # type: ignore[no-untyped-def]
    make_keyword("押金", action=KeywordAction.FLAG)
    client = make_client()
    response = client.post("moderation/precheck", {"texts": {"description": "需交押金，电话 138 1234 5678"}})
    assert response.status_code == 200
    assert response.json() == {
        "passed": True,
        "contacts": [{"kind": "phone", "field": "description", "start": 8, "end": 21}],
    }
    assert wechat.text_checks() == []  # drafts do not spend WeChat's quota


def test_precheck_needs_sign_in_R_FLOW_2(api) -> None:  # type: ignore[no-untyped-def]
    response = api.post("moderation/precheck", {"texts": {"title": "赌博"}})
    assert response.status_code == 401


def test_precheck_limits_input_R_FLOW_2(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    assert client.post("moderation/precheck", {"texts": {}}).status_code == 422
    assert client.post("moderation/precheck", {"texts": {"title": "字" * 20001}}).status_code == 422
