"""The keyword matcher: one Aho-Corasick pass over the normalised text finds every keyword at once.

:class:`KeywordMatcher` works on a plain list of keywords (the benchmark uses it without a database).
:func:`get_matcher` is the process-wide matcher built from the active keywords in the database. It is
rebuilt when the list's version token changes; the token is read at most once per
``MODERATION_KEYWORDS_RECHECK_SECONDS`` (default 1 s), and at once after a change made in this
process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick
from django.conf import settings

from moderation.normalise import NormalisedText, normalise, normalise_keyword

BLOCK = "block"
FLAG = "flag"


@dataclass(frozen=True)
class KeywordEntry:
    word: str
    action: str
    category: str
    normalised: str = ""


@dataclass(frozen=True)
class KeywordMatch:
    word: str
    action: str
    category: str
    start: int  # span in the ORIGINAL text, half-open
    end: int
    matched_text: str


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
            # Two spellings of one keyword (賭博 / 赌博): the stricter action wins.
            if known is None or (known.action != BLOCK and entry.action == BLOCK):
                by_key[key] = KeywordEntry(
                    word=entry.word, action=entry.action, category=entry.category, normalised=key
                )
        self.size = len(by_key)
        self._automaton: Any = None
        if by_key:
            automaton = ahocorasick.Automaton()
            for key, entry in by_key.items():
                automaton.add_word(key, (len(key), entry))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def from_words(cls, words: Iterable[str], *, action: str = BLOCK, category: str = "other") -> KeywordMatcher:
        return cls(KeywordEntry(word=w, action=action, category=category) for w in words)

    def find(self, text: str) -> list[KeywordMatch]:
        if self._automaton is None or not text:
            return []
        return self.find_normalised(normalise(text))

    def find_normalised(self, normalised: NormalisedText) -> list[KeywordMatch]:
        if self._automaton is None or not normalised.text:
            return []
        matches: list[KeywordMatch] = []
        seen: set[tuple[str, int, int]] = set()
        original = normalised.original
        for end_index, (length, entry) in self._automaton.iter(normalised.text):
            start, end = normalised.original_span(end_index - length + 1, end_index + 1)
            if (entry.normalised, start, end) in seen:
                continue
            seen.add((entry.normalised, start, end))
            matches.append(
                KeywordMatch(
                    word=entry.word,
                    action=entry.action,
                    category=entry.category,
                    start=start,
                    end=end,
                    matched_text=original[start:end],
                )
            )
        matches.sort(key=lambda m: (m.start, -m.end))
        return matches

    def stats(self) -> dict[str, int]:
        """pyahocorasick's own view of the automaton (nodes, memory in bytes)."""
        return dict(self._automaton.get_stats()) if self._automaton is not None else {}

    def count_hits(self, normalised: str) -> int:
        """The bare automaton scan over already-normalised text (what the benchmark compares)."""
        if self._automaton is None:
            return 0
        return sum(1 for _ in self._automaton.iter(normalised))


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

    rows = BannedKeyword.objects.filter(is_active=True).values_list("word", "action", "category", "normalised")
    return [KeywordEntry(word=w, action=a, category=c, normalised=n) for w, a, c, n in rows]


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
