"""Decides what an upload IS from its bytes. The name and the client's Content-Type are never trusted:
both are chosen by whoever sends the request.

Only formats the platform needs are recognised; everything else (HTML, SVG, scripts, archives,
executables, GIF, HEIC …) is "unknown" and refused by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO

import filetype

from uploads.models import FileKind

HEAD_BYTES = 8192
TAIL_BYTES = 1024


@dataclass(frozen=True)
class Format:
    name: str  # jpeg / png / webp / mp4 / pdf / dwg / dxf / step
    kind: str  # FileKind
    content_type: str
    extension: str
    label: str  # what users read in error messages


JPEG = Format("jpeg", FileKind.IMAGE, "image/jpeg", "jpg", "JPG")
PNG = Format("png", FileKind.IMAGE, "image/png", "png", "PNG")
WEBP = Format("webp", FileKind.IMAGE, "image/webp", "webp", "WebP")
MP4 = Format("mp4", FileKind.VIDEO, "video/mp4", "mp4", "MP4")
PDF = Format("pdf", FileKind.DRAWING, "application/pdf", "pdf", "PDF")
DWG = Format("dwg", FileKind.DRAWING, "application/acad", "dwg", "DWG")
DXF = Format("dxf", FileKind.DRAWING, "application/dxf", "dxf", "DXF")
STEP = Format("step", FileKind.DRAWING, "model/step", "step", "STEP")

FORMATS = {f.name: f for f in (JPEG, PNG, WEBP, MP4, PDF, DWG, DXF, STEP)}

_FILETYPE_FORMATS = {"image/jpeg": JPEG, "image/png": PNG, "image/webp": WEBP, "application/pdf": PDF}

# ISO base media brands of plain MP4 video (not QuickTime "qt  ", not HEIF/AVIF images).
_MP4_BRANDS = {b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}
# AutoCAD R13 (AC1012) .. 2018+ (AC1032): the first six bytes of every DWG are its version string.
_STILL_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
_DWG_HEADER = re.compile(rb"^AC10[0-3]\d")
_DXF_SECTIONS = {"HEADER", "CLASSES", "TABLES", "BLOCKS", "ENTITIES", "OBJECTS", "THUMBNAILIMAGE"}
_BINARY_DXF = b"AutoCAD Binary DXF\r\n\x1a\x00"
_UTF8_BOM = b"\xef\xbb\xbf"


def read_head_and_tail(fp: IO[bytes], size: int) -> tuple[bytes, bytes]:
    fp.seek(0)
    head = fp.read(HEAD_BYTES)
    if size > TAIL_BYTES:
        fp.seek(max(size - TAIL_BYTES, 0))
    else:
        fp.seek(0)
    tail = fp.read(TAIL_BYTES)
    fp.seek(0)
    return head, tail


def detect(head: bytes, tail: bytes) -> Format | None:
    """The format of a file given its first ``HEAD_BYTES`` and last ``TAIL_BYTES``, or None."""
    if not head:
        return None
    if _is_mp4(head):
        return MP4
    if _DWG_HEADER.match(head):
        return DWG
    if _is_step(head, tail):
        return STEP
    if _is_dxf(head, tail):
        return DXF
    guess = filetype.guess(head)
    if guess is not None and guess.mime in _FILETYPE_FORMATS:
        return _FILETYPE_FORMATS[guess.mime]
    return None


def _is_mp4(head: bytes) -> bool:
    if len(head) < 16 or head[4:8] != b"ftyp":
        return False
    major = head[8:12]
    # HEIF/AVIF still images are ISO media files too and may list "mp41"/"isom" as compatible brands.
    if major in _STILL_IMAGE_BRANDS:
        return False
    if major in _MP4_BRANDS:
        return True
    box_end = min(int.from_bytes(head[0:4], "big"), len(head))
    compatible = {head[i : i + 4] for i in range(16, box_end - 3, 4)}
    return bool(compatible & _MP4_BRANDS)


def _text_lines(data: bytes, limit: int) -> list[str] | None:
    """Leading lines of a text file, or None if it is not plain text (NUL bytes mean binary)."""
    if b"\x00" in data:
        return None
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    text = data.decode("latin-1")
    return [line.strip() for line in text.splitlines()[:limit]]


def _is_step(head: bytes, tail: bytes) -> bool:
    lines = _text_lines(head, 1)
    if not lines or not lines[0].startswith("ISO-10303-21;"):
        return False
    return b"END-ISO-10303-21;" in tail


def _is_dxf(head: bytes, tail: bytes) -> bool:
    if head.startswith(_BINARY_DXF):
        return True
    lines = _text_lines(head, 8)
    if not lines or len(lines) < 4:
        return False
    # ASCII DXF is pairs of lines: a group code, then its value. A file opens with "0 / SECTION / 2 / <name>"
    # (a "999" comment pair may come first) and closes with "0 / EOF".
    if lines[0] == "999":
        lines = lines[2:]
    if len(lines) < 4 or lines[0] != "0" or lines[1] != "SECTION" or lines[2] != "2" or lines[3] not in _DXF_SECTIONS:
        return False
    tail_lines = [line.strip() for line in tail.decode("latin-1").splitlines() if line.strip()]
    return bool(tail_lines) and tail_lines[-1] == "EOF"
