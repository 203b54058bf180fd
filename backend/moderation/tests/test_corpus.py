"""The evasion corpus through the engine, every case, and the benign corpus (R-OPS-1, issue #12).

A sample of both goes through the HTTP API here (the draft pre-check), in ``listings/tests/test_evasion.py``
(posting a post) and in ``messaging/tests/test_evasion.py`` (sending a chat message).
"""

from __future__ import annotations

import pytest

from moderation.contacts import find_contacts
from moderation.demo import DEFAULT_KEYWORDS
from moderation.engine import KeywordEntry, KeywordMatcher
from moderation.models import BannedKeyword
from moderation.services import test_text
from moderation.tests.corpus import BENIGN, CONTACT_CATEGORIES, EVASIONS, KEYWORDS

MATCHER = KeywordMatcher(KeywordEntry(word=w, action=a, category=c, homophones=h) for w, a, c, h in KEYWORDS)

CASES = [(category, text, expected) for category, cases in EVASIONS.items() for text, expected in cases]


def caught(category: str, text: str, expected: str) -> bool:
    if category in CONTACT_CATEGORIES:
        return expected in [hit.kind for hit in find_contacts(text)]
    return expected in [hit.word for hit in MATCHER.find(text)]


def test_the_corpus_has_at_least_ten_cases_per_category_and_forty_benign_texts() -> None:
    assert len(EVASIONS) == 11
    assert all(len(cases) >= 10 for cases in EVASIONS.values()), {k: len(v) for k, v in EVASIONS.items()}
    assert len(BENIGN) >= 40
    assert "可开增值税发票" in BENIGN


@pytest.mark.parametrize(("category", "text", "expected"), CASES, ids=[f"{c}:{t}" for c, t, _ in CASES])
def test_every_evasion_is_caught_R_OPS_1(category: str, text: str, expected: str) -> None:
    assert caught(category, text, expected)


def test_caught_per_category_R_OPS_1() -> None:
    """The figures of the issue's closing note (shown with ``pytest -s``)."""
    rows = {c: (sum(caught(c, t, e) for t, e in cases), len(cases)) for c, cases in EVASIONS.items()}
    print()
    for category, (found, tried) in rows.items():
        print(f"  {category:<28} {found:>3}/{tried}")
    false_positives = [t for t in BENIGN if MATCHER.find(t) or find_contacts(t)]
    print(f"  {'benign (false positives)':<28} {len(false_positives):>3}/{len(BENIGN)}")
    assert all(found == tried for found, tried in rows.values())
    assert false_positives == []


@pytest.mark.parametrize("text", BENIGN)
def test_benign_business_text_passes_R_OPS_1(text: str) -> None:
    assert MATCHER.find(text) == []
    assert find_contacts(text) == []


def test_benign_text_passes_the_starter_list_even_with_homophones_on_R_OPS_1() -> None:
    """The shipped starter list (``demo.py``), every word marked "match homophones": still no false positive."""
    strict = KeywordMatcher(
        [KeywordEntry(word=w, action=a, category=c, homophones=True) for w, a, c, _ in DEFAULT_KEYWORDS]
        + [KeywordEntry(word=w, action=a, category=c, homophones=h) for w, a, c, h in KEYWORDS]
    )
    assert {text: [h.word for h in strict.find(text)] for text in BENIGN if strict.find(text)} == {}


def test_homophones_are_opt_in_because_some_words_sound_like_trade_talk_R_OPS_1() -> None:
    """套现 (tao xian) sounds like 套线 in 整套线路板: that is why an operator marks words one by one."""
    assert KeywordMatcher.from_words(["套现"]).find("整套线路板加工") == []
    assert [h.word for h in KeywordMatcher.from_words(["套现"], homophones=True).find("整套线路板加工")] == ["套现"]


def test_hits_point_at_the_original_characters_R_OPS_1() -> None:
    """The console highlights the span: it covers what the writer typed, entities and gaps included."""
    for text, word, shown in [
        ("请代x开y发z票", "代开发票", "代x开y发z票"),
        ("请代&#24320;发票", "代开发票", "代&#24320;发票"),
        ("请 dai kai fa piao 谢谢", "代开发票", "dai kai fa piao"),
        ("请代开发漂谢谢", "代开发票", "代开发漂"),
        ("买 v1agra 吧", "viagra", "v1agra"),
    ]:
        (hit,) = [h for h in MATCHER.find(text) if h.word == word]
        assert text[hit.start : hit.end] == shown == hit.matched_text


def test_homophones_only_for_keywords_marked_so_R_OPS_1() -> None:
    plain = KeywordMatcher.from_words(["代开发票"])
    assert plain.find("代开发漂") == []
    assert plain.find("dai kai fa piao") == []
    sounds = KeywordMatcher.from_words(["代开发票"], homophones=True)
    assert [h.word for h in sounds.find("代开发漂")] == ["代开发票"]


def test_gaps_are_short_R_OPS_1() -> None:
    """At most three non-Han characters between two characters of a keyword."""
    assert [h.word for h in MATCHER.find("代abc开发票")] == ["代开发票"]
    assert MATCHER.find("代abcd开发票") == []


@pytest.mark.django_db
def test_match_homophones_is_read_from_the_keyword_list_R_OPS_1() -> None:
    BannedKeyword.objects.create(word="代开发票", action="block", match_homophones=True)
    BannedKeyword.objects.create(word="赌博", action="block")
    assert test_text("dai kai fa piao").blocked_words == ["代开发票"]
    assert test_text("睹博").blocked_words == []


@pytest.mark.django_db
def test_the_precheck_endpoint_refuses_a_sample_of_the_corpus_R_OPS_1(make_client) -> None:  # type: ignore[no-untyped-def]
    for word, action, category, homophones in KEYWORDS:
        BannedKeyword.objects.create(word=word, action=action, category=category, match_homophones=homophones)
    client = make_client()
    for category, cases in EVASIONS.items():
        if category in CONTACT_CATEGORIES:
            continue
        for text, expected in cases[:3]:
            response = client.post("moderation/precheck", {"texts": {"description": text}})
            assert response.status_code == 422, (category, text)
            body = response.json()
            assert body["code"] == "content_blocked"
            assert expected in body["message"]
    for category in CONTACT_CATEGORIES:
        for text, expected in EVASIONS[category][:3]:
            response = client.post("moderation/precheck", {"texts": {"description": text}})
            assert response.status_code == 200
            assert [c["kind"] for c in response.json()["contacts"]] == [expected], text
    for text in BENIGN[:10]:
        response = client.post("moderation/precheck", {"texts": {"description": text}})
        assert response.json() == {"passed": True, "contacts": []}, text
