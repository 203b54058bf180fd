"""Normalisation that defeats the usual ways of writing around a keyword filter.

Both the keywords and the checked text go through :func:`normalise`:

* HTML entities are decoded (``&#20195;开``, ``&amp;#x53d1;``: two rounds, for double-encoded text);
* a right-to-left override run (U+202E … U+202C, or to the end of the line) is reversed, as it is
  displayed: ``\\u202e票发开代\\u202c`` reads ``代开发票``;
* NFKC, so full-width letters and digits (ＡＢＣ, １２３), circled and parenthesised digits (①, ⑴),
  mathematical letters (𝐀, 𝓪) and compatibility forms become their plain forms;
* look-alike letters (Cyrillic ``а``, Greek ``ν`` …) become the ASCII letter they imitate, from the
  confusables table shipped in ``data/confusables.tsv`` (a subset of Unicode's confusables.txt);
* lower case;
* everything that is not a letter or a digit is dropped — spaces, punctuation, symbols, emoji,
  zero-width characters, bidi controls and other format characters, combining marks — so
  ``代 开-发*票`` reads ``代开发票``;
* traditional characters become simplified ones (zhconv's ``zh-hans`` table, character by character,
  so keywords and texts are converted the same way whatever their context).

The result maps every character back to the original character it came from, so a match in the
normalised text becomes a span of the original text for highlighting.

Speed: each character's whole treatment is computed once and kept in a translation table, so
normalising a text is one ``str.translate`` call at C speed (the entity / override pass only runs
for texts holding ``&`` or U+202E); the index map back to the original is only built for texts that
have a hit.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from itertools import compress
from pathlib import Path

import zhconv.zhconv as _zhconv

# Letters and digits survive; every other category (P*, S*, Z*, C*, M*) is a possible separator.
_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"})

# Single-character traditional → simplified pairs (script conversion only, never changes the length).
_T2S: dict[str, str] = {k: v for k, v in _zhconv.getdict("zh-hans").items() if len(k) == 1 and len(v) == 1}

CONFUSABLES_FILE = Path(__file__).resolve().parent / "data" / "confusables.tsv"


def _load_confusables() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in CONFUSABLES_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, target, *_ = line.split("\t")
        table[chr(int(code, 16))] = target
    return table


CONFUSABLES: dict[str, str] = _load_confusables()


def _fold_char(ch: str) -> str:
    out: list[str] = []
    for c in unicodedata.normalize("NFKC", ch):
        c = CONFUSABLES.get(c, c)
        for lowered in c.lower():
            lowered = _T2S.get(lowered, lowered)
            if unicodedata.category(lowered) in _KEPT_CATEGORIES:
                out.append(lowered)
    return "".join(out)


class _FoldTable(dict[int, str]):
    """code point → normalised string ("" = dropped), filled on first sight of each character. The
    same few thousand characters come back in every text; a concurrent fill writes the same value."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


class _SizeTable(dict[int, str]):
    """code point → chr(length of its normalised form), for building the index map at C speed."""

    def __missing__(self, code: int) -> str:
        value = chr(len(_TABLE[code]))
        self[code] = value
        return value


_TABLE = _FoldTable()
_SIZES = _SizeTable()

# The same tables as lists for the Basic Multilingual Plane: str.translate indexes a list about twice as
# fast as it looks a dict up. Built on first use (about 60 ms); texts with a character beyond the BMP
# (emoji, mathematical letters) use the dicts.
_BMP: list[list[str]] = []


_PICTOGRAPHS = range(0x1F300, 0x1FB00)  # emoji and other pictographs beyond the BMP
_EXPANDING: list[re.Pattern[str]] = []  # characters that give more than one (or beyond the BMP: unknown)


def char_class(codes: list[int]) -> str:
    """A regular-expression character class of the code points (sorted), as ranges."""
    ranges: list[str] = []
    start = previous = -2
    for code in [*codes, -2]:
        if code == previous + 1:
            previous = code
            continue
        if start >= 0:
            ranges.append(f"\\U{start:08x}" if start == previous else f"\\U{start:08x}-\\U{previous:08x}")
        start = previous = code
    return "[" + "".join(ranges) + "]"


def _bmp_tables() -> list[list[str]]:
    if not _BMP:
        folds = [_fold_char(chr(code)) for code in range(0x10000)]
        expanded = [code for code, f in enumerate(folds) if len(f) > 1]
        others = char_class(expanded)[1:-1] + "\\U00010000-\\U0001f2ff\\U0001fb00-\\U0010ffff"
        _EXPANDING[:] = [re.compile(f"[{others}]")]
        _BMP[:] = [folds, [chr(len(f)) for f in folds]]
    return _BMP


def _beyond_bmp(text: str) -> bool:
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def fold(text: str) -> str:
    """The per-character treatment alone (no entity or override pass)."""
    if _beyond_bmp(text):
        return text.translate(_TABLE)
    return text.translate((_BMP or _bmp_tables())[0])


def _sizes(text: str) -> str:
    tables = _BMP or _bmp_tables()
    if _beyond_bmp(text):
        return text.translate(_SIZES)
    return text.translate(tables[1])


def bmp_folds() -> list[str]:
    """The per-character treatment of every BMP code point ("" = dropped)."""
    return (_BMP or _bmp_tables())[0]


# --- the pass that changes positions: HTML entities and right-to-left overrides -------------------

_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
RLO, PDF = "\u202e", "\u202c"
_RLO_RUN_RE = re.compile("\u202e([^\u202c\n]*)(?:\u202c|(?=\n)|$)")


def _unescape(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    cursor = 0
    for match in _ENTITY_RE.finditer(text):
        start, end = match.span()
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue
        parts.append(text[cursor:start])
        new_starts.extend(starts[cursor:start])
        new_ends.extend(ends[cursor:start])
        parts.append(decoded)
        new_starts.extend([starts[start]] * len(decoded))
        new_ends.extend([ends[end - 1]] * len(decoded))
        cursor = end
    if not parts:
        return text, starts, ends
    parts.append(text[cursor:])
    new_starts.extend(starts[cursor:])
    new_ends.extend(ends[cursor:])
    return "".join(parts), new_starts, new_ends


def _reverse_overrides(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    chars, starts, ends = list(text), list(starts), list(ends)
    for match in _RLO_RUN_RE.finditer(text):
        a, b = match.span(1)
        chars[a:b] = chars[a:b][::-1]
        starts[a:b] = starts[a:b][::-1]
        ends[a:b] = ends[a:b][::-1]
    return "".join(chars), starts, ends


def displayed(text: str) -> tuple[str, tuple[list[int], list[int]] | None]:
    """The text as a reader sees it (entities decoded, overrides applied) and, when that differs from
    the text, the original span [start, end) each of its characters came from."""
    if "&" not in text and RLO not in text:
        return text, None
    shown, starts, ends = text, list(range(len(text))), list(range(1, len(text) + 1))
    if "&" in shown:
        for _ in range(2):
            shown, starts, ends = _unescape(shown, starts, ends)
            if "&" not in shown:
                break
    if RLO in shown:
        shown, starts, ends = _reverse_overrides(shown, starts, ends)
    if shown == text:
        return text, None
    return shown, (starts, ends)


class NormalisedText:
    def __init__(
        self,
        text: str,
        original: str,
        displayed: str | None = None,
        shown_spans: tuple[list[int], list[int]] | None = None,
    ) -> None:
        self.text = text
        self.original = original
        # The text after decoding entities / applying overrides, and where its characters came from.
        self._displayed = original if displayed is None else displayed
        self._shown_spans = shown_spans
        self._index: Sequence[int] | None = None  # built on first use (only texts with a hit need it)

    @property
    def index(self) -> Sequence[int]:
        """index[i] is the position of the character text[i] came from: in the original text, or in the
        displayed text when entities or overrides changed it (:meth:`original_span` maps that on)."""
        if self._index is None:
            if self._shown_spans is None and self.text == self._displayed:
                self._index = range(len(self.text))
            else:
                self._index = self._positions()
        return self._index

    def _positions(self) -> Sequence[int]:
        source = self._displayed
        sizes = _sizes(source)  # chr(how many normalised characters each source character gives)
        if _EXPANDING[0].search(source) is None:
            # Every character gives one or none: the positions of those that give one (C speed).
            return list(compress(range(len(source)), sizes.encode("latin-1")))
        positions: list[int] = []
        for position, size in enumerate(sizes):
            if size != "\x00":
                positions.extend([position] * ord(size))
        return positions

    @property
    def is_direct(self) -> bool:
        """True when :attr:`index` points into the original text itself (no entity or override)."""
        return self._shown_spans is None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps the normalised half-open span [start, end) to the original text's half-open span
        (the smallest span holding every original character the normalised ones came from)."""
        index = self.index
        if self._shown_spans is None:
            return index[start], index[end - 1] + 1
        starts, ends = self._shown_spans
        covered = index[start:end]
        return min(starts[p] for p in covered), max(ends[p] for p in covered)


def normalise(text: str) -> NormalisedText:
    shown, shown_spans = displayed(text)
    return NormalisedText(fold(shown), text, shown, shown_spans)


def normalise_keyword(word: str) -> str:
    return fold(displayed(word)[0])
