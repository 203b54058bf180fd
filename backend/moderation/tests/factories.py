"""Builders for moderation tests: real keyword rows, saved the way the console saves them."""

from __future__ import annotations

from typing import Any

from moderation.models import BannedKeyword, KeywordAction, KeywordCategory


def make_keyword(
    word: str,
    *,
    action: str = KeywordAction.BLOCK,
    category: str = KeywordCategory.ILLEGAL,
    is_active: bool = True,
    note: str = "",
    match_homophones: bool = False,
) -> BannedKeyword:
    return BannedKeyword.objects.create(
        word=word,
        action=action,
        category=category,
        is_active=is_active,
        note=note,
        match_homophones=match_homophones,
    )


def push_media_verdict(api: Any, trace_id: str, suggest: str = "risky", label: int = 20002) -> None:
    """WeChat's signed push of a mediaCheckAsync verdict to /api/moderation/wechat-events."""
    import hashlib

    from django.conf import settings

    timestamp, nonce = "1700000000", "n0nce"
    signature = hashlib.sha1("".join(sorted([settings.WECHAT_PUSH_TOKEN, timestamp, nonce])).encode()).hexdigest()
    event = {
        "ToUserName": "gh_test",
        "FromUserName": "o_system",
        "MsgType": "event",
        "Event": "wxa_media_check",
        "appid": settings.WECHAT_APP_ID,
        "trace_id": trace_id,
        "version": 2,
        "errcode": 0,
        "result": {"suggest": suggest, "label": label},
    }
    query = f"?signature={signature}&timestamp={timestamp}&nonce={nonce}"
    response = api.post("/api/moderation/wechat-events" + query, event)
    assert response.status_code == 200, response
