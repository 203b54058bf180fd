"""The one moderation pipeline for user content (issue #12; R-FLOW-2, R-OPS-1).

Every place where a user's text or images become visible to someone else calls :func:`screen` with its
place name (apps below moderation call it through ``common.screening.screen``). :data:`PLACES` says, per
place, which checks run and what a hit does:

* ``REFUSE`` — 422 naming the field (``content_blocked`` for banned words, ``validation_error`` otherwise);
* ``HOLD``   — the content waits for a human reviewer (posts and factory edits: the review queue; chat: the
  message is kept but the recipient sees :data:`HELD_TEXT` until a reviewer releases it);
* ``MASK``   — contact details are masked for the reader (chat, until the sender shares their phone);
* ``FLAG``   — shown, but marked for the console;
* ``PASS``   — nothing.

Checks: the keyword automaton and contact detection (``moderation.engine`` / ``moderation.contacts``),
fee-asking and impersonating names (``moderation.rules``), WeChat ``msgSecCheck`` v2 with the place's
``scene`` (1 资料, 2 评论, 3 论坛, 4 社交日志) and ``mediaCheckAsync`` for every image (after commit, through
``moderation.media.request_media_checks``). An author without an openid (H5 / SMS sign-in) gets no WeChat
verdict, so what our own checks are unsure about (``FLAG`` outcomes) is held for review instead.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from accounts.models import User
from common.errors import AppError, field_error
from common.tasks import enqueue
from moderation.media import request_media_checks
from moderation.rules import find_fee_requests, impersonation
from moderation.services import ModerationResult, check_content
from uploads.models import FilePurpose
from uploads.selectors import files_owned_by

HELD_TEXT = "该消息正在等待平台审核"
_OWN_FILE_URL = re.compile(r"^/api/files/(?P<id>[0-9a-fA-F-]{32,36})(?:/thumbnail)?$")


class Outcome(StrEnum):
    PASS = "pass"
    FLAG = "flag"
    MASK = "mask"
    HOLD = "hold"
    REFUSE = "refuse"


_STRENGTH = {Outcome.PASS: 0, Outcome.MASK: 1, Outcome.FLAG: 2, Outcome.HOLD: 3, Outcome.REFUSE: 4}


class Scene(IntEnum):
    """WeChat msgSecCheck v2 / mediaCheckAsync ``scene``."""

    PROFILE = 1  # 资料
    COMMENT = 2  # 评论
    FORUM = 3  # 论坛
    SOCIAL_LOG = 4  # 社交日志


@dataclass(frozen=True)
class Rule:
    label: str
    scene: Scene
    on_block: Outcome = Outcome.REFUSE  # a 拦截 keyword
    on_flag: Outcome = Outcome.HOLD  # a 送审标记 keyword
    on_contact: Outcome = Outcome.HOLD  # phone / WeChat / QQ / link
    on_wechat_risky: Outcome = Outcome.HOLD  # msgSecCheck says risky or review
    on_fee_request: Outcome = Outcome.PASS  # asks workers / processors for money
    names: tuple[str, ...] = ()  # fields refused when they impersonate the platform
    # fields holding the URL of a file: only the author's own upload for ``url_purpose`` is accepted (no
    # outside URLs, no ``javascript:``); the file goes to the image check instead of the text checks
    url_fields: tuple[str, ...] = ()
    url_purpose: str = ""
    images: bool = True  # images go to mediaCheckAsync


PLACES: dict[str, Rule] = {
    # Posts on the boards and their edits; fee asking only matters on the labour and processing boards
    # (the caller passes place="post_fee_checked" for those).
    "post": Rule("发布信息", Scene.FORUM),
    "post_fee_checked": Rule("发布信息", Scene.FORUM, on_fee_request=Outcome.HOLD),
    # A factory's public page: its name may not impersonate the platform.
    "factory_profile": Rule("工厂资料", Scene.PROFILE, names=("name",)),
    # Names are shown everywhere at once and cannot wait for a reviewer: anything doubtful is refused.
    "display_name": Rule(
        "昵称",
        Scene.PROFILE,
        on_flag=Outcome.REFUSE,
        on_contact=Outcome.REFUSE,
        on_wechat_risky=Outcome.REFUSE,
        names=("display_name",),
    ),
    "avatar": Rule("头像", Scene.PROFILE, url_fields=("avatar_url",), url_purpose=FilePurpose.AVATAR),
    # Chat: contacts masked until shared, flagged words marked for the console, fee asking held.
    "chat_text": Rule(
        "聊天消息",
        Scene.COMMENT,
        on_flag=Outcome.FLAG,
        on_contact=Outcome.MASK,
        on_wechat_risky=Outcome.FLAG,
        on_fee_request=Outcome.HOLD,
    ),
    "chat_file": Rule("聊天附件", Scene.COMMENT, on_flag=Outcome.FLAG, on_contact=Outcome.FLAG),
    # Read by staff, who are the human review: banned words refused, nothing else to hold. Their images
    # (evidence, screenshots) go to the image check like all others; a risky verdict is noted on the
    # complaint for its handler (evidence is kept) and takes the image off a feedback (support.services).
    "complaint": Rule(
        "投诉", Scene.COMMENT, on_flag=Outcome.PASS, on_contact=Outcome.PASS, on_wechat_risky=Outcome.PASS
    ),
    "feedback": Rule(
        "意见反馈", Scene.COMMENT, on_flag=Outcome.PASS, on_contact=Outcome.PASS, on_wechat_risky=Outcome.PASS
    ),
    # Read by the employer at once (no queue): WeChat's risky verdict refuses; a worker may leave a phone.
    "application_note": Rule(
        "报名留言", Scene.COMMENT, on_flag=Outcome.PASS, on_contact=Outcome.PASS, on_wechat_risky=Outcome.REFUSE
    ),
}


@dataclass
class Screened:
    place: str
    outcome: Outcome
    moderation: ModerationResult
    reasons: list[str] = field(default_factory=list)
    fee_requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return self.outcome == Outcome.HOLD

    @property
    def needs_attention(self) -> bool:
        return _STRENGTH[self.outcome] >= _STRENGTH[Outcome.FLAG]

    def as_detail(self) -> dict[str, Any]:
        return {
            **self.moderation.as_detail(),
            "outcome": str(self.outcome),
            "reasons": self.reasons,
            "fee_requests": self.fee_requests,
        }


def _stronger(a: Outcome, b: Outcome) -> Outcome:
    return a if _STRENGTH[a] >= _STRENGTH[b] else b


def _refuse_blocked(rule: Rule, result: ModerationResult) -> AppError:
    words = "、".join(result.blocked_words)
    fields = list(dict.fromkeys(hit.field for hit in result.blocked))
    return AppError(
        "content_blocked",
        f"内容包含违禁词：{words}，请修改后再提交",
        detail={**result.as_detail(), "fields": fields, "place": rule.label},
        status=422,
    )


def _own_upload(url: str, *, author: User | None, purpose: str, field_name: str) -> list[Any]:
    match = _OWN_FILE_URL.match(url.strip())
    if match is None or author is None:
        raise field_error(field_name, "own_upload", "只能使用在本平台上传的图片")
    return files_owned_by(user=author, ids=[match["id"]], purposes=[purpose], field=field_name)


def check_images(*, place: str, files: Iterable[Any], author: User | None, target: Any) -> None:
    """After commit, a worker sends each image of ``files`` to WeChat's mediaCheckAsync with the place's
    scene (the effect ``moderation.check_images``); a risky verdict reaches ``target``'s verdict handler
    (``moderation.media.register_verdict_handler``)."""
    rule = PLACES[place]
    images = list(files)
    if not rule.images or not images or author is None:
        return
    label = target._meta.label_lower if target is not None else ""
    enqueue(
        "moderation.check_images",
        key=f"moderation.images:{place}:{label}:{getattr(target, 'pk', '')}:{uuid.uuid4().hex}",
        target=target,
        place=place,
        file_ids=[str(f.pk) for f in images],
        author_id=author.pk,
    )


def send_image_checks(
    *, place: str, files: Iterable[Any], author: User, target: Any, already_sent: Iterable[Any] = ()
) -> None:
    """Sends now (from a worker) the images of ``place`` not in ``already_sent``, with its scene."""
    rule = PLACES[place]
    if rule.images:
        request_media_checks(
            files=files, author=author, target=target, scene=int(rule.scene), already_sent=already_sent
        )


def screen(
    *,
    place: str,
    texts: dict[str, str],
    author: User | None,
    files: Iterable[Any] = (),
    target: Any = None,
) -> Screened:
    """Runs ``place``'s checks on ``texts`` (field name → text) and, after commit, sends ``files`` (images)
    to WeChat's image check against ``target``. Raises 422 for a refused hit; otherwise says what to do."""
    rule = PLACES[place]
    texts = {name: text for name, text in texts.items() if text}
    has_openid = bool(getattr(author, "wechat_openid", "") or "")
    for name in rule.names:
        word = impersonation(texts.get(name, ""))
        if word is not None:
            raise field_error(name, "impersonation", f"名称不能包含「{word}」等易与平台或其工作人员混淆的字样")

    files = list(files)
    for name in rule.url_fields:
        url = texts.pop(name, "")
        if url:
            files += _own_upload(url, author=author, purpose=rule.url_purpose, field_name=name)

    result = check_content(texts=texts, author=author, use_wechat=bool(texts), scene=int(rule.scene))
    outcome, reasons = Outcome.PASS, []

    def apply(hit: Outcome, reason: str, field_name: str) -> None:
        nonlocal outcome
        if hit == Outcome.FLAG and not has_openid:
            hit = Outcome.HOLD  # no WeChat verdict to lean on: a person decides
        if hit == Outcome.REFUSE:
            raise field_error(field_name, "moderation", f"{rule.label}{reason}，请修改后再提交")
        if hit != Outcome.PASS:
            reasons.append(reason)
        outcome = _stronger(outcome, hit)

    if result.blocked:
        if rule.on_block == Outcome.REFUSE:
            raise _refuse_blocked(rule, result)
        apply(rule.on_block, "包含违禁词：" + "、".join(result.blocked_words), result.blocked[0].field)
    if result.flagged:
        apply(rule.on_flag, "包含敏感词：" + "、".join(result.flagged_words), result.flagged[0].field)
    if result.contacts:
        kinds = "、".join(sorted({hit.kind for hit in result.contacts}))
        apply(rule.on_contact, f"包含联系方式（{kinds}）", result.contacts[0].field)
    if result.wechat_risky:
        apply(rule.on_wechat_risky, "微信内容安全检测疑似违规", next(iter(texts), "text"))
    fee_requests = find_fee_requests(texts) if rule.on_fee_request != Outcome.PASS else []
    for request in fee_requests:
        apply(rule.on_fee_request, request.reason, request.field)

    if target is not None:
        check_images(place=place, files=files, author=author, target=target)
    return Screened(
        place=place,
        outcome=outcome,
        moderation=result,
        reasons=list(dict.fromkeys(reasons)),
        fee_requests=[{"field": r.field, "fee": r.fee, "clause": r.clause} for r in fee_requests],
    )


def clear_risky_avatar(target_id: str, check: Any) -> None:
    """WeChat judged an avatar risky: the account shows no avatar until it uploads another one."""
    User.objects.filter(pk=int(target_id), avatar_url__contains=str(check.file_id)).update(avatar_url="")
