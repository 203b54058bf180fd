"""Real files of each format, built in memory, and stored files for other apps' tests."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from uploads.models import FilePurpose, StoredFile


def jpeg_bytes(
    *, size: tuple[int, int] = (64, 48), gps: bool = False, orientation: int | None = None, color: str = "red"
) -> bytes:
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCam"
    exif[ExifTags.Base.Model] = "Serial-0042"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 2.5)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 11.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def png_bytes(*, size: tuple[int, int] = (40, 30), mode: str = "RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (0, 128, 255, 128) if mode == "RGBA" else (0, 128, 255)).save(out, "PNG")
    return out.getvalue()


def webp_bytes(*, size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, "WEBP")
    return out.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def mp4_bytes() -> bytes:
    """A minimal ISO-BMFF file: an ``ftyp`` box (major brand isom) and an empty ``mdat`` box."""
    ftyp_payload = b"isom" + struct.pack(">I", 512) + b"isomiso2avc1mp41"
    ftyp = struct.pack(">I", 8 + len(ftyp_payload)) + b"ftyp" + ftyp_payload
    mdat_payload = bytes(range(256)) * 8
    mdat = struct.pack(">I", 8 + len(mdat_payload)) + b"mdat" + mdat_payload
    return ftyp + mdat


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def dxf_bytes() -> bytes:
    lines = ["0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", "AC1015", "0", "ENDSEC"]
    lines += ["0", "SECTION", "2", "ENTITIES", "0", "LINE", "8", "0", "10", "0.0", "20", "0.0", "11", "10.0"]
    lines += ["21", "10.0", "0", "ENDSEC", "0", "EOF"]
    return ("\r\n".join(lines) + "\r\n").encode()


def step_bytes() -> bytes:
    return (
        b"ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('part'),'2;1');\nFILE_NAME('part.stp','2026-01-01',(''),(''),'','','');\n"
        b"FILE_SCHEMA(('AUTOMOTIVE_DESIGN'));\nENDSEC;\nDATA;\n#1=CARTESIAN_POINT('',(0.,0.,0.));\nENDSEC;\n"
        b"END-ISO-10303-21;\n"
    )


def dwg_bytes() -> bytes:
    return b"AC1032" + b"\x00" * 5 + b"\x01" + bytes(range(256)) * 4


def uploaded(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_stored_file(
    *, owner: Any, purpose: str = FilePurpose.POST_MEDIA, content: bytes | None = None, name: str = "photo.jpg"
) -> StoredFile:
    """A file stored through the real upload path (sniffing, re-encoding, thumbnail)."""
    from uploads.services import store_upload

    return store_upload(owner=owner, uploaded_file=uploaded(name, content or jpeg_bytes()), purpose=purpose)
