"""The keyword matcher: Aho-Corasick passes over the normalised text and its variants find every keyword.

:class:`KeywordMatcher` works on a plain list of keywords (the benchmark uses it without a database).
:func:`get_matcher` is the process-wide matcher built from the active keywords in the database. It is
rebuilt when the list's version token changes; the token is read at most once per
``MODERATION_KEYWORDS_RECHECK_SECONDS`` (default 1 s), and at once after a change made in this
process.

What is scanned (see :mod:`moderation.variants`):

* keywords made only of Han characters: the normalised text with short non-Han gaps taken out
  (``代x开y发z票``), which still holds every plain occurrence;
* every other keyword (Latin, digits, mixed such as ``A货``): the normalised text itself;
* keywords holding Latin letters: the leetspeak reading (``p0rn``), when the text mixes letters and digits;
* keywords an operator marked "match homophones": the pinyin-syllable reading (``dai kai fa piao``,
  ``daikaifapiao``, ``代开发漂``).

Speed: the automata are ahocorasick-rs (Rust) automata answering overlapping matches as character
offsets, so no byte-to-character conversion is needed; every text is first read once
(:mod:`moderation.readings`) for the normalised text, its syllables and the contact fold.
"""

from __future__ import annotations

import operator
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs
from django.conf import settings

from moderation import readings, variants
from moderation.normalise import NormalisedText, normalise_keyword

BLOCK = "block"
FLAG = "flag"

# How a keyword was found (KeywordMatch.via).
EXACT = "exact"
GAP = "gap"
LEET = "leet"
HOMOPHONE = "homophone"


@dataclass(frozen=True)
class KeywordEntry:
    word: str
    action: str
    category: str
    normalised: str = ""
    homophones: bool = False  # also match words that sound the same (pinyin)


class KeywordMatch(NamedTuple):
    word: str
    action: str
    category: str
    start: int  # span in the ORIGINAL text, half-open
    end: int
    matched_text: str
    via: str = EXACT


_START, _END = operator.itemgetter(3), operator.itemgetter(4)  # KeywordMatch.start / .end
_new_match = tuple.__new__  # a KeywordMatch without NamedTuple's Python-level __new__ (half the cost)


_DFA_KEYS = 1_000


class _Automaton:
    """The keys of one reading and the entry each key stands for.

    Keys and texts are scanned as UTF-16-LE bytes: two bytes per character of the Basic Multilingual Plane
    (Han characters take three in UTF-8), so the automaton steps a third less, and a byte offset halved is
    the character offset. A match at an odd byte offset straddles two characters and is dropped; a text
    holding a character beyond the BMP (a surrogate pair) maps its offsets by decoding the prefix.
    """

    __slots__ = ("_automaton", "_entries", "size")

    def __init__(self, keys: dict[str, KeywordEntry]) -> None:
        self._entries = list(keys.values())
        # A DFA steps fastest while its table stays in the CPU's cache: the small automata (Latin keys,
        # leetspeak, homophones: a few hundred keys) take one; the main one (10,000 keys: about 96 MB as a
        # DFA, and then slower) stays a contiguous NFA.
        small = len(keys) <= _DFA_KEYS
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [key.encode("utf-16-le", "surrogatepass") for key in keys],
            implementation=ahocorasick_rs.Implementation.DFA if small else ahocorasick_rs.Implementation.ContiguousNFA,
        )
        self.size = len(keys)

    def _matches(self, text: str) -> tuple[list[tuple[int, int, int]], bytes | None]:
        """The automaton's (key index, start byte, end byte) and, when the text holds a character beyond
        the BMP, its bytes (offsets are then mapped by :func:`_characters`)."""
        data = text.encode("utf-16-le", "surrogatepass")
        found = self._automaton.find_matches_as_indexes(data, overlapping=True)
        return found, (None if len(data) == 2 * len(text) else data)

    def scan(self, text: str) -> list[tuple[int, int, KeywordEntry]]:
        """(start, end, entry) in characters of ``text`` for every key found in it, overlaps included."""
        entries = self._entries
        found, data = self._matches(text)
        if data is None:
            return [(start >> 1, end >> 1, entries[index]) for index, start, end in found if not start & 1]
        return [(_characters(data, a), _characters(data, b), entries[i]) for i, a, b in found if not a & 1]

    def spans(self, text: str, via: str) -> list[tuple[int, int, KeywordEntry, str]]:
        """The same with ``via`` added, in one step (the common case: positions need no map)."""
        entries = self._entries
        found, data = self._matches(text)
        if data is None:
            return [(start >> 1, end >> 1, entries[index], via) for index, start, end in found if not start & 1]
        return [(_characters(data, a), _characters(data, b), entries[i], via) for i, a, b in found if not a & 1]


def _characters(data: bytes, offset: int) -> int:
    return len(data[:offset].decode("utf-16-le", "surrogatepass"))


def _build(keys: dict[str, KeywordEntry]) -> _Automaton | None:
    return _Automaton(keys) if keys else None


class KeywordMatcher:
    """Immutable once built, so any number of threads may call :meth:`find` at the same time."""

    def __init__(self, entries: Iterable[KeywordEntry]) -> None:
        by_key: dict[str, KeywordEntry] = {}
        for entry in entries:
            # Normalised again here rather than trusting the stored form, so keywords and texts always
            # go through the same code even after the normalisation rules change.
            key = normalise_keyword(entry.word)
            if not key:
                continue
            known = by_key.get(key)
            # Two spellings of one keyword (賭博 / 赌博): the stricter action wins; homophones if either asks.
            if known is None or (known.action != BLOCK and entry.action == BLOCK):
                by_key[key] = KeywordEntry(
                    word=entry.word,
                    action=entry.action,
                    category=entry.category,
                    normalised=key,
                    homophones=entry.homophones or (known is not None and known.homophones),
                )
            elif entry.homophones and not known.homophones:
                by_key[key] = KeywordEntry(known.word, known.action, known.category, key, True)
        self.size = len(by_key)
        han = {k: e for k, e in by_key.items() if variants.is_all_han(k)}
        others = {k: e for k, e in by_key.items() if k not in han}
        leet = {
            variants.leet_key(k): e
            for k, e in others.items()
            if k.isascii() and len(k) >= 3 and any("a" <= c <= "z" for c in k)
        }
        sounds = {key: e for k, e in by_key.items() if e.homophones for key in variants.syllable_keys(k)}
        self._han = _build(han)  # Han-only keys, over the gapped text
        self._others = _build(others)  # Latin / digit / mixed keys (A货, v信), over the text itself
        # Both, for a text with no gap to take out (most texts): one scan instead of two.
        self._all = _build({**han, **others}) if han and others else None
        self._leet = _build(leet)
        self._sounds = _build(sounds)

    @classmethod
    def from_words(
        cls, words: Iterable[str], *, action: str = BLOCK, category: str = "other", homophones: bool = False
    ) -> KeywordMatcher:
        return cls(KeywordEntry(word=w, action=action, category=category, homophones=homophones) for w in words)

    def find(self, text: str) -> list[KeywordMatch]:
        if not self.size or not text:
            return []
        return self.find_normalised(readings.read(text))

    def _spans(self, normalised: NormalisedText) -> list[tuple[int, int, KeywordEntry, str]]:
        """(start, end, entry, via) in the normalised text."""
        text = normalised.text
        known = normalised if isinstance(normalised, readings.Readings) else None
        spans: list[tuple[int, int, KeywordEntry, str]] = []
        scanned_others = False
        if self._han is not None:
            gaps = known.gaps() if known is not None else None
            gapped = variants.gap_view(text, gaps=gaps) if gaps != [] else None
            if gapped is not None and gapped.text is not text:
                for start, end, entry in self._han.scan(gapped.text):
                    a, b = gapped.source_span(start, end)
                    spans.append((a, b, entry, EXACT if b - a == end - start else GAP))
            elif self._all is not None:  # nothing taken out: the same positions, every key at once
                spans, scanned_others = self._all.spans(text, EXACT), True
            else:
                spans = self._han.spans(text, EXACT)
        if self._others is not None:
            if not scanned_others:
                spans.extend(self._others.spans(text, EXACT))
            may_be_leet = known.may_be_leet if known is not None else variants.LEET_HINT.search(text) is not None
            if self._leet is not None and may_be_leet:
                for start, end, entry in self._leet.scan(variants.leet_view(text)):
                    piece = text[start:end]
                    # Something was read as a letter, and at least two real letters anchor the word
                    # (so "5m" or "304" never reads as a short Latin keyword).
                    if any(c.isdigit() for c in piece) and sum(c.isalpha() for c in piece) >= 2:
                        spans.append((start, end, entry, LEET))
        if self._sounds is not None:
            if known is not None:
                sounds = variants.syllable_view(
                    text,
                    translated=known.syllable_source,
                    positions=known.syllable_positions,
                    latin=known.has_latin_run,
                )
            else:
                sounds = variants.syllable_view(text)
            for start, end, entry in self._sounds.scan(sounds.text):
                a, b = sounds.source_span(start, end)
                spans.append((a, b, entry, HOMOPHONE))
        return spans

    def find_normalised(self, normalised: NormalisedText) -> list[KeywordMatch]:
        if not self.size or not normalised.text:
            return []
        spans = self._spans(normalised)
        if not spans:
            return []
        original = normalised.original
        if normalised.is_direct:
            index = normalised.index
            places = [(index[start], index[end - 1] + 1) for start, end, _, _ in spans]
        else:
            places = [normalised.original_span(start, end) for start, end, _, _ in spans]
        if all(via is EXACT for _, _, _, via in spans):
            # Only plain hits: each keyword is found once per place (one key per keyword and automaton).
            matches = [
                _new_match(KeywordMatch, (e.word, e.action, e.category, start, end, original[start:end], EXACT))
                for (start, end), (_, _, e, _) in zip(places, spans, strict=True)
            ]
        else:
            found: dict[tuple[str, int, int], KeywordMatch] = {}
            for (start, end), (_, _, entry, via) in zip(places, spans, strict=True):
                key = (entry.normalised, start, end)
                known = found.get(key)
                if known is not None and (via != EXACT or known.via == EXACT):
                    continue
                found[key] = _new_match(
                    KeywordMatch, (entry.word, entry.action, entry.category, start, end, original[start:end], via)
                )
            # One match per keyword and place; the plain reading wins over a variant at the same span.
            matches = list(found.values())
        # In order of start, the longer first (two stable sorts on C-level keys).
        matches.sort(key=_END, reverse=True)
        matches.sort(key=_START)
        return matches

    def count_hits(self, normalised: str) -> int:
        """The plain automaton scans over already-normalised text, without the variants."""
        return sum(
            1 for automaton in (self._han, self._others) if automaton is not None for _ in automaton.scan(normalised)
        )


class _MatcherCache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.matcher: KeywordMatcher | None = None
        self.token: str | None = None
        self.checked_at = float("-inf")
        # True after a change made in this process until it is known to be committed: while true the
        # token is read on every call, so a rolled-back change can never leave a stale automaton.
        self.uncommitted_change = False


_cache = _MatcherCache()


def _recheck_seconds() -> float:
    return float(getattr(settings, "MODERATION_KEYWORDS_RECHECK_SECONDS", 1.0))


def _current_token() -> str:
    from moderation.models import KeywordListVersion

    token = KeywordListVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or ""


def _load_active_entries() -> list[KeywordEntry]:
    from moderation.models import BannedKeyword

    rows = BannedKeyword.objects.filter(is_active=True).values_list(
        "word", "action", "category", "normalised", "match_homophones"
    )
    return [KeywordEntry(word=w, action=a, category=c, normalised=n, homophones=h) for w, a, c, n, h in rows]


def get_matcher() -> KeywordMatcher:
    now = time.monotonic()
    matcher = _cache.matcher
    if matcher is not None and not _cache.uncommitted_change and now - _cache.checked_at < _recheck_seconds():
        return matcher
    # One thread rebuilds; the others wait for it rather than each building the same automaton.
    with _cache.lock:
        token = _current_token()
        if _cache.matcher is None or token != _cache.token:
            _cache.matcher = KeywordMatcher(_load_active_entries())
            _cache.token = token
        _cache.checked_at = now
        return _cache.matcher


def mark_changed() -> None:
    """Called by the code that changed the list, inside its transaction."""
    _cache.uncommitted_change = True
    _cache.checked_at = float("-inf")


def mark_committed() -> None:
    _cache.uncommitted_change = False
    _cache.checked_at = float("-inf")


def invalidate() -> None:
    """Forget the cached automaton's freshness (after a database flush, for instance)."""
    _cache.checked_at = float("-inf")
