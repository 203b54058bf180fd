"""Contact details typed into text: phone numbers, WeChat IDs, QQ numbers, URLs / domains, e-mail.

Users write contacts around filters, so phone numbers are read from a "digit stream": full-width
digits, circled digits and Chinese numerals (一三八…, 壹贰叁…, 幺) count as digits, and up to three
spaces, dashes, dots or other symbols may sit between two digits. WeChat IDs and QQ numbers need a cue
(微信 / VX / wx / 薇信 / 加V …, QQ / 扣扣 / 企鹅) because a bare ID or number is indistinguishable from an
ordinary word or figure. Every hit carries its span in the ORIGINAL text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from common.crypto import mask_phone

PHONE = "phone"
WECHAT = "wechat"
QQ = "qq"
URL = "url"
EMAIL = "email"

# When two hits overlap, the more specific reading wins (an e-mail address holds a domain, a WeChat
# cue followed by a phone number is a WeChat ID).
_PRIORITY = {EMAIL: 0, URL: 1, WECHAT: 2, QQ: 3, PHONE: 4}


@dataclass(frozen=True)
class ContactMatch:
    kind: str
    start: int
    end: int
    matched_text: str
    value: str  # canonical form: the digits of a phone, the ID, the address


# --- phone numbers -------------------------------------------------------------------------------

_CHINESE_DIGITS = {
    "〇": "0", "零": "0", "○": "0", "◯": "0",
    "一": "1", "幺": "1", "壹": "1",
    "二": "2", "贰": "2", "貳": "2",
    "三": "3", "叁": "3", "參": "3",
    "四": "4", "肆": "4",
    "五": "5", "伍": "5",
    "六": "6", "陆": "6", "陸": "6",
    "七": "7", "柒": "7",
    "八": "8", "捌": "8",
    "九": "9", "玖": "9",
}  # fmt: skip
_MAX_GAP = 3  # separator characters allowed between two digits of one number
_SEPARATOR_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp"})
_INVISIBLE = frozenset({"Cf", "Cc", "Mn", "Me"})

# Lengths tried at each start, longest first. Landlines: 010/02x + 8 digits, 0xxx + 7 or 8 digits.
_PHONE_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (15, re.compile(r"00861[3-9]\d{9}")),
    (13, re.compile(r"861[3-9]\d{9}")),
    (12, re.compile(r"0[3-9]\d{10}")),
    (11, re.compile(r"1[3-9]\d{9}|(?:010|02\d)\d{8}|0[3-9]\d{9}")),
    (10, re.compile(r"[48]00\d{7}")),
)


def _digit_of(ch: str) -> str | None:
    if "0" <= ch <= "9":
        return ch
    mapped = _CHINESE_DIGITS.get(ch)
    if mapped is not None:
        return mapped
    if ch.isdigit() or ch.isnumeric():
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1 and "0" <= folded <= "9":
            return folded
    return None


def _is_separator(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in _SEPARATOR_CATEGORIES or category in _INVISIBLE or ch.isspace()


@dataclass
class _Run:
    digits: list[str]
    positions: list[int]
    gap_before: list[bool]


def _digit_runs(text: str) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    gap = 0
    for position, ch in enumerate(text):
        digit = _digit_of(ch)
        if digit is not None:
            if current is None:
                current = _Run([], [], [])
                runs.append(current)
            current.gap_before.append(gap > 0)
            current.digits.append(digit)
            current.positions.append(position)
            gap = 0
        elif current is not None and _is_separator(ch) and gap < _MAX_GAP:
            gap += 1
        else:
            current = None
            gap = 0
    return runs


def _find_phones(text: str) -> list[ContactMatch]:
    found: list[ContactMatch] = []
    for run in _digit_runs(text):
        digits = "".join(run.digits)
        size = len(digits)
        if size < 10:
            continue

        def boundary(i: int, size: int = size, run: _Run = run) -> bool:
            # A number must start and end where the writer put a break, so 11 digits in the middle of
            # a longer order number are not read as a phone.
            return i == 0 or i == size or run.gap_before[i]

        start = 0
        while start < size:
            if not boundary(start):
                start += 1
                continue
            for length, pattern in _PHONE_PATTERNS:
                end = start + length
                if end <= size and boundary(end) and pattern.fullmatch(digits, start, end):
                    first, last = run.positions[start], run.positions[end - 1] + 1
                    found.append(ContactMatch(PHONE, first, last, text[first:last], digits[start:end]))
                    start = end
                    break
            else:
                start += 1
    return found


# --- cue-based and textual contacts ---------------------------------------------------------------

_SEP = r"(?:[\s:=\-_~/|,.、;]|号码|号|是|为){0,6}"
_WECHAT_RE = re.compile(
    r"(?:(?<![a-z0-9])(?:weixin|wechat|vx|wx|v信|v号)|微信号?|威信|薇信|徽信|维信|維信|微x|加v|\+v|加微|绿泡泡)"
    + _SEP
    + r"(?P<id>[a-z][a-z0-9_-]{5,19}|1[3-9]\d{9}|[1-9]\d{4,10})(?![a-z0-9_-])"
)
_QQ_RE = re.compile(r"(?:(?<![a-z0-9])(?:qq|q号|q(?=\s*:))|扣扣|企鹅号?|球球)" + _SEP + r"(?P<id>[1-9]\d{4,10})(?!\d)")
_EMAIL_RE = re.compile(r"(?<![a-z0-9._%+-])(?P<id>[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})")
_TLDS = (
    "com|cn|net|org|top|xyz|vip|cc|io|shop|info|me|co|biz|site|online|club|wang|ltd|link|tk|tv|app|hk|tw|"
    "ink|fun|icu|store|work|cloud|asia"
)
# RFC 3986 characters only, so the Chinese text right after a link is not swallowed into it.
_URL_CHARS = r"[a-z0-9\-._~:/?#@!$&*+;=%]"
_URL_RE = re.compile(
    r"(?P<id>(?:https?://|www\.)" + _URL_CHARS + "+"
    r"|(?<![a-z0-9@._-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + _TLDS + r")(?![a-z0-9-])(?::\d{1,5})?"
    r"(?:/" + _URL_CHARS + r"*)?)"
)


def _fold(text: str) -> str:
    """Full-width → half-width and lower case, one character for one character (spans stay valid)."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        out.append(folded.lower() if len(folded) == 1 and len(folded.lower()) == 1 else ch)
    return "".join(out)


def _regex_hits(kind: str, pattern: re.Pattern[str], text: str, folded: str) -> list[ContactMatch]:
    hits = []
    for match in pattern.finditer(folded):
        start, end = match.span("id")
        if kind == URL:
            while end > start and folded[end - 1] in ".,;:!?":
                end -= 1
        if end > start:
            hits.append(ContactMatch(kind, start, end, text[start:end], folded[start:end]))
    return hits


def find_contacts(text: str) -> list[ContactMatch]:
    if not text:
        return []
    folded = _fold(text)
    candidates = [
        *_regex_hits(EMAIL, _EMAIL_RE, text, folded),
        *_regex_hits(URL, _URL_RE, text, folded),
        *_regex_hits(WECHAT, _WECHAT_RE, text, folded),
        *_regex_hits(QQ, _QQ_RE, text, folded),
        *_find_phones(text),
    ]
    candidates.sort(key=lambda m: (_PRIORITY[m.kind], m.start))
    chosen: list[ContactMatch] = []
    for hit in candidates:
        if all(hit.end <= other.start or hit.start >= other.end for other in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda m: m.start)
    return chosen


def _mask(hit: ContactMatch) -> str:
    if hit.kind == PHONE:
        # 86 / 0086 prefixes: mask the national number so the prefix does not shift what is shown.
        return mask_phone(hit.value[-11:] if hit.value.startswith(("86", "0086")) else hit.value)
    if hit.kind in (WECHAT, QQ):
        return hit.value[:2] + "****"
    if hit.kind == EMAIL:
        local, _, domain = hit.value.partition("@")
        return f"{local[:1]}***@{domain}"
    return "[链接已隐藏]"


def mask_contacts(text: str) -> str:
    """The text with every contact detail masked (chat shows this until the parties share contacts)."""
    hits = find_contacts(text)
    if not hits:
        return text
    parts: list[str] = []
    cursor = 0
    for hit in hits:
        parts.append(text[cursor : hit.start])
        parts.append(_mask(hit))
        cursor = hit.end
    parts.append(text[cursor:])
    return "".join(parts)
