"""The content-check contract other apps call (R-FLOW-2 automatic check, R-OPS-1 double review)."""

from __future__ import annotations

import pytest

from accounts.tests.factories import make_user
from common.errors import AppError
from moderation.models import KeywordAction, KeywordCategory
from moderation.services import check_content, ensure_not_blocked, test_text
from moderation.tests.factories import make_keyword

pytestmark = pytest.mark.django_db


@pytest.fixture
def keywords() -> None:
    make_keyword("代开发票", category=KeywordCategory.ILLEGAL)
    make_keyword("赌博", category=KeywordCategory.ILLEGAL)
    make_keyword("押金", action=KeywordAction.FLAG, category=KeywordCategory.FRAUD)
    make_keyword("加微信", action=KeywordAction.FLAG, category=KeywordCategory.ADVERTISING)


def test_blocking_keyword_blocks_and_flag_keyword_flags_R_FLOW_2(keywords: None) -> None:
    result = check_content(texts={"title": "招工，需交押金", "description": "另可代开发票"}, use_wechat=False)
    assert result.is_blocked
    assert [(h.word, h.field, h.action) for h in result.blocked] == [("代开发票", "description", "block")]
    assert [(h.word, h.field, h.category) for h in result.flagged] == [("押金", "title", "fraud")]
    assert result.needs_attention


def test_clean_text_passes_without_attention_R_FLOW_2(keywords: None) -> None:
    result = check_content(texts={"title": "保温杯 500 个", "description": "交期 15 天，欢迎询价"}, use_wechat=False)
    assert not result.is_blocked
    assert not result.needs_attention
    assert result.as_detail() == {"blocked": [], "flagged": [], "contacts": [], "wechat_risky": False}


@pytest.mark.parametrize(
    "evasive",
    ["代 开-发*票", "代开發票", "代\u200b开\u200b发\u200b票", "代　开　发　票", "賭博", "赌 * 博", "ＤＡＩ代开发票"],
)
def test_evasive_forms_are_blocked_R_OPS_1(keywords: None, evasive: str) -> None:
    result = check_content(texts={"description": f"本公司{evasive}，欢迎来电"}, use_wechat=False)
    assert result.is_blocked
    hit = result.blocked[0]
    text = f"本公司{evasive}，欢迎来电"
    assert text[hit.start : hit.end] == hit.matched_text  # span of the original text, for highlighting
    assert hit.matched_text.strip() == evasive.removeprefix("ＤＡＩ")


def test_full_width_latin_keyword_R_OPS_1() -> None:
    make_keyword("VIP群", action=KeywordAction.FLAG, category=KeywordCategory.ADVERTISING)
    result = test_text("进ｖｉｐ 群领资料")
    assert [(h.word, h.matched_text) for h in result.flagged] == [("VIP群", "ｖｉｐ 群")]


def test_contacts_need_attention_but_do_not_block_R_OPS_1(keywords: None) -> None:
    result = check_content(texts={"description": "电话 1 3 8 1 2 3 4 5 6 7 8，QQ 123456"}, use_wechat=False)
    assert not result.is_blocked
    assert result.needs_attention
    assert [(c.kind, c.field) for c in result.contacts] == [("phone", "description"), ("qq", "description")]
    detail = result.as_detail()
    assert detail["contacts"][0] == {
        "kind": "phone",
        "field": "description",
        "start": 3,
        "end": 24,
        "matched_text": "1 3 8 1 2 3 4 5 6 7 8",
    }


def test_ensure_not_blocked_names_the_words_R_FLOW_2(keywords: None) -> None:
    with pytest.raises(AppError) as caught:
        ensure_not_blocked(texts={"title": "賭博", "description": "代 开 发 票，赌博"})
    error = caught.value
    assert error.code == "content_blocked"
    assert error.status_code == 422
    assert error.message == "内容包含违禁词：赌博、代开发票，请修改后再提交"
    assert {h["word"] for h in error.detail["blocked"]} == {"赌博", "代开发票"}


def test_ensure_not_blocked_returns_flags_for_review_R_FLOW_2(keywords: None) -> None:
    result = ensure_not_blocked(texts={"description": "加 微 信详聊"})
    assert not result.is_blocked
    assert [h.word for h in result.flagged] == ["加微信"]


def test_wechat_verdict_alone_flags_text_R_OPS_1(wechat) -> None:  # type: ignore[no-untyped-def]
    """The local list lacks 枪支; WeChat's msgSecCheck judges it risky, so the post needs a human look."""
    author = make_user(account_type="trade", wechat_openid="o-moderation-author-1")
    result = check_content(texts={"title": "出售枪支配件", "description": "量大从优"}, author=author)
    assert not result.is_blocked
    assert result.wechat_risky
    assert result.needs_attention
    assert result.wechat_trace_ids
    assert result.as_detail()["wechat_risky"] is True
    (check,) = wechat.text_checks()
    assert "出售枪支配件" in check["content"]
    assert check["trace_id"] == result.wechat_trace_ids[0]


def test_wechat_passes_clean_text_R_OPS_1(wechat) -> None:  # type: ignore[no-untyped-def]
    author = make_user(account_type="trade", wechat_openid="o-moderation-author-2")
    result = check_content(texts={"title": "保温杯代工"}, author=author)
    assert not result.wechat_risky
    assert not result.needs_attention
    assert len(wechat.text_checks()) == 1


def test_no_wechat_call_without_openid_or_when_disabled_R_OPS_1(wechat) -> None:  # type: ignore[no-untyped-def]
    phone_user = make_user(account_type="trade")
    check_content(texts={"title": "枪支"}, author=phone_user)
    check_content(texts={"title": "枪支"}, author=make_user(wechat_openid="o-x"), use_wechat=False)
    test_text("枪支")
    assert wechat.text_checks() == []


def test_wechat_outage_does_not_block_the_user_R_OPS_1(settings, caplog) -> None:  # type: ignore[no-untyped-def]
    settings.WECHAT_API_BASE = "http://127.0.0.1:9"  # nothing listens there: a real connection failure
    author = make_user(account_type="trade", wechat_openid="o-moderation-author-3")
    result = ensure_not_blocked(texts={"title": "枪支"}, author=author)
    assert not result.is_blocked
    assert not result.wechat_risky
    assert "WeChat msgSecCheck unavailable" in caplog.text


def test_long_text_is_sent_to_wechat_in_chunks_R_OPS_1(wechat) -> None:  # type: ignore[no-untyped-def]
    author = make_user(account_type="trade", wechat_openid="o-moderation-author-4")
    result = check_content(texts={"description": "保温杯" * 1000 + "博彩"}, author=author)
    assert len(wechat.text_checks()) == 2
    assert result.wechat_risky
