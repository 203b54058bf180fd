"""Other readings of a normalised text that the keyword automata scan besides the text itself.

* :func:`gap_view` — runs of one to :data:`MAX_GAP` non-Han characters between two Han characters are
  taken out, so ``代x开y发z票`` and ``代1开2发3票`` read ``代开发票`` (spaces and symbols are already gone
  after normalisation, so ``代 开 发 票`` needs no gap).
* :func:`leet_view` — inside Latin words holding digits, the digits read as the letters they imitate
  (``p0rn`` → ``porn``, ``s3x`` → ``sex``); one character for one character.
* :func:`syllable_view` — every Han character becomes its toneless pinyin syllable (one private-use
  character per syllable, from pypinyin's character table), and Latin runs that spell pinyin
  (``daikaifapiao``, ``dai kai fa piao``) become the same syllables; digits (tone numbers) are dropped.
  Homophones (``代开发漂``) thus read like the keyword (``代开发票``).

Each view keeps a map back to the normalised text (:meth:`View.source_span`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

MAX_GAP = 3

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN_RANGES}]")
# One to MAX_GAP non-Han characters between two Han ones. Written to start with a character class so the
# regular expression engine skips over Han characters at C speed (three times faster than a lookbehind
# first); the lookbehind after the first character checks that a Han character stands before it.
_GAP_RE = re.compile(
    f"[^{HAN_RANGES}](?<=[{HAN_RANGES}][^{HAN_RANGES}])[^{HAN_RANGES}]{{0,{MAX_GAP - 1}}}(?=[{HAN_RANGES}])"
)


def is_all_han(text: str) -> bool:
    return bool(text) and all(_HAN_RE.match(ch) for ch in text)


class View:
    """A string made from a source string by replacing some spans (sorted, non-overlapping)."""

    __slots__ = ("_pieces", "_starts", "text")

    def __init__(self, source: str, edits: list[tuple[int, int, str]] | None = None) -> None:
        if not edits:
            self.text = source
            self._pieces: list[tuple[int, int, int, bool]] = [(0, 0, len(source), True)]
            self._starts = [0]
            return
        parts: list[str] = []
        pieces: list[tuple[int, int, int, bool]] = []  # (view start, source start, source end, copied)
        cursor = position = 0
        for start, end, replacement in edits:
            if start > cursor:
                parts.append(source[cursor:start])
                pieces.append((position, cursor, start, True))
                position += start - cursor
            if replacement:
                parts.append(replacement)
                pieces.append((position, start, end, False))
                position += len(replacement)
            cursor = end
        if cursor < len(source):
            parts.append(source[cursor:])
            pieces.append((position, cursor, len(source), True))
        self.text = "".join(parts)
        self._pieces = pieces
        self._starts = [p[0] for p in pieces]

    def _piece(self, position: int) -> tuple[int, int, int, bool]:
        return self._pieces[bisect.bisect_right(self._starts, position) - 1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source's half-open span holding the view's characters [start, end)."""
        first_view, first_source, _, first_copied = self._piece(start)
        last_view, last_source, last_end, last_copied = self._piece(end - 1)
        source_start = first_source + (start - first_view) if first_copied else first_source
        source_end = last_source + (end - 1 - last_view) + 1 if last_copied else last_end
        return source_start, source_end


class PositionsView:
    """A view each of whose characters came from one source character, ``positions[i]`` being where."""

    __slots__ = ("_positions",)

    def __init__(self, positions: Sequence[int]) -> None:
        self._positions = positions

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self._positions[start], self._positions[end - 1] + 1


class LazyView:
    """A view whose text is made at C speed; the map back (:meth:`source_span`) is only built the first
    time a hit needs it, by ``build`` (which makes the same text the slow way)."""

    __slots__ = ("_build", "_view", "text")

    def __init__(self, text: str, build: Callable[[], View | PositionsView]) -> None:
        self.text = text
        self._build = build
        self._view: View | PositionsView | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if self._view is None:
            self._view = self._build()
        return self._view.source_span(start, end)


def gap_view(text: str, *, gaps: list[tuple[int, int]] | None = None) -> LazyView:
    """``gaps``: the spans :data:`_GAP_RE` finds in ``text``, when the caller already has them."""
    if gaps is not None:
        if not gaps:
            return LazyView(text, lambda: View(text))
        pieces, cursor = [], 0
        for start, end in gaps:
            pieces.append(text[cursor:start])
            cursor = end
        pieces.append(text[cursor:])
        return LazyView("".join(pieces), lambda: View(text, [(start, end, "") for start, end in gaps]))

    def mapped() -> View:
        return View(text, [(m.start(), m.end(), "") for m in _GAP_RE.finditer(text)])

    gapped = _GAP_RE.sub("", text)
    if len(gapped) == len(text):  # no gap taken out: the view is the text itself (same object)
        return LazyView(text, lambda: View(text))
    return LazyView(gapped, mapped)


# --- leetspeak -------------------------------------------------------------------------------------

# The letter each digit imitates; "l" and "i" are one letter in this view (1 stands for either).
_LEET = str.maketrans("0123456789l", "oizeasgtbgi")
# A letter next to a digit. Starts with a class so Han text is skipped at C speed; the lookbehind
# checks the pair ending at that character.
LEET_HINT = re.compile(r"[0-9a-z](?<=[a-z][0-9]|[0-9][a-z])")
_LEET_WORD = re.compile(r"[a-z0-9]*(?:[a-z][0-9]|[0-9][a-z])[a-z0-9]*")


def leet_key(normalised_keyword: str) -> str:
    return normalised_keyword.translate(_LEET)


def leet_view(text: str) -> str:
    """Same length as ``text``: only Latin words that mix letters and digits change."""
    return _LEET_WORD.sub(lambda m: m.group().translate(_LEET), text)


# --- pinyin syllables ------------------------------------------------------------------------------

# Syllables are private-use characters U+E000…; private-use characters in the text itself read as a
# break, so a text cannot spell a syllable directly. (BMP, so three UTF-8 bytes each, not four.)
_SYLLABLE_BASE = 0xE000
_ALIASES = {"lv": "lu", "nv": "nu", "lve": "lue", "nve": "nue", "lyu": "lu", "nyu": "nu"}


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _syllables() -> tuple[list[str], dict[str, str]]:
    """A translation table for the Basic Multilingual Plane (code point → its syllable's private-use
    character for a Han character, "\\x00" for an ASCII digit, "\\x01" for a private-use one, itself
    otherwise; characters beyond the BMP stay as they are) and the syllable → character map (about
    10 ms to build, once)."""
    first_reading = {code: _toneless(readings.split(",")[0]) for code, readings in pinyin_dict.items()}
    names = sorted(set(first_reading.values()) | set(_ALIASES.values()))
    chars = {name: chr(_SYLLABLE_BASE + i) for i, name in enumerate(names)}
    for alias, name in _ALIASES.items():
        chars[alias] = chars[name]
    table = [chr(code) for code in range(0x10000)]
    for code in range(0xE000, 0xF900):
        table[code] = "\x01"
    for code, name in first_reading.items():
        if 0x2E80 <= code < 0x10000:
            table[code] = chars[name]
    for code in range(0x30, 0x3A):
        table[code] = "\x00"
    return table, chars


@lru_cache(maxsize=4096)
def _segment(run: str) -> str | None:
    """The syllable characters of a Latin run that spells pinyin, or None."""
    _, chars = _syllables()

    @cache
    def split(start: int) -> str | None:
        if start == len(run):
            return ""
        # Longest syllable first ("zhuang" before "zhu"), backtracking when the rest does not spell.
        for size in range(min(6, len(run) - start), 0, -1):
            piece = run[start : start + size]
            if piece in chars:
                rest = split(start + size)
                if rest is not None:
                    return chars[piece] + rest
        return None

    return split(0)


_SYLLABLE_EDIT_RE = re.compile(r"\x00+|[a-z]{2,40}")


LATIN_RUN_RE = re.compile(r"[a-z]{2,40}")


def _spelled(match: re.Match[str]) -> str:
    return _segment(match.group()) or match.group()


def syllable_table() -> list[str]:
    """The BMP translation table of :func:`syllable_translate`."""
    return _syllables()[0]


def syllable_translate(text: str) -> str:
    """Each Han character → its syllable's character, ASCII digits → "\\x00": one for one."""
    return text.translate(_syllables()[0])


def syllable_view(
    text: str,
    *,
    translated: str | None = None,
    positions: Callable[[], Sequence[int]] | None = None,
    latin: bool | None = None,
) -> LazyView:
    """``translated``: :func:`syllable_translate` of ``text`` when the caller already has it;
    ``positions``: gives the positions in ``text`` of its characters that are not digits (the view's
    map back when no Latin run spells pinyin, made at C speed by :mod:`moderation.readings`); ``latin``:
    whether two Latin letters stand together in ``text``, when the caller already knows."""
    if translated is None:
        translated = syllable_translate(text)
    if latin is None:
        latin = LATIN_RUN_RE.search(translated) is not None
    fast = LATIN_RUN_RE.sub(_spelled, translated) if latin else translated
    if positions is not None and fast == translated:
        return LazyView(fast.replace("\x00", ""), lambda: PositionsView(positions()))
    return LazyView(fast.replace("\x00", ""), lambda: _mapped_syllable_view(translated))


def _mapped_syllable_view(translated: str) -> View:
    edits: list[tuple[int, int, str]] = []
    for match in _SYLLABLE_EDIT_RE.finditer(translated):
        piece = match.group()
        if piece[0] == "\x00":
            edits.append((match.start(), match.end(), ""))
            continue
        syllables = _segment(piece)
        if syllables is not None:
            edits.append((match.start(), match.end(), syllables))
    return View(translated, edits)


def syllable_keys(normalised_keyword: str) -> set[str]:
    """The keyword's syllables by each character's usual reading, and by pypinyin's reading of the
    whole word (which knows heteronyms in context: 银行 yin hang)."""
    keys = {syllable_view(normalised_keyword).text}
    if is_all_han(normalised_keyword):
        _, chars = _syllables()
        readings = lazy_pinyin(normalised_keyword, style=Style.NORMAL, errors="ignore")
        if len(readings) == len(normalised_keyword) and all(r in chars for r in readings):
            keys.add("".join(chars[r] for r in readings))
    return {k for k in keys if k}
