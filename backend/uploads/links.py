"""The URLs clients use to fetch stored files. They always point at ``/api/files/<id>`` (never at
MEDIA_URL or a storage bucket), so every read goes through the access check in ``uploads.access``.

Why private URLs carry a signature: the mini-program's ``<image>``/``<video>`` and the H5 ``<img>``
cannot send an ``Authorization`` header. Rather than accepting the bearer token in the query string
(it would then sit in logs, histories and Referer headers, and unlock the whole account for 30 days),
a URL minted for a reader who passed the access check carries ``?sig=``: an HMAC (SECRET_KEY, salted)
over the file id and variant with a timestamp. It unlocks that one file only, for at most
``2 × UPLOAD_SIGNED_URL_SECONDS``. The timestamp is rounded down to a window so the URL stays the same
within the window and image caches keep working. A bearer header still works without ``sig``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.utils.http import urlencode

if TYPE_CHECKING:
    from uploads.models import StoredFile

FILE = "file"
THUMBNAIL = "thumbnail"
_SALT = "uploads.file-link"


def _window() -> int:
    return int(getattr(settings, "UPLOAD_SIGNED_URL_SECONDS", 3600))


class _WindowSigner(signing.TimestampSigner):
    def timestamp(self) -> str:
        window = _window()
        return signing.b62_encode(int(time.time()) // window * window)


def _signer() -> _WindowSigner:
    return _WindowSigner(salt=_SALT)


def _value(file_id: object, variant: str) -> str:
    return f"{file_id}/{variant}"


def sign(file_id: object, variant: str) -> str:
    value = _value(file_id, variant)
    return _signer().sign(value)[len(value) + 1 :]


def signature_valid(file_id: object, variant: str, sig: str | None) -> bool:
    if not sig:
        return False
    try:
        _signer().unsign(f"{_value(file_id, variant)}:{sig}", max_age=2 * _window())
    except signing.BadSignature:
        return False
    return True


def _url(stored_file: StoredFile, variant: str) -> str:
    path = f"/api/files/{stored_file.pk}" + ("/thumbnail" if variant == THUMBNAIL else "")
    if stored_file.is_private:
        path += "?" + urlencode({"sig": sign(stored_file.pk, variant)})
    return path


def file_url(stored_file: StoredFile) -> str:
    """Only hand this to a reader who may read the file (``uploads.access.can_read``)."""
    return _url(stored_file, FILE)


def thumbnail_url(stored_file: StoredFile) -> str | None:
    return _url(stored_file, THUMBNAIL) if stored_file.thumbnail else None
