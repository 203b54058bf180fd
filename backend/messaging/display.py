"""What one participant sees of a message or of the other participant (R-PLUS-3).

A message's contact details (phone numbers, WeChat IDs, links) are shown to the recipient masked until
the sender shares contact details in that conversation; the sender always sees their own text.
Rows reach here annotated by ``messaging.selectors`` with ``viewer_id`` and ``sender_shared``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.core.exceptions import ObjectDoesNotExist

from common.crypto import mask_phone
from common.presentation import Decorated
from messaging.models import MessageKind
from moderation.pipeline import HELD_TEXT

if TYPE_CHECKING:
    from accounts.models import User

ERASED_TEXT = "该消息已删除"
REJECTED_TEXT = "该消息未通过平台审核，未送达"


def review_state(message: Any) -> str | None:
    """``held`` (waiting for a reviewer), ``rejected`` (a reviewer refused it) or None (delivered)."""
    moderation = message.moderation or {}
    if moderation.get("review") == "rejected":
        return "rejected"
    return "held" if moderation.get("held") else None


def _withheld_text(message: Any) -> str:
    return REJECTED_TEXT if review_state(message) == "rejected" else HELD_TEXT


def message_text(message: Any, *, viewer_id: int | None, sender_shared: bool) -> str:
    if message.kind in (MessageKind.IMAGE, MessageKind.FILE):
        return _withheld_text(message) if message.sender_id != viewer_id and is_held(message) else ""
    if not message.text and not message.masked_text:
        return ERASED_TEXT
    if message.sender_id == viewer_id or message.kind == MessageKind.CONTACT_SHARE:
        return str(message.text)
    if is_held(message):
        return _withheld_text(message)  # held by the moderation pipeline (e.g. asks for a deposit): not delivered
    if sender_shared:
        return str(message.text)
    return str(message.masked_text or message.text)


def is_held(message: Any) -> bool:
    """Kept from the recipient: waiting for a reviewer, or rejected by one."""
    return review_state(message) is not None


def is_masked(message: Any, *, viewer_id: int | None, sender_shared: bool) -> bool:
    if message.sender_id != viewer_id and is_held(message):
        return True
    return bool(message.masked_text) and message.sender_id != viewer_id and not sender_shared


def preview(message: Any, *, viewer_id: int | None, sender_shared: bool) -> str:
    """One line for the conversation list."""
    if message is None:
        return ""
    if message.kind == MessageKind.IMAGE:
        return "[图片]"
    if message.kind == MessageKind.FILE:
        return "[文件]"
    if message.kind == MessageKind.CONTACT_SHARE:
        return "[联系方式]"
    return message_text(message, viewer_id=viewer_id, sender_shared=sender_shared)[:60]


def phone_for(user: User | None, *, shared: bool) -> str | None:
    """The other participant's phone: in full once they shared it here, masked before, None if none."""
    phone = getattr(user, "phone", "") or ""
    if not phone:
        return None
    return phone if shared else mask_phone(phone)


@dataclass(frozen=True, eq=False)
class Counterpart(Decorated):
    """The other participant as a conversation shows them: their phone as ``phone_for`` gives it."""

    wraps: ClassVar[str] = "user"

    user: User
    phone_shown: str | None


@dataclass(frozen=True, eq=False)
class ViewedMessage(Decorated):
    """A message with what ``MessageOut`` needs to show it to one participant, for a message not read
    through ``selectors.with_viewer`` (the push of one just written)."""

    wraps: ClassVar[str] = "message"

    message: Any
    viewer_id: int
    sender_shared: bool


def counterpart(user: User, *, shared: bool) -> Counterpart:
    return Counterpart(user=user, phone_shown=phone_for(user, shared=shared))


def organisation_name(user: User) -> str:
    """A factory account's factory name (from a ``select_related`` reverse one-to-one), else ''."""
    try:
        factory = user.factory
    except ObjectDoesNotExist:  # not a factory, or no profile yet
        return ""
    return str(factory.name) if factory is not None else ""
