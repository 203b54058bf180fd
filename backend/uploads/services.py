"""Accepting an upload: decide its type by content, enforce caps, re-encode images, store under a
server-chosen name."""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import IO, TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps

from common.errors import AppError, field_error
from uploads import sniff
from uploads.models import FileKind, FilePurpose, StoredFile
from uploads.sniff import DWG, DXF, JPEG, MP4, PDF, PNG, STEP, WEBP, Format

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

IMAGES = (JPEG, PNG, WEBP)
CAD = (DWG, DXF, STEP)
DRAWINGS = (PDF, *CAD)

PURPOSE_FORMATS: dict[str, tuple[Format, ...]] = {
    FilePurpose.LICENCE: (*IMAGES, PDF),
    FilePurpose.ID_DOCUMENT: (*IMAGES, PDF),
    FilePurpose.CERTIFICATE: (*IMAGES, PDF),
    FilePurpose.POST_MEDIA: (*IMAGES, MP4, *DRAWINGS),
    FilePurpose.FACTORY_PHOTO: IMAGES,
    FilePurpose.CHAT_ATTACHMENT: (*IMAGES, *DRAWINGS),
    FilePurpose.COMPLAINT_EVIDENCE: (*IMAGES, PDF, MP4),
    FilePurpose.AVATAR: IMAGES,
}

THUMBNAIL_MAX_SIDE = 400
JPEG_QUALITY = 85


def describe_formats(formats: tuple[Format, ...]) -> str:
    """'图片（JPG/PNG/WebP）、视频（MP4）、PDF、图纸（DWG/DXF/STEP）' for the formats given."""
    parts = []
    images = [f.label for f in formats if f in IMAGES]
    if images:
        parts.append(f"图片（{'/'.join(images)}）")
    if MP4 in formats:
        parts.append("视频（MP4）")
    if PDF in formats:
        parts.append("PDF")
    cad = [f.label for f in formats if f in CAD]
    if cad:
        parts.append(f"图纸（{'/'.join(cad)}）")
    return "、".join(parts)


def size_cap(fmt: Format) -> int:
    if fmt.kind == FileKind.IMAGE:
        return int(settings.UPLOAD_MAX_IMAGE_BYTES)
    if fmt.kind == FileKind.VIDEO:
        return int(settings.UPLOAD_MAX_VIDEO_BYTES)
    return int(settings.UPLOAD_MAX_DOCUMENT_BYTES)


def _megabytes(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 1 else f"{max(n // 1024, 1)} KB"


def clean_display_name(name: str | None) -> str:
    """The user's file name, kept only to show back to people: no path, no control or bidi characters."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # Category C covers control characters and format characters such as U+202E (right-to-left
    # override), which can make "evil\u202egpj.exe" display as "evilexe.jpg".
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[<>:"|?*]', "_", name).strip(" .")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:200]
    return name


@dataclass
class _Encoded:
    content: bytes
    fmt: Format
    width: int
    height: int
    thumbnail: bytes
    thumbnail_ext: str


def _too_many_pixels() -> AppError:
    limit = int(settings.UPLOAD_MAX_IMAGE_PIXELS)
    return AppError(
        "image_too_many_pixels",
        f"图片尺寸过大（最多 {limit // 10_000} 万像素），请缩小后再上传",
        detail={"max_pixels": limit},
    )


def _corrupt() -> AppError:
    return AppError("upload_corrupt", "文件已损坏或无法识别，请重新选择")


_PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def _encode(image: Image.Image, fmt: Format, icc_profile: bytes | None = None) -> bytes:
    out = io.BytesIO()
    # Only the colour profile is carried over (wide-gamut phone photos look wrong without it); Pillow
    # writes no EXIF unless asked to.
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if fmt is JPEG:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, **extra)
    elif fmt is PNG:
        image.save(out, "PNG", **extra)
    else:
        image.save(out, "WEBP", quality=JPEG_QUALITY, method=4, **extra)
    return out.getvalue()


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _normalise_mode(image: Image.Image, fmt: Format) -> Image.Image:
    if fmt is JPEG:
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA") or (fmt is PNG and image.mode in ("L", "LA")):
        return image
    return image.convert("RGBA" if _has_alpha(image) else "RGB")


def _reencode_image(fp: IO[bytes], fmt: Format) -> _Encoded:
    """Decodes and re-encodes the image so nothing but pixels survives: EXIF (GPS, camera serials),
    comments and any bytes appended to the file (polyglots) are dropped."""
    max_pixels = int(settings.UPLOAD_MAX_IMAGE_PIXELS)
    fp.seek(0)
    try:
        # Image.open reads only the header, so the size is known before a single pixel is decoded;
        # Pillow itself raises DecompressionBombError far above our own limit.
        with Image.open(fp, formats=[_PILLOW_FORMATS[fmt.name]]) as original:
            width, height = original.size
            if width <= 0 or height <= 0:
                raise _corrupt()
            if width * height > max_pixels:
                raise _too_many_pixels()
            # Animated PNG/WebP keep their first frame only.
            original.seek(0)
            original.load()
            oriented = ImageOps.exif_transpose(original)
            oriented.info = {}
            clean = _normalise_mode(oriented, fmt)
            # A profile only describes pixels of the mode it came with (a CMYK profile on RGB is wrong).
            icc_profile = original.info.get("icc_profile") if clean.mode == original.mode else None
            content = _encode(clean, fmt, icc_profile)
            final_width, final_height = clean.size
            thumb = clean  # the full-size pixels are no longer needed: shrink in place, no second copy
            thumb.thumbnail((THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE), Image.Resampling.LANCZOS)
            if _has_alpha(thumb):
                thumb_fmt = PNG
            else:
                thumb_fmt = JPEG
                thumb = thumb if thumb.mode in ("RGB", "L") else thumb.convert("RGB")
            thumbnail = _encode(thumb, thumb_fmt)
            return _Encoded(content, fmt, final_width, final_height, thumbnail, thumb_fmt.extension)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError) as exc:
        raise _corrupt() from exc


def _sha256_of(fp: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in fp.chunks():
        digest.update(chunk)
    fp.seek(0)
    return digest.hexdigest()


def _check_quota(owner: User) -> None:
    limit = int(getattr(settings, "UPLOAD_MAX_FILES_PER_DAY", 300))
    since = timezone.now() - timedelta(days=1)
    if StoredFile.objects.filter(owner=owner, created_at__gte=since).count() >= limit:
        raise AppError(
            "upload_quota_exceeded",
            f"24 小时内最多上传 {limit} 个文件，请稍后再试",
            status=429,
            detail={"limit": limit},
        )


@transaction.atomic
def store_upload(*, owner: User, uploaded_file: UploadedFile, purpose: str) -> StoredFile:
    if purpose not in PURPOSE_FORMATS:
        raise field_error("purpose", "invalid_choice", "上传用途无效")
    allowed = PURPOSE_FORMATS[purpose]
    _check_quota(owner)

    size = int(uploaded_file.size or 0)
    if size <= 0:
        raise AppError("upload_corrupt", "文件为空，请重新选择")
    # Refuse what no format allows before reading any of it.
    largest = max(size_cap(fmt) for fmt in allowed)
    if size > largest:
        raise AppError(
            "upload_too_large", f"文件过大，最大 {_megabytes(largest)}", status=413, detail={"max_bytes": largest}
        )

    head, tail = sniff.read_head_and_tail(uploaded_file, size)
    fmt = sniff.detect(head, tail)
    if fmt is None or fmt not in allowed:
        raise AppError(
            "upload_type_not_allowed",
            f"不支持该文件类型，此处仅支持上传：{describe_formats(allowed)}",
            status=415,
            detail={"allowed": [f.extension for f in allowed]},
        )
    cap = size_cap(fmt)
    if size > cap:
        raise AppError(
            "upload_too_large",
            f"文件过大，{fmt.label} 文件最大 {_megabytes(cap)}",
            status=413,
            detail={"max_bytes": cap},
        )

    file_id = uuid.uuid4()
    stored = StoredFile(
        id=file_id,
        owner=owner,
        kind=fmt.kind,
        purpose=purpose,
        content_type=fmt.content_type,
        extension=fmt.extension,
        original_name=clean_display_name(uploaded_file.name),
    )
    if fmt.kind == FileKind.IMAGE:
        encoded = _reencode_image(uploaded_file, fmt)
        stored.width, stored.height = encoded.width, encoded.height
        stored.size = len(encoded.content)
        stored.sha256 = hashlib.sha256(encoded.content).hexdigest()
        main: File[bytes] = ContentFile(encoded.content)
    else:
        stored.size = size
        stored.sha256 = _sha256_of(uploaded_file)
        main = File(uploaded_file)

    # Names are the row's UUID: nothing the user typed reaches the storage path.
    try:
        stored.file.save(f"{file_id.hex}.{fmt.extension}", main, save=False)
        if fmt.kind == FileKind.IMAGE:
            stored.thumbnail.save(f"{file_id.hex}.{encoded.thumbnail_ext}", ContentFile(encoded.thumbnail), save=False)
        stored.save(force_insert=True)
    except Exception:
        delete_blobs(stored)
        raise
    logger.info("stored upload %s kind=%s purpose=%s owner=%s", stored.pk, stored.kind, purpose, owner.pk)
    return stored


def delete_blobs(stored: StoredFile) -> None:
    for field in (stored.file, stored.thumbnail):
        if field and field.name:
            try:
                field.storage.delete(field.name)
            except OSError:  # pragma: no cover - best effort cleanup
                logger.warning("could not delete blob %s", field.name)
