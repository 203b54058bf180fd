"""How the review center shows what the machine checks found on a post or an edit (R-OPS-1): banned and
sensitive words, typed-in contact details, fee-asking (anti-scam) with the clause, WeChat's verdict."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from listings import kinds

KEYWORD_CATEGORY_LABELS = {"phone": "手机号", "wechat": "微信号", "qq": "QQ", "url": "链接", "email": "邮箱"}


def hits_html(moderation: dict[str, Any] | None, *, kind: str | None = None) -> str:
    """Keyword hits and typed-in contact details, as the reviewer should see them: each with the field it
    was found in by its label (``kind``'s form), never the field's code."""
    moderation = moderation or {}

    def where(name: Any) -> str:
        if not name:
            return ""
        if name == "equipment":
            return "设备清单"
        try:
            return kinds.label_for(kind, str(name)) if kind else str(name)
        except KeyError:
            return "内容"

    parts: list[str] = []
    flagged = moderation.get("flagged") or []
    if flagged:
        parts.append(
            format_html(
                '<span style="color:#d97706;font-weight:600">敏感词：</span>{}',
                format_html_join("、", "{}（{}）", ((h.get("word"), where(h.get("field"))) for h in flagged)),
            )
        )
    contacts = moderation.get("contacts") or []
    if contacts:
        parts.append(
            format_html(
                '<span style="color:#dc2626;font-weight:600">联系方式：</span>{}',
                format_html_join(
                    "、",
                    "{} {}",
                    (
                        (KEYWORD_CATEGORY_LABELS.get(h.get("kind"), h.get("kind")), h.get("matched_text"))
                        for h in contacts
                    ),
                ),
            )
        )
    fee_requests = moderation.get("fee_requests") or []
    if fee_requests:
        parts.append(
            format_html(
                '<span style="color:#dc2626;font-weight:600">疑似收费：</span>{}',
                format_html_join(
                    "；",
                    "{}（{}）「{}」",
                    ((h.get("fee"), where(h.get("field")), h.get("clause")) for h in fee_requests),
                ),
            )
        )
    if moderation.get("wechat_risky"):
        parts.append(format_html('<span style="color:#dc2626;font-weight:600">{}</span>', "微信内容安全：疑似违规"))
    return format_html_join(mark_safe("<br>"), "{}", ((p,) for p in parts)) if parts else "—"
