"""Normalisation that defeats the usual ways of writing around a keyword filter.

Both the keywords and the checked text go through :func:`normalise`:

* NFKC, so full-width letters and digits (ＡＢＣ, １２３), circled digits and compatibility forms
  become their plain forms;
* lower case;
* everything that is not a letter or a digit is dropped — spaces, punctuation, symbols, emoji,
  zero-width and other format characters, combining marks — so ``代 开-发*票`` reads ``代开发票``;
* traditional characters become simplified ones (zhconv's ``zh-hans`` table, character by character,
  so keywords and texts are converted the same way whatever their context).

The result can map every character back to the original character it came from, so a match in the
normalised text becomes a span of the original text for highlighting.

Speed: each character's whole treatment is computed once and kept in a translation table, so
normalising a text is one ``str.translate`` call at C speed; the index map back to the original is only
built for texts that have a hit.
"""

from __future__ import annotations

import unicodedata
from functools import cached_property

import zhconv.zhconv as _zhconv

# Letters and digits survive; every other category (P*, S*, Z*, C*, M*) is a possible separator.
_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"})

# Single-character traditional → simplified pairs (script conversion only, never changes the length).
_T2S: dict[str, str] = {k: v for k, v in _zhconv.getdict("zh-hans").items() if len(k) == 1 and len(v) == 1}


def _fold_char(ch: str) -> str:
    expanded = unicodedata.normalize("NFKC", ch).lower()
    return "".join(_T2S.get(c, c) for c in expanded if unicodedata.category(c) in _KEPT_CATEGORIES)


class _FoldTable(dict[int, str]):
    """code point → normalised string ("" = dropped), filled on first sight of each character. The
    same few thousand characters come back in every text; a concurrent fill writes the same value."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


_TABLE = _FoldTable()


class NormalisedText:
    def __init__(self, text: str, original: str) -> None:
        self.text = text
        self.original = original

    @cached_property
    def index(self) -> tuple[int, ...]:
        """index[i] is the position in the original text of the character text[i] came from."""
        if len(self.text) == len(self.original) and self.text == self.original:
            return tuple(range(len(self.original)))
        table = _TABLE
        positions: list[int] = []
        append = positions.append
        for position, ch in enumerate(self.original):
            size = len(table[ord(ch)])
            if size == 1:
                append(position)
            elif size:
                positions.extend([position] * size)
        return tuple(positions)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps the normalised half-open span [start, end) to the original text's half-open span."""
        return self.index[start], self.index[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    return NormalisedText(text.translate(_TABLE), text)


def normalise_keyword(word: str) -> str:
    return word.translate(_TABLE)
