"""Pictures for the demo data, drawn by the project with Pillow at seed time (issue #15 item 3): stock
photos (a lot of goods on pallets, in the product's colour, with its name on a carton label) and
workshop photos (a hall with rows of machines). Nothing is downloaded and no image file is kept in the
repository; the same inputs always draw the same picture. The result goes through the real upload path
(``store_upload``: sniffing, re-encoding, thumbnail), so demo files are like any user's.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from uploads.models import StoredFile
from uploads.services import store_upload

if TYPE_CHECKING:
    from accounts.models import User

SIZE = (800, 600)
# CJK fonts Debian ships (fonts-noto-cjk); without one the label is left off and the picture still draws.
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
PALETTE = ((196, 78, 62), (52, 120, 190), (64, 150, 96), (214, 160, 48), (120, 92, 170), (70, 70, 78))


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | None:
    for path in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return None


def _numbers(seed: str) -> list[int]:
    return list(hashlib.sha256(seed.encode()).digest())


def _shade(colour: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    r, g, b = colour
    return (min(255, int(r * factor)), min(255, int(g * factor)), min(255, int(b * factor)))


def _label(draw: ImageDraw.ImageDraw, text: str, box: tuple[int, int, int, int]) -> None:
    font = _font(34)
    if font is None or not text:
        return
    draw.rounded_rectangle(box, radius=10, fill=(255, 255, 255), outline=(40, 40, 40), width=2)
    x0, y0, x1, y1 = box
    draw.text(((x0 + x1) // 2, (y0 + y1) // 2), text[:10], fill=(30, 30, 30), font=font, anchor="mm")


def draw_stock(label: str, *, seed: str) -> bytes:
    """A stock lot: a warehouse floor, cartons stacked on pallets, one labelled with the product."""
    n = _numbers(seed)
    colour = PALETTE[n[0] % len(PALETTE)]
    image = Image.new("RGB", SIZE, (226, 222, 214))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 420, SIZE[0], SIZE[1]), fill=(150, 146, 140))  # floor
    for x in range(0, SIZE[0], 100):  # shelving in the back
        draw.rectangle((x + 10, 60, x + 90, 400), outline=(170, 166, 158), width=4)
    for stack in range(3):
        left = 60 + stack * 240
        draw.rectangle((left - 10, 470, left + 210, 500), fill=(170, 120, 70))  # pallet
        rows = 2 + n[stack + 1] % 3
        for row in range(rows):
            for col in range(2):
                x0 = left + col * 100
                y0 = 470 - (row + 1) * 80
                draw.rectangle((x0, y0, x0 + 96, y0 + 78), fill=_shade(colour, 0.9 + 0.1 * ((row + col) % 2)))
                draw.line((x0 + 48, y0, x0 + 48, y0 + 78), fill=_shade(colour, 0.6), width=3)  # tape
    _label(draw, label, (250, 520, 550, 580))
    return _png(image)


def draw_workshop(label: str, *, seed: str) -> bytes:
    """A workshop: a hall with windows, two rows of machines and a walkway."""
    n = _numbers(seed)
    colour = PALETTE[n[0] % len(PALETTE)]
    image = Image.new("RGB", SIZE, (236, 238, 240))
    draw = ImageDraw.Draw(image)
    for x in range(40, SIZE[0], 150):  # windows
        draw.rectangle((x, 40, x + 110, 130), fill=(190, 214, 236), outline=(150, 160, 170), width=3)
    draw.polygon([(0, 600), (800, 600), (560, 250), (240, 250)], fill=(170, 176, 168))  # floor
    draw.polygon([(330, 600), (470, 600), (420, 250), (380, 250)], fill=(222, 196, 80))  # walkway
    for side in (-1, 1):
        for depth in range(4):
            scale = 1.0 - depth * 0.18
            width, height = int(120 * scale), int(90 * scale)
            cx = 400 + side * int((200 - depth * 35) * 1.0)
            base = 560 - depth * 85
            x0 = cx - width // 2
            draw.rectangle((x0, base - height, x0 + width, base), fill=_shade(colour, 0.8 + 0.05 * depth))
            draw.rectangle((x0 + 8, base - height + 8, x0 + width // 2, base - height // 2), fill=(60, 64, 70))
            draw.ellipse((x0 + width - 30, base - height + 10, x0 + width - 10, base - height + 30), fill=(90, 200, 90))
    _label(draw, label, (250, 160, 550, 220))
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def store_demo_image(*, owner: User, purpose: str, content: bytes, name: str) -> StoredFile:
    """Stores a drawn picture as ``owner``'s upload of ``purpose`` (reused when it is already stored)."""
    existing = StoredFile.objects.filter(owner=owner, purpose=purpose, original_name=name).first()
    if existing is not None:
        return existing
    return store_upload(owner=owner, uploaded_file=SimpleUploadedFile(name, content, "image/png"), purpose=purpose)
