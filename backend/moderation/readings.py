"""Every reading of a checked text that the checks need, from one pass over its characters.

The keyword check needs the normalised text (:mod:`moderation.normalise`), the map from it back to the
original, and the pinyin-syllable reading (:mod:`moderation.variants`); the contact check needs the
one-for-one folded text (:mod:`moderation.contacts`). Each is a per-character table, and
``str.translate`` spends its time looking characters up, not writing them: so one table gives every
character of the Basic Multilingual Plane five characters at once —

    [normalised form or "\\x00" when dropped] [syllable reading or "\\x02" when dropped]
    [contact fold] ["\\x01" kept / "\\x00" dropped] ["\\x01" kept, "\\x00" kept digit, "\\x02" dropped]

— and the readings are the strided slices of one translated string (slices run at C speed); the two
masks give the maps back from the normalised text and from the syllable reading.

A character whose normalised form is longer than one character (㎏ → kg) or that lies beyond the BMP
gets a one-character entry (or none), so the translated text is then shorter than five per character
and the text takes the general path of each module instead. Either way the answers are the same:
``tests/test_readings.py`` compares the two paths.
"""

from __future__ import annotations

from functools import cache
from itertools import compress

from moderation import contacts, normalise, variants

_DROPPED = "\x00"
_DROPPED_SYLLABLE = "\x02"
_WIDTH = 5


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
            syllable = syllables[ord(folded)]
            digit = "\x00" if syllable == "\x00" else "\x01"
            table.append(folded + syllable + contact_folds[code] + "\x01" + digit)
        else:
            table.append(_DROPPED + _DROPPED_SYLLABLE + contact_folds[code] + "\x00" + _DROPPED_SYLLABLE)
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

    @property
    def syllable_source(self) -> str:
        """The normalised text through the syllable table (input of :func:`variants.syllable_view`)."""
        if self._translated is None:
            return variants.syllable_translate(self.text)
        return self._translated[1::_WIDTH].replace(_DROPPED_SYLLABLE, "")

    @property
    def contact_fold(self) -> str | None:
        """The original text folded for the contact check, when the pass saw the original itself."""
        if self._translated is None or self._shown_spans is not None:
            return None
        return self._translated[2::_WIDTH]

    def syllable_positions(self) -> list[int]:
        """Positions in the normalised text of its characters that are not digits (the syllable
        reading's map back when no Latin run is read as pinyin)."""
        if self._translated is None:
            return [i for i, c in enumerate(self.text) if not "0" <= c <= "9"]
        mask = self._translated[4::_WIDTH].replace(_DROPPED_SYLLABLE, "").encode("latin-1")
        return list(compress(range(len(self.text)), mask))

    def _positions(self) -> list[int]:
        if self._translated is None:
            return super()._positions()
        return list(compress(range(len(self._displayed)), self._translated[3::_WIDTH].encode("latin-1")))


def read(text: str) -> Readings:
    displayed, shown_spans = normalise.displayed(text)
    translated = displayed.translate(_table())
    if len(translated) != _WIDTH * len(displayed):
        return Readings(normalise.fold(displayed), text, displayed, shown_spans, None)
    return Readings(translated[0::_WIDTH].replace(_DROPPED, ""), text, displayed, shown_spans, translated)
