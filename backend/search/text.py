"""Chinese text for the search index: normalisation, jieba segmentation, match highlighting.

The same normalisation and segmenter run at index time and at query time, so a query word meets the
token the document produced. jieba's search mode also emits the dictionary words inside a long word
(不锈钢真空保温杯 → 不锈 不锈钢 真空 保温 保温杯), which lets a short query find a long title.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass

import jieba
import zhconv

from taxonomy.models import CategoryTag, JobType, ProcessType

_WORD = re.compile(r"\w+", re.UNICODE)
_lock = threading.Lock()
_ready = False
_extra_words: set[str] = set()

jieba.setLogLevel(logging.WARNING)


def normalise(text: str) -> str:
    """Full-width → half-width, case-folded, traditional → simplified."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return zhconv.convert(text, "zh-cn")


def _ensure_ready() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        jieba.initialize()
        _ready = True
    add_words(_taxonomy_words())


def _taxonomy_words() -> list[str]:
    """Tag names (保温杯, 缝纫工, CNC操机员…) are domain words the general dictionary may split."""
    try:
        names: list[str] = []
        for model in (CategoryTag, JobType, ProcessType):
            names.extend(model.objects.values_list("name", flat=True))
        return names
    except Exception:  # the tables may not exist yet (during migrate)
        return []


def add_words(words: list[str]) -> None:
    for raw in words:
        for part in re.split(r"[/、,，\s]+", normalise(raw)):
            if len(part) > 1 and part not in _extra_words:
                jieba.add_word(part, freq=20000)
                _extra_words.add(part)


def index_tokens(text: str) -> list[str]:
    """Search-mode tokens of a document, punctuation and spaces dropped."""
    _ensure_ready()
    return [t for t in jieba.cut_for_search(normalise(text)) if _WORD.fullmatch(t)]


def index_string(*texts: str) -> str:
    return " ".join(index_tokens(" ".join(t for t in texts if t)))


@dataclass(frozen=True)
class ParsedQuery:
    """The words a query must all match (strict) and, per word, looser alternatives (relaxed)."""

    words: list[str]
    alternatives: list[list[str]]

    @property
    def all_terms(self) -> list[str]:
        seen: dict[str, None] = {}
        for group in self.alternatives:
            for term in group:
                seen.setdefault(term, None)
        return list(seen)


def parse_query(query: str) -> ParsedQuery:
    _ensure_ready()
    words: list[str] = []
    for token in jieba.cut(normalise(query)[:100]):
        if _WORD.fullmatch(token) and token not in words:
            words.append(token)
    words = words[:10]
    alternatives = []
    for word in words:
        group = [word]
        for sub in jieba.cut_for_search(word):
            if _WORD.fullmatch(sub) and sub not in group and len(sub) > 1:
                group.append(sub)
        alternatives.append(group)
    return ParsedQuery(words=words, alternatives=alternatives)


def highlight_ranges(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """``[start, end)`` character ranges of ``text`` where any term occurs (longest first, merged).

    The client renders plain text and marks these ranges, so nothing user-written is ever parsed as
    HTML.
    """
    if not text or not terms:
        return []
    folded = normalise(text)
    if len(folded) != len(text):  # NFKC changed lengths (rare ligatures): fall back to case folding only
        folded = text.lower()
    spans: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, terms: list[str], *, width: int = 60) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first match (or its start), with the match ranges inside it."""
    text = " ".join((text or "").split())
    ranges = highlight_ranges(text, terms)
    if len(text) <= width:
        return text, ranges
    start = max(0, ranges[0][0] - width // 4) if ranges else 0
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    window = prefix + text[start:end] + suffix
    shift = len(prefix) - start
    inside = [(s + shift, min(e, end) + shift) for s, e in ranges if s >= start and s < end]
    return window, inside
