"""The one-pass readings give the same answers as each module's own path (R-OPS-1, issue #12).

``moderation.readings.read`` builds the normalised text, its map back, the syllable reading and the
contact fold from one translation; the checks must find exactly what they find on the general path
(``normalise`` + ``variants`` + ``contacts`` each on their own), or a speed-up would silently change
what is caught. Compared on the evasion and benign corpora and on post-like random texts.
"""

from __future__ import annotations

import random

import pytest

from moderation import contacts, readings, variants
from moderation.contacts import find_contacts
from moderation.engine import KeywordEntry, KeywordMatcher
from moderation.normalise import normalise
from moderation.readings import read
from moderation.tests.corpus import BENIGN, EVASIONS, KEYWORDS

MATCHER = KeywordMatcher(KeywordEntry(word=w, action=a, category=c, homophones=h) for w, a, c, h in KEYWORDS)
PIECES = [
    "代开发票",
    "加微信",
    "一三八",
    "１３８",
    "ｑｑ",
    "Ａ货",
    "賭博",
    " ",
    "，",
    "😀",
    "&#20195;",
    "x",
    "7",
    "dai kai",
]


def _texts() -> list[str]:
    rng = random.Random(12)
    made = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    corpus = [text for cases in EVASIONS.values() for text, _ in cases]
    return corpus + list(BENIGN) + made + ["㎏装 代开发票", "ﬁne 代开发票", "𝐀货 138 1234 5678", "\u202e票发开代\u202c"]


TEXTS = _texts()


@pytest.mark.parametrize("text", TEXTS)
def test_one_pass_finds_what_each_module_finds_on_its_own_R_OPS_1(text: str) -> None:
    fast = read(text)
    general = normalise(text)
    assert fast.text == general.text
    assert list(fast.index) == list(general.index)
    assert fast.syllable_source == variants.syllable_translate(general.text)
    assert fast.syllable_positions() == [i for i, c in enumerate(general.text) if not "0" <= c <= "9"]
    if fast.contact_fold is not None:
        assert fast.contact_fold == contacts._fold(text)
    assert MATCHER.find_normalised(fast) == MATCHER.find_normalised(general)
    assert find_contacts(text, folded=fast.contact_fold) == find_contacts(text)
    assert fast.may_be_leet == (variants.LEET_HINT.search(general.text) is not None)
    assert fast.has_latin_run == (variants.LATIN_RUN_RE.search(general.text) is not None)
    assert variants.gap_view(fast.text, gaps=fast.gaps()).text == variants.gap_view(general.text).text


def test_the_fast_path_serves_ordinary_text_and_the_general_path_the_rest_R_OPS_1() -> None:
    assert read("工厂直供 代开发票，加微信 abc123").contact_fold is not None
    # A character whose normalised form is two characters (㎏ → kg), and one beyond the BMP.
    assert read("5㎏装").contact_fold is None
    assert read("𝐀货").contact_fold is None
    assert [m.word for m in MATCHER.find("5㎏装 代开发票")] == [
        m.word for m in MATCHER.find_normalised(normalise("5㎏装 代开发票"))
    ]


def test_characters_beyond_the_bmp_keep_their_place_R_OPS_1() -> None:
    """Automata scan UTF-16: a character beyond the BMP (𠮷, CJK extension B) is two code units, and a
    hit after it or inside a keyword holding one still points at the right characters."""
    matcher = KeywordMatcher.from_words(["代开发票", "𠮷野家"])
    text = "𠮷野家旁边 代开发票"
    hits = {m.word: (m.start, m.end, m.matched_text) for m in matcher.find(text)}
    assert hits == {"𠮷野家": (0, 3, "𠮷野家"), "代开发票": (6, 10, "代开发票")}


def test_the_c_pass_is_str_translate_with_the_table_R_OPS_1() -> None:
    """``cmt_textpass.translate4`` gives the very string ``str.translate`` gives with the table (same
    characters and, so comparisons and hashes agree, the same narrowest storage), or None exactly when
    some character has no four: on the texts above, on every BMP character, and on random mixes."""
    table = readings._table()

    def expected(text: str) -> str | None:
        translated = text.translate(table)
        return translated if len(translated) == 4 * len(text) else None

    rng = random.Random(21)
    every = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]
    mixes = ["".join(rng.choice(every) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for text in [*TEXTS, "", "abc", "\u00e9", "\u20ac", "𠮷", *every, *mixes]:
        got = readings.translate(text)
        assert got == expected(text), repr(text)
        if got is not None:
            assert hash(got) == hash(expected(text)) and got.isascii() == text.translate(table).isascii()
    with pytest.raises(TypeError):
        readings.cmt_textpass.translate4(b"bytes")
