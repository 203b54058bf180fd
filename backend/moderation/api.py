"""A pre-check the client runs on a draft before submitting it, so the user fixes banned words early.
The real check runs again on submit (listings, messaging) — this endpoint only saves a round trip."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
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
