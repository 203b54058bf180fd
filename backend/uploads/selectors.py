"""Reads of stored files, with the object-level access check."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from common.errors import NotFound, field_error
from uploads import access, links
from uploads.models import StoredFile

if TYPE_CHECKING:
    from accounts.models import User


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def get_file_for(*, user: User | None, file_id: Any) -> StoredFile:
    """The file if ``user`` (None for anonymous) may read it; otherwise NotFound, whether it exists
    or not, so ids of others' private files cannot be probed."""
    key = _as_uuid(file_id)
    stored = StoredFile.objects.filter(pk=key).first() if key else None
    if stored is None or not access.can_read(user, stored):
        raise NotFound("文件不存在或无权查看")
    return stored


def get_file_by_link(*, user: User | None, file_id: Any, variant: str, sig: str | None) -> StoredFile:
    """For ``/api/files/<id>``: a reader passes with a bearer token, or with a link signed for them."""
    if sig and links.signature_valid(file_id, variant, sig):
        key = _as_uuid(file_id)
        stored = StoredFile.objects.filter(pk=key).first() if key else None
        if stored is None:
            raise NotFound("文件不存在或无权查看")
        return stored
    return get_file_for(user=user, file_id=file_id)


def files_of(*, user: User, purpose: str | None = None) -> QuerySet[StoredFile]:
    qs = StoredFile.objects.filter(owner=user)
    if purpose:
        qs = qs.filter(purpose=purpose)
    return qs.order_by("-created_at", "pk")


def files_owned_by(
    *, user: User, ids: Iterable[Any], purposes: Iterable[str], field: str = "file_ids"
) -> list[StoredFile]:
    """The files ``ids`` in the order given (duplicates dropped), after checking each belongs to
    ``user`` and was uploaded for one of ``purposes``. Other apps call this before attaching files
    to a post, qualification, message or complaint; a failure names ``field``."""
    wanted: list[uuid.UUID] = []
    for raw in ids:
        key = _as_uuid(raw)
        if key is None:
            raise field_error(field, "invalid_file_id", "文件编号无效")
        if key not in wanted:
            wanted.append(key)
    if not wanted:
        return []
    found = {f.pk: f for f in StoredFile.objects.filter(pk__in=wanted, owner=user)}
    allowed = {str(p) for p in purposes}
    result = []
    for key in wanted:
        stored = found.get(key)
        if stored is None:
            raise field_error(field, "file_not_found", "文件不存在或不是你上传的，请重新上传")
        if stored.purpose not in allowed:
            raise field_error(field, "file_purpose_mismatch", "文件用途不符，请在此处重新上传")
        result.append(stored)
    return result
