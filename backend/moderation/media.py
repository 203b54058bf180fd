"""WeChat's asynchronous image check (R-OPS-1): images of user posts go to mediaCheckAsync; the verdict
comes back as a signed push event, and a risky image sends its post back to human review.

Domains register what a risky verdict means for their objects with ``register_verdict_handler``.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from common import screening
from common.errors import AppError
from moderation.models import MediaCheck, MediaCheckStatus
from uploads.links import file_url
from uploads.models import FileKind, StoredFile
from wechat.client import get_client

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

VerdictHandler = Callable[[str, MediaCheck], None]


def register_verdict_handler(target_type: str, handler: VerdictHandler) -> None:
    """``handler(target_id, check)`` runs when an image of a ``target_type`` object is judged risky (the
    registry is ``common.screening``'s, so apps beside moderation — factories — register there)."""
    screening.register_verdict_handler(target_type, handler)


def request_media_checks(
    *,
    files: Iterable[StoredFile],
    author: User,
    target: models.Model,
    scene: int = 1,
    already_sent: Iterable[Any] = (),
) -> list[MediaCheck]:
    """Sends each image to WeChat with the place's ``scene`` (from a worker: the effects
    ``listings.request_image_checks`` and ``moderation.check_images``). WeChat's v2 check needs the
    author's openid, so H5 accounts (no openid) rely on the human review alone.

    Files in ``already_sent`` are skipped. Each check is stored as soon as WeChat took it, so when WeChat
    fails part-way the ``WeChatError`` propagates and the retry skips the files already sent.
    """
    if not author.wechat_openid:
        return []
    skip = set(already_sent)
    checks = []
    for stored in files:
        if stored.kind != FileKind.IMAGE or stored.pk in skip:
            continue
        media_url = settings.PUBLIC_BASE_URL.rstrip("/") + file_url(stored)
        trace_id = get_client().check_media_async(media_url=media_url, openid=author.wechat_openid, scene=scene)
        checks.append(
            MediaCheck.objects.create(
                file=stored,
                target_type=target._meta.label_lower,
                target_id=str(target.pk),
                trace_id=trace_id or secrets.token_hex(8),
            )
        )
    return checks


def push_signature_valid(*, signature: str, timestamp: str, nonce: str) -> bool:
    """WeChat signs pushes with sha1 of the sorted token, timestamp and nonce."""
    expected = hashlib.sha1("".join(sorted([settings.WECHAT_PUSH_TOKEN, timestamp, nonce])).encode()).hexdigest()
    return secrets.compare_digest(expected, signature or "")


@transaction.atomic
def record_media_verdict(*, trace_id: str, suggest: str, label: int | None) -> MediaCheck | None:
    """Stores the verdict of a push event; unknown trace ids are ignored (WeChat may retry)."""
    check = MediaCheck.objects.select_for_update().filter(trace_id=trace_id).first()
    if check is None:
        return None
    if suggest not in MediaCheckStatus.values or suggest == MediaCheckStatus.PENDING:
        raise AppError("bad_verdict", "未知的检测结果", status=400)
    already = check.status
    check.status = suggest
    check.label = label
    check.resolved_at = timezone.now()
    check.save(update_fields=["status", "label", "resolved_at"])
    if suggest != MediaCheckStatus.PASS and already == MediaCheckStatus.PENDING:
        handler = screening.verdict_handler(check.target_type)
        if handler is not None:
            handler(check.target_id, check)
    return check


def handle_push_event(event: dict[str, Any]) -> None:
    if event.get("Event") != "wxa_media_check":
        return
    result = event.get("result") or {}
    record_media_verdict(
        trace_id=str(event.get("trace_id", "")), suggest=str(result.get("suggest", "")), label=result.get("label")
    )
