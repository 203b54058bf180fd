"""Normalisation that defeats evasion (R-OPS-1): the keyword check must see through these forms."""

from __future__ import annotations

import pytest

from moderation.engine import KeywordMatcher
from moderation.normalise import normalise, normalise_keyword


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３", "abc123"),  # full-width letters and digits
        ("ABC", "abc"),  # case
        ("代 开-发*票", "代开发票"),  # spaces and symbols between characters
        ("代\u200b开\u200d发\ufeff票", "代开发票"),  # zero-width characters
        ("代　开．发～票", "代开发票"),  # ideographic space, full-width punctuation
        ("賭博", "赌博"),  # traditional → simplified
        ("代😀开🔥发票", "代开发票"),  # emoji between characters
    ],
)
def test_normalise_defeats_evasion_R_OPS_1(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_normalised_index_points_back_to_original_characters_R_OPS_1() -> None:
    text = "我们 代 开-发*票 哦"
    normalised = normalise(text)
    start = normalised.text.index("代开发票")
    span = normalised.original_span(start, start + 4)
    assert text[span[0] : span[1]] == "代 开-发*票"


def test_keyword_of_only_symbols_normalises_to_nothing_R_OPS_1() -> None:
    assert normalise_keyword(" -*- ") == ""
    # …and such a keyword is never added to the automaton (it would match everywhere).
    assert KeywordMatcher.from_words([" -*- "]).find("任何文本") == []
