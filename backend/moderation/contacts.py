"""Contact details typed into text: phone numbers, WeChat IDs, QQ numbers, URLs / domains, e-mail.

Users write contacts around filters, so phone numbers are read from a "digit stream": full-width
digits, circled digits and Chinese numerals (一三八…, 壹贰叁…, 幺) count as digits, up to three spaces,
dashes, dots, emoji or invisible characters may sit between two digits, and a number may be split with
words (``138 加 1234 再加 5678``). WeChat IDs and QQ numbers need a cue (微信 / 威信 / 薇 / VX / 加V /
V❤ / wei xin …, QQ / q q / 扣扣 / 企鹅 …) because a bare ID or number is indistinguishable from an
ordinary word or figure; a number ID may be written in Chinese numerals or with spaces. Look-alike
letters (Cyrillic ``ԛ``) and full-width forms read as ASCII. Every hit carries its span in the ORIGINAL
text.

Speed: regular expressions do the scanning (C speed); Python only looks at candidate digit runs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import cmt_textpass

from common.crypto import mask_phone
from moderation.normalise import CONFUSABLES, char_class

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
# Words a writer puts between the parts of a split number: "138 加 1234 再加 5678".
_JOINERS = r"(?:再加上|再加|加上|加|接上|接着|接|后面是|后面|然后|再)"
# One digit-like character: any decimal digit (ASCII, full-width …), a Chinese numeral, a circled,
# parenthesised or dotted digit.
_ENCLOSED_DIGITS = "\u2460-\u2468\u2474-\u247c\u2488-\u2490\u2776-\u277e\u2780-\u2788\u278a-\u2792"
_DIGIT_CLASS = "[\\d" + "".join(_CHINESE_DIGITS) + _ENCLOSED_DIGITS + "]"
_GAP_CLASS = r"[\W_]"  # spaces, punctuation, symbols, emoji, zero-width and other invisible characters
# At least ten digits (the shortest number read): shorter runs, such as the 一 of ordinary text, are
# passed over inside the regular expression.
_RUN_RE = re.compile(
    f"{_DIGIT_CLASS}(?:(?:{_GAP_CLASS}{{1,{_MAX_GAP}}}|{_GAP_CLASS}{{0,{_MAX_GAP}}}{_JOINERS}{_GAP_CLASS}{{0,{_MAX_GAP}}})?"
    f"{_DIGIT_CLASS}){{9,}}"
)
_ONE_DIGIT_RE = re.compile(_DIGIT_CLASS)
# The same over the text with every digit-like character already read as its ASCII digit.
# Its first digit is followed by a digit, a separator or a joiner's first character, said at once so most
# single digits (一 of 一个 reads as 1) are passed over without trying every joiner.
_JOINER_STARTS = "".join(sorted({word[0] for word in _JOINERS[3:-1].split("|")}))
_ASCII_RUN_RE = re.compile(
    f"[0-9](?=[0-9{_JOINER_STARTS}]|{_GAP_CLASS})" + _RUN_RE.pattern.replace(_DIGIT_CLASS, "[0-9]")[len("[0-9]") :]
)
_ASCII_DIGIT_RE = re.compile("[0-9]")

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
        folded = unicodedata.normalize("NFKC", ch).strip("().")
        if len(folded) == 1 and "0" <= folded <= "9":
            return folded
    return None


@dataclass
class _Run:
    digits: list[str]
    positions: list[int]
    gap_before: list[bool]


def phone_digit(ch: str) -> str:
    """The ASCII digit a digit-like character reads as in a phone number (一 → 1, ① → 1), else ``ch``
    (part of the contact fold)."""
    if _ONE_DIGIT_RE.fullmatch(ch) is None:
        return ch
    return _digit_of(ch) or ch


def _digit_runs(folded: str) -> list[_Run]:
    """Runs of at least ten digits in the folded text (where every digit-like character is already its
    ASCII digit), with where each digit is and whether the writer put a break before it. The regular
    expression does the scanning; Python only sees candidates."""
    if cmt_textpass.count_digits(folded) < 10:  # no run of ten can be in a text of fewer digits
        return []
    run_re, one_digit_re, scanned = _ASCII_RUN_RE, _ASCII_DIGIT_RE, folded
    runs: list[_Run] = []
    for match in run_re.finditer(scanned):
        if match.end() - match.start() < 10:
            continue
        run = _Run([], [], [])
        previous = -1
        for digit in one_digit_re.finditer(scanned, match.start(), match.end()):
            value = _digit_of(digit.group())
            if value is None:
                continue
            run.gap_before.append(previous >= 0 and digit.start() != previous + 1)
            run.digits.append(value)
            run.positions.append(digit.start())
            previous = digit.start()
        if len(run.digits) >= 10:
            runs.append(run)
    return runs


def _find_phones(text: str, folded: str) -> list[ContactMatch]:
    found: list[ContactMatch] = []
    for run in _digit_runs(folded):
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

# Between a cue and the ID: separators, symbols and emoji (V❤ abc123), and the words people put there.
_SEP = r"(?:[\W_]|号码|号|是|为|我)"
_SEPS = _SEP + "{0,6}"
_NUMERALS = "".join(_CHINESE_DIGITS)
_NUMERAL_DIGITS = str.maketrans({k: v for k, v in _CHINESE_DIGITS.items()})
_NUM = f"[0-9{_NUMERALS}]"
_NUM1 = "[1-9" + "".join(k for k, v in _CHINESE_DIGITS.items() if v != "0") + "]"
# A number ID may be typed with a space, dash or dot between its digits (QQ 1234 5678, 一二三四五六七八).
_NUMBER_ID = f"{_NUM1}(?:[\\s.\\-]?{_NUM}){{4,10}}(?![0-9{_NUMERALS}])"
_WECHAT_ID = r"[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])"
_WECHAT_CUES = (
    r"(?<![a-z0-9])(?:w[\W_]{0,2}e[\W_]{0,2}i[\W_]{0,2}x[\W_]{0,2}i[\W_]{0,2}n|wechat|v[\W_]{0,2}x|w[\W_]{0,2}x|v信|v芯|v号)"
    r"|(?:微|威|薇|徽|维|維|卫)[\W_]{0,2}(?:信|芯|x)号?|微[\W_]{0,2}x|加[\W_]{0,2}我?[\W_]{0,2}(?:v|微|薇|威|卫)|\+[\W_]{0,2}v"
    r"|绿泡泡|薇"
    # A lone "v" with a symbol after it (V❤, V:, v→) is a cue; "220v" or "v型" is not.
    r"|(?<![a-z0-9])v(?=[\W_])"
)
_QQ_CUES = (
    r"(?<![a-z0-9])(?:q[\W_]{0,2}q(?![a-z])|q号|q扣|q(?=[\W_]{0,2}[:：]))"
    r"|扣[\W_]{0,2}扣|抠抠|蔻蔻|寇寇|叩叩|企鹅号?|球球|秋秋"
)
_WECHAT_RE = re.compile(f"(?:{_WECHAT_CUES}){_SEPS}(?P<id>{_WECHAT_ID}|{_NUMBER_ID})")
_QQ_RE = re.compile(f"(?:{_QQ_CUES}){_SEPS}(?P<id>{_NUMBER_ID})")
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


class _FoldTable(dict[int, str]):
    """code point → the one lower-case character it reads as (its digit for a digit-like character,
    NFKC, look-alikes), or itself."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        digit = phone_digit(ch)
        if digit != ch:  # a digit-like character (一, ①, ⑴, １) reads as its ASCII digit
            self[code] = digit
            return digit
        folded = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        folded = CONFUSABLES.get(folded, folded)
        value = folded.lower() if len(folded) == 1 and len(folded.lower()) == 1 else ch
        self[code] = value
        return value


_FOLD = _FoldTable()
_FOLD_BMP: list[str] = []  # the same for the Basic Multilingual Plane as a list (str.translate indexes it faster)
# Characters whose fold is not what str.lower() gives them (full-width forms, look-alikes …), and every
# character beyond the BMP: a text without any takes the fast path. Built with the table.
_FOLD_DIFFERS: list[re.Pattern[str]] = []
_BEYOND_BMP_RE = re.compile("[\U00010000-\U0010ffff]")


def fold_table() -> list[str]:
    """The fold of every BMP code point, one character each (built on first use, about 60 ms)."""
    if not _FOLD_BMP:
        table = [_FOLD[code] for code in range(0x10000)]
        differs = [code for code in range(0x10000) if table[code] != chr(code).lower()]
        _FOLD_DIFFERS[:] = [re.compile(char_class(differs)[:-1] + "\\U00010000-\\U0010ffff]")]
        _FOLD_BMP[:] = table
    return _FOLD_BMP


def _fold(text: str) -> str:
    """Full-width → half-width, look-alikes → ASCII, lower case: one character for one character, so
    spans stay valid. Plain text takes the fast path (str.lower)."""
    table = fold_table()
    if _FOLD_DIFFERS[0].search(text) is None:
        return text.lower()
    if _BEYOND_BMP_RE.search(text) is not None:
        return text.translate(_FOLD)
    return text.translate(table)


def _hit(kind: str, match: re.Match[str], text: str, folded: str) -> ContactMatch | None:
    start, end = match.span("id")
    if kind == URL:
        while end > start and folded[end - 1] in ".,;:!?":
            end -= 1
    if end <= start:
        return None
    value = folded[start:end]
    if kind in (WECHAT, QQ) and not "a" <= value[0] <= "z":
        value = re.sub(r"[\s.\-]", "", value.translate(_NUMERAL_DIGITS))
    return ContactMatch(kind, start, end, text[start:end], value)


def _regex_hits(kind: str, pattern: re.Pattern[str], text: str, folded: str) -> list[ContactMatch]:
    return [hit for match in pattern.finditer(folded) if (hit := _hit(kind, match, text, folded)) is not None]


# The first characters of every WeChat / QQ cue: the cue expressions are only tried where one stands.
_CUE_START_RE = re.compile("[vwq+微威薇徽维維卫加绿扣抠蔻寇叩企球秋]")
_QQ_STARTS = frozenset("q扣抠蔻寇叩企球秋")  # where a QQ cue starts; every other start is a WeChat cue's
_DOT_LETTER_RE = re.compile(r"\.[a-z]")


def _cue_hits(text: str, folded: str) -> list[ContactMatch]:
    hits: list[ContactMatch] = []
    reached = {WECHAT: 0, QQ: 0}
    for start in _CUE_START_RE.finditer(folded):
        position = start.start()
        # The two kinds' cues start with different characters: only one expression can match here.
        kind, pattern = (QQ, _QQ_RE) if folded[position] in _QQ_STARTS else (WECHAT, _WECHAT_RE)
        if position < reached[kind]:
            continue
        match = pattern.match(folded, position)
        if match is not None and (hit := _hit(kind, match, text, folded)) is not None:
            hits.append(hit)
            reached[kind] = match.end()
    return hits


def find_contacts(text: str, *, folded: str | None = None) -> list[ContactMatch]:
    """``folded``: the text through :func:`fold_table` when the caller already has it
    (:attr:`moderation.readings.Readings.contact_fold`)."""
    if not text:
        return []
    if folded is None or len(folded) != len(text):
        folded = _fold(text)
    candidates = _cue_hits(text, folded) + _find_phones(text, folded)
    if "@" in folded:
        candidates += _regex_hits(EMAIL, _EMAIL_RE, text, folded)
    if "www" in folded or "://" in folded or _DOT_LETTER_RE.search(folded):
        candidates += _regex_hits(URL, _URL_RE, text, folded)
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
