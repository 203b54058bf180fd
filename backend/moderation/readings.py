"""Every reading of a checked text that the checks need, from one pass over its characters.

The keyword check needs the normalised text (:mod:`moderation.normalise`), the map from it back to the
original, the pinyin-syllable reading and the short gaps between Han characters
(:mod:`moderation.variants`); the contact check needs the one-for-one folded text, digit-like characters read as
digits (:mod:`moderation.contacts`). Each is a per-character table, and ``str.translate``
spends its time looking characters up, not writing them: so one table gives every character of the
Basic Multilingual Plane four characters at once —

    F  its normalised form, "\\x00" when dropped
    S  the syllable reading of F ("\\x00" for a digit), "\\x02" when dropped
    C  its contact fold (a digit-like character as its ASCII digit: 一 → 1, ① → 1, １ → 1)
    K  its kind: "h" Han, "a" Latin letter a-z, "d" digit 0-9, "o" another letter, "\\x00" dropped

— and the readings are the strided slices of one translated string (slices run at C speed). The pass
itself is ``cmt_textpass.translate4`` (``native/textpass``, C): the same string as ``str.translate`` with
the table, a few times faster (it reads a flat array, not Python objects), or None when a character has
no four. K answers
at C speed what regular expressions answered before: where the gaps are, whether a letter stands next
to a digit (leetspeak), whether a Latin run could spell pinyin; as a mask it gives the maps back.

A character whose normalised form is longer than one character (㎏ → kg) or that lies beyond the BMP
gets a one-character entry, so the translated text is then shorter than four per character and the
text takes the general path of each module instead. Either way the answers are the same:
``tests/test_readings.py`` compares the two paths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import compress

import cmt_textpass

from moderation import contacts, normalise, variants

_DROPPED = "\x00"
_DROPPED_SYLLABLE = "\x02"
_WIDTH = 4
_HAN = re.compile(f"[{variants.HAN_RANGES}]")
# One to MAX_GAP non-Han characters between two Han ones, over the kinds (see variants.gap_view).
_KIND_GAP_RE = re.compile(f"[^h](?<=h[^h])[^h]{{0,{variants.MAX_GAP - 1}}}(?=h)")


def _kind(folded: str) -> str:
    if _HAN.match(folded):
        return "h"
    if "a" <= folded <= "z":
        return "a"
    if "0" <= folded <= "9":
        return "d"
    return "o"


@cache
def _table() -> list[str]:
    folds = normalise.bmp_folds()
    syllables = variants.syllable_table()
    contact_folds = contacts.fold_table()
    table: list[str] = []
    for code in range(0x10000):
        folded = folds[code]
        if len(folded) > 1 or (folded and ord(folded) >= 0x10000):
            table.append(_DROPPED)  # not one for one: the general path
        elif folded:
            table.append(folded + syllables[ord(folded)] + contact_folds[code] + _kind(folded))
        else:
            table.append(_DROPPED + _DROPPED_SYLLABLE + contact_folds[code] + _DROPPED)
    return table


class Readings(normalise.NormalisedText):
    """A :class:`~moderation.normalise.NormalisedText` that also holds the other readings."""

    def __init__(
        self,
        text: str,
        original: str,
        displayed: str,
        shown_spans: tuple[list[int], list[int]] | None,
        translated: str | None,
    ) -> None:
        super().__init__(text, original, displayed, shown_spans)
        self._translated = translated  # the four-per-character pass, or None on the general path
        # K for each character of the displayed text ("\x00" where dropped), and of the normalised text.
        self._kind_column = None if translated is None else translated[3::_WIDTH]
        self.kinds = None if self._kind_column is None else self._kind_column.replace(_DROPPED, "")

    @property
    def syllable_source(self) -> str:
        """The normalised text through the syllable table (input of :func:`variants.syllable_view`)."""
        if self._translated is None:
            return variants.syllable_translate(self.text)
        return self._translated[1::_WIDTH].replace(_DROPPED_SYLLABLE, "")

    def syllable_positions(self) -> Sequence[int]:
        """Positions in the normalised text of its characters that are not digits (the syllable
        reading's map back when no Latin run is read as pinyin)."""
        if self.kinds is None:
            return [i for i, c in enumerate(self.text) if not "0" <= c <= "9"]
        return list(compress(range(len(self.text)), self.kinds.replace("d", _DROPPED).encode("latin-1")))

    def gaps(self) -> list[tuple[int, int]] | None:
        """The spans of the normalised text :func:`variants.gap_view` takes out, or None (general path)."""
        if self.kinds is None:
            return None
        return [match.span() for match in _KIND_GAP_RE.finditer(self.kinds)]

    @property
    def may_be_leet(self) -> bool:
        """A Latin letter stands next to a digit somewhere (what :data:`variants.LEET_HINT` finds)."""
        kinds = self.kinds
        if kinds is None:
            return variants.LEET_HINT.search(self.text) is not None
        return "ad" in kinds or "da" in kinds

    @property
    def has_latin_run(self) -> bool:
        """Two Latin letters stand together somewhere (a run that could spell pinyin)."""
        kinds = self.kinds
        return "aa" in kinds if kinds is not None else variants.LATIN_RUN_RE.search(self.text) is not None

    @property
    def contact_fold(self) -> str | None:
        """The original text folded for the contact check, when the pass saw the original itself."""
        if self._translated is None or self._shown_spans is not None:
            return None
        return self._translated[2::_WIDTH]

    def _positions(self) -> Sequence[int]:
        if self._kind_column is None:
            return super()._positions()
        return list(compress(range(len(self._displayed)), self._kind_column.encode("latin-1")))


@cache
def _loaded() -> None:
    cmt_textpass.load_table(_table())


def warm_up() -> None:
    """Builds the table now (about 0.3 s) rather than in the first check of a request; the server's
    workers call it at start (``config/asgi.py``)."""
    _loaded()


def translate(displayed: str) -> str | None:
    """``displayed.translate(_table())`` when every character has its four, else None (the general path)."""
    _loaded()
    return cmt_textpass.translate4(displayed)


def read(text: str) -> Readings:
    displayed, shown_spans = normalise.displayed(text)
    translated = translate(displayed)
    if translated is None:
        return Readings(normalise.fold(displayed), text, displayed, shown_spans, None)
    return Readings(translated[0::_WIDTH].replace(_DROPPED, ""), text, displayed, shown_spans, translated)
