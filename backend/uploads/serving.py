"""Streaming a stored file back with headers that stop a browser from treating it as a page.

The access decision is made before this is called (selectors / admin permission). The Content-Type
is the one decided from the content at upload time, ``nosniff`` forbids guessing another, and a
``sandbox`` CSP means even a document opened directly cannot run script on our origin. PDFs and
drawings download as attachments. Single byte ranges are answered (206) because iOS video players
refuse MP4 from servers without them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.conf import settings
from django.core.files.storage import Storage
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header

from common.errors import NotFound
from uploads import links
from uploads.models import FileKind, StoredFile

CHUNK = 64 * 1024
_ALIASES = {"jpg": ("jpeg",), "step": ("stp",)}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def download_name(stored: StoredFile) -> str:
    """The user's own name for the file, with the extension of what it really is."""
    name = stored.original_name or f"file-{str(stored.pk)[:8]}"
    _stem, dot, ext = name.rpartition(".")
    if dot and ext.lower() in {stored.extension, *_ALIASES.get(stored.extension, ())}:
        return name
    return f"{name}.{stored.extension}"


def _parse_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """(start, end) inclusive for one satisfiable range; None for no/ignored range; False if unsatisfiable."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match:
        return None  # multiple ranges or other units: answer the whole file, which RFC 9110 allows
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return False
    return start, end


def _stream(fh: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    try:
        fh.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fh.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        fh.close()


def file_response(request: HttpRequest, stored: StoredFile, variant: str) -> HttpResponse:
    field = stored.thumbnail if variant == links.THUMBNAIL else stored.file
    if not field or not field.name:
        raise NotFound("该文件没有缩略图" if variant == links.THUMBNAIL else "文件不存在或无权查看")
    if variant == links.THUMBNAIL:
        content_type = "image/png" if field.name.endswith(".png") else "image/jpeg"
    else:
        content_type = stored.content_type
    disposition = content_disposition_header(
        variant == links.FILE and stored.kind == FileKind.DRAWING, download_name(stored)
    ) or "inline"
    if getattr(settings, "UPLOAD_STORAGE_REDIRECT", False):
        return _storage_redirect(field.storage, field.name, content_type, disposition, stored.is_private)
    try:
        fh = field.storage.open(field.name, "rb")
        size = field.storage.size(field.name)
    except (FileNotFoundError, OSError) as exc:
        raise NotFound("文件不存在或已被删除") from exc

    wanted = _parse_range(request.headers.get("Range"), size) if variant == links.FILE else None
    response: HttpResponse | StreamingHttpResponse | FileResponse
    if wanted is False:
        fh.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif isinstance(wanted, tuple):
        start, end = wanted
        response = StreamingHttpResponse(_stream(fh, start, end - start + 1), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(fh, content_type=content_type)
        response["Content-Length"] = str(size)

    response["Content-Disposition"] = disposition
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # A file id never gets new content, so public files cache well; private ones stay out of shared caches.
    response["Cache-Control"] = "private, max-age=3600" if stored.is_private else "public, max-age=86400"
    return response  # type: ignore[return-value]


def _storage_redirect(
    storage: Storage, name: str, content_type: str, disposition: str, private: bool
) -> HttpResponseRedirect:
    """S3-compatible storage: send the reader to a URL the storage signs for this one object, valid for
    ``UPLOAD_SIGNED_URL_SECONDS``. The bucket stays private; the access check above has already passed;
    the storage answers byte ranges itself, and the response headers it must send (type decided from the
    content at upload, inline or attachment) are part of the signed request."""
    url = storage.url(  # type: ignore[call-arg]
        name,
        parameters={"ResponseContentType": content_type, "ResponseContentDisposition": disposition},
        expire=int(getattr(settings, "UPLOAD_SIGNED_URL_SECONDS", 3600)),
    )
    response = HttpResponseRedirect(url)
    # The signed URL expires: never let a shared cache keep the redirect longer than it is valid.
    response["Cache-Control"] = "private, max-age=60" if private else "public, max-age=60"
    return response
