"""A pre-check the client runs on a draft before submitting it, so the user fixes banned words early.
The real check runs again on submit (listings, messaging) — this endpoint only saves a round trip."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from common.auth import bearer, signed_in_user
from moderation import services
from moderation.schemas import PrecheckIn, PrecheckOut

router = Router(tags=["内容安全"])


@router.post("/moderation/precheck", response=PrecheckOut, auth=bearer, summary="提交前检查违禁词")
def precheck(request: HttpRequest, payload: PrecheckIn) -> dict[str, Any]:
    # No WeChat call here: a draft is checked as often as the user types, WeChat's quota is for submits.
    result = services.ensure_not_blocked(texts=payload.texts, author=signed_in_user(request), use_wechat=False)
    return {"passed": True, "contacts": result.contacts}


@router.get("/moderation/wechat-events", auth=None, include_in_schema=False)
def wechat_push_verify(request: HttpRequest) -> HttpResponse:
    """WeChat's server-URL verification: echo ``echostr`` when the signature is ours."""
    from moderation.media import push_signature_valid

    params = request.GET
    if not push_signature_valid(
        signature=params.get("signature", ""), timestamp=params.get("timestamp", ""), nonce=params.get("nonce", "")
    ):
        return HttpResponse("invalid signature", status=403)
    return HttpResponse(params.get("echostr", ""), content_type="text/plain")


@router.post("/moderation/wechat-events", auth=None, include_in_schema=False)
def wechat_push_event(request: HttpRequest) -> HttpResponse:
    """Push events from WeChat (JSON mode), e.g. the verdict of an asynchronous image check."""
    from moderation.media import handle_push_event, push_signature_valid

    params = request.GET
    if not push_signature_valid(
        signature=params.get("signature", ""), timestamp=params.get("timestamp", ""), nonce=params.get("nonce", "")
    ):
        return HttpResponse("invalid signature", status=403)
    try:
        event = json.loads(request.body or b"{}")
    except ValueError:
        return HttpResponse("bad json", status=400)
    handle_push_event(event if isinstance(event, dict) else {})
    return HttpResponse("success", content_type="text/plain")
