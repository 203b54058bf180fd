from __future__ import annotations

import uuid
from datetime import datetime

from ninja import Schema

from uploads import links
from uploads.models import StoredFile


class StoredFileOut(Schema):
    """A stored file as every app shows it; other apps nest it in their own Out schemas.

    ``url``/``thumbnail_url`` are paths under ``/api/files/``; for private files they carry a
    short-lived signature (see ``uploads.links``), so only give this to readers who passed
    ``uploads.access.can_read``.
    """

    id: uuid.UUID
    kind: str
    purpose: str
    content_type: str
    size: int
    width: int | None
    height: int | None
    url: str
    thumbnail_url: str | None
    original_name: str
    created_at: datetime

    @staticmethod
    def resolve_url(obj: StoredFile) -> str:
        return links.file_url(obj)

    @staticmethod
    def resolve_thumbnail_url(obj: StoredFile) -> str | None:
        return links.thumbnail_url(obj)
