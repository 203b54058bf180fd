"""The Aho-Corasick matcher (R-OPS-1, R-FLOW-2): one pass, evasive spellings, spans in the original."""

from __future__ import annotations

import threading

import pytest
from django.db import transaction

from moderation import engine
from moderation.engine import KeywordEntry, KeywordMatcher
from moderation.models import BannedKeyword, KeywordListVersion
from moderation.services import test_text
from moderation.tests.factories import make_keyword


def test_matcher_finds_every_keyword_with_original_spans_R_OPS_1() -> None:
    matcher = KeywordMatcher.from_words(["代开发票", "赌博", "abc"])
    text = "本店可 代 开-发*票，另有 賭博 和 ＡＢＣ 服务"
    hits = matcher.find(text)
    assert [(h.word, text[h.start : h.end], h.matched_text) for h in hits] == [
        ("代开发票", "代 开-发*票", "代 开-发*票"),
        ("赌博", "賭博", "賭博"),
        ("abc", "ＡＢＣ", "ＡＢＣ"),
    ]


def test_overlapping_keywords_are_all_reported_R_OPS_1() -> None:
    matcher = KeywordMatcher.from_words(["代开", "代开发票", "发票"])
    assert sorted(h.word for h in matcher.find("代开发票")) == ["代开", "代开发票", "发票"]


def test_two_spellings_of_one_keyword_keep_the_stricter_action_R_OPS_1() -> None:
    matcher = KeywordMatcher(
        [KeywordEntry(word="賭博", action="flag", category="other"), KeywordEntry("赌博", "block", "illegal")]
    )
    (hit,) = matcher.find("赌博")
    assert hit.action == "block"


def test_empty_list_matches_nothing_R_OPS_1() -> None:
    assert KeywordMatcher([]).find("赌博") == []


def test_thousands_of_keywords_one_pass_R_OPS_1() -> None:
    words = [f"词{i:05d}" for i in range(5000)] + ["高利贷"]
    matcher = KeywordMatcher.from_words(words)
    assert matcher.size == 5001
    assert [h.word for h in matcher.find("提供高 利 贷，也卖 词04999")] == ["高利贷", "词04999"]


def test_concurrent_finds_share_one_matcher_R_OPS_1() -> None:
    matcher = KeywordMatcher.from_words(["赌博", "博彩"])
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(200):
                assert [h.word for h in matcher.find("赌博和博彩")] == ["赌博", "博彩"]
        except BaseException as exc:  # pragma: no cover - only on failure
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.django_db
def test_automaton_rebuilt_after_keyword_added_R_OPS_1() -> None:
    assert test_text("这里招聘刷单员").blocked == []
    make_keyword("刷单")  # within the re-check interval: the change in this process is seen at once
    assert [h.word for h in test_text("这里招聘刷单员").blocked] == ["刷单"]


@pytest.mark.django_db
def test_inactive_keywords_are_ignored_R_OPS_1() -> None:
    keyword = make_keyword("赌博")
    assert test_text("赌博").is_blocked
    keyword.is_active = False
    keyword.save()
    assert not test_text("赌博").is_blocked
    make_keyword("博彩", is_active=False)
    assert not test_text("博彩").is_blocked


@pytest.mark.django_db
def test_deleted_keyword_no_longer_matches_R_OPS_1() -> None:
    keyword = make_keyword("赌博")
    assert test_text("赌博").is_blocked
    keyword.delete()
    assert not test_text("赌博").is_blocked


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_change_made_by_another_process_is_picked_up_after_the_interval_R_OPS_1(settings) -> None:
    """Another process changes the list (simulated by writing the rows without this process's signals);
    this process sees it on its next version check."""
    settings.MODERATION_KEYWORDS_RECHECK_SECONDS = 3600
    make_keyword("赌博")
    assert test_text("赌博").is_blocked  # builds and caches with the current token
    BannedKeyword.objects.filter(word="赌博").update(is_active=False)
    KeywordListVersion.objects.filter(pk=1).update(token="changed-elsewhere")
    # Within the interval the cached automaton is still used (the version is not read on every call)…
    assert test_text("赌博").is_blocked
    # …and once the interval has passed, the new version is read and the automaton rebuilt.
    settings.MODERATION_KEYWORDS_RECHECK_SECONDS = 0
    assert not test_text("赌博").is_blocked


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rolled_back_change_does_not_leave_a_stale_automaton_R_OPS_1() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        make_keyword("赌博")
        assert test_text("赌博").is_blocked
        raise RuntimeError("roll back")
    assert not test_text("赌博").is_blocked


@pytest.mark.django_db
def test_version_counter_moves_on_every_change_R_OPS_1() -> None:
    make_keyword("赌博")
    first = KeywordListVersion.objects.get(pk=1).counter
    make_keyword("博彩")
    assert KeywordListVersion.objects.get(pk=1).counter == first + 1
    engine.invalidate()
    assert test_text("博彩").is_blocked
