"""Checksums of Chinese identity codes.

- 统一社会信用代码 (USCC), GB 32100-2015: 18 characters from a 31-character alphabet; the last one is a
  check character over the first 17, weighted by 3^i mod 31.
- 居民身份证号码, GB 11643-1999: 17 digits (6 region, 8 birth date, 3 sequence) and a check character
  (0-9 or X) computed with ISO 7064 MOD 11-2, weights 2^(17-i) mod 11.

These only prove the code is well formed; whether the company or person exists is the reviewer's job.
"""

from __future__ import annotations

import re
from datetime import date

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_ALPHABET)}
_USCC_SHAPE = re.compile(rf"^[{USCC_ALPHABET}]{{18}}$")

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
ID_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")


def normalise_code(value: str) -> str:
    """Codes are printed in upper case and often copied with spaces; compare them without either."""
    return re.sub(r"[\s\-]", "", value or "").upper()


def uscc_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a credit code."""
    if len(first17) != 17 or any(ch not in _USCC_VALUE for ch in first17):
        raise ValueError("need 17 characters of the USCC alphabet")
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(code: str) -> bool:
    code = normalise_code(code)
    if not _USCC_SHAPE.match(code):
        return False
    # Positions 3-8 are the registering authority's administrative division code: digits only.
    if not code[2:8].isdigit():
        return False
    return uscc_check_char(code[:17]) == code[17]


def id_check_char(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of a resident ID number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need 17 digits")
    total = sum(int(ch) * w for ch, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(number: str) -> date | None:
    """The birth date encoded in an 18-digit ID number, or None when it is not a real date."""
    number = normalise_code(number)
    if len(number) < 14 or not number[6:14].isdigit():
        return None
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def is_valid_id_number(number: str, *, today: date | None = None) -> bool:
    number = normalise_code(number)
    if not _ID_SHAPE.match(number):
        return False
    born = id_birth_date(number)
    if born is None or born.year < 1900 or born > (today or date.today()):
        return False
    return id_check_char(number[:17]) == number[17]


def mask_credit_code(code: str) -> str:
    """91330212********1X — enough for the owner to recognise it, not enough to reuse it."""
    if len(code) < 10:
        return "*" * len(code)
    return code[:6] + "*" * (len(code) - 10) + code[-4:]
