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

Speed: the automata are keyed by UTF-8 bytes (each byte one code unit of a Latin-1 string), so a
node has at most 256 children; pyahocorasick looks children up one by one, and a root with thousands
of Chinese first characters would otherwise cost a long search for every character of the text.
UTF-8 is self-synchronising, so a key can only match at a character boundary.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick
from django.conf import settings

from moderation import variants
from moderation.normalise import NormalisedText, normalise, normalise_keyword

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


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    word: str
    action: str
    category: str
    start: int  # span in the ORIGINAL text, half-open
    end: int
    matched_text: str
    via: str = EXACT


def _utf8(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _build(keys: dict[str, KeywordEntry]) -> Any:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, entry in keys.items():
        encoded = _utf8(key)
        automaton.add_word(encoded, (len(key), len(encoded), entry))
    automaton.make_automaton()
    return automaton


def _build_ascii(keys: dict[str, KeywordEntry]) -> Any:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, entry in keys.items():
        automaton.add_word(key, (len(key), len(key), entry))
    automaton.make_automaton()
    return automaton


def _scan_ascii(automaton: Any, text: str) -> Iterator[tuple[int, int, KeywordEntry]]:
    """For keys of ASCII letters and digits: every other character reads as one "?", which no key
    holds, so positions stay those of ``text`` and the scan is three times shorter than UTF-8."""
    for end, (chars, _, entry) in automaton.iter(text.encode("ascii", "replace").decode("ascii")):
        yield end - chars + 1, end + 1, entry


def _scan(automaton: Any, text: str) -> Iterator[tuple[int, int, KeywordEntry]]:
    """(start, end, entry) in characters of ``text`` for every key found in it."""
    encoded = text.encode("utf-8")
    ascii_only = len(encoded) == len(text)
    for end, (chars, size, entry) in automaton.iter(encoded.decode("latin-1")):
        start = end - size + 1
        if not ascii_only:
            start = len(encoded[:start].decode("utf-8"))
        yield start, start + chars, entry


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
        plain = {k: e for k, e in by_key.items() if k not in han and k.isascii()}
        mixed = {k: e for k, e in by_key.items() if k not in han and k not in plain}
        leet = {variants.leet_key(k): e for k, e in plain.items() if len(k) >= 3 and any("a" <= c <= "z" for c in k)}
        sounds = {key: e for k, e in by_key.items() if e.homophones for key in variants.syllable_keys(k)}
        self._han = _build(han)  # Han-only keys, over the gapped text
        self._ascii = _build_ascii(plain)  # Latin / digit keys
        self._mixed = _build(mixed)  # the rest (A货, v信), over the text itself
        self._leet = _build_ascii(leet)
        self._sounds = _build(sounds)

    @classmethod
    def from_words(
        cls, words: Iterable[str], *, action: str = BLOCK, category: str = "other", homophones: bool = False
    ) -> KeywordMatcher:
        return cls(KeywordEntry(word=w, action=action, category=category, homophones=homophones) for w in words)

    def find(self, text: str) -> list[KeywordMatch]:
        if not self.size or not text:
            return []
        return self.find_normalised(normalise(text))

    def _spans(self, text: str) -> Iterator[tuple[int, int, KeywordEntry, str]]:
        """(start, end, entry, via) in the normalised text."""
        if self._han is not None:
            gapped = variants.gap_view(text)
            for start, end, entry in _scan(self._han, gapped.text):
                span = gapped.source_span(start, end)
                yield span[0], span[1], entry, (EXACT if span[1] - span[0] == end - start else GAP)
        if self._mixed is not None:
            for start, end, entry in _scan(self._mixed, text):
                yield start, end, entry, EXACT
        if self._ascii is not None:
            for start, end, entry in _scan_ascii(self._ascii, text):
                yield start, end, entry, EXACT
            if self._leet is not None and variants.LEET_HINT.search(text):
                for start, end, entry in _scan_ascii(self._leet, variants.leet_view(text)):
                    piece = text[start:end]
                    # Something was read as a letter, and at least two real letters anchor the word
                    # (so "5m" or "304" never reads as a short Latin keyword).
                    if any(c.isdigit() for c in piece) and sum(c.isalpha() for c in piece) >= 2:
                        yield start, end, entry, LEET
        if self._sounds is not None:
            sounds = variants.syllable_view(text)
            for start, end, entry in _scan(self._sounds, sounds.text):
                span = sounds.source_span(start, end)
                yield span[0], span[1], entry, HOMOPHONE

    def find_normalised(self, normalised: NormalisedText) -> list[KeywordMatch]:
        if not self.size or not normalised.text:
            return []
        found: dict[tuple[str, int, int], KeywordMatch] = {}
        original = normalised.original
        for norm_start, norm_end, entry, via in self._spans(normalised.text):
            start, end = normalised.original_span(norm_start, norm_end)
            key = (entry.normalised, start, end)
            if key in found and (via != EXACT or found[key].via == EXACT):
                continue
            found[key] = KeywordMatch(
                word=entry.word,
                action=entry.action,
                category=entry.category,
                start=start,
                end=end,
                matched_text=original[start:end],
                via=via,
            )
        # One match per keyword and place; the plain reading wins over a variant at the same span.
        return sorted(found.values(), key=lambda m: (m.start, -m.end))

    def stats(self) -> dict[str, int]:
        """pyahocorasick's own view of the automata (nodes, memory in bytes), added up."""
        total: dict[str, int] = {}
        for automaton in (self._han, self._ascii, self._mixed, self._leet, self._sounds):
            if automaton is not None:
                for name, value in automaton.get_stats().items():
                    total[name] = total.get(name, 0) + int(value)
        return total

    def count_hits(self, normalised: str) -> int:
        """The plain automaton scans over already-normalised text, without the variants."""
        utf8_automata = [a for a in (self._han, self._mixed) if a is not None]
        hits = sum(1 for automaton in utf8_automata for _ in _scan(automaton, normalised))
        if self._ascii is not None:
            hits += sum(1 for _ in _scan_ascii(self._ascii, normalised))
        return hits


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
