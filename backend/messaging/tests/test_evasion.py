"""Chat written around the filter (R-OPS-1, R-PLUS-3, issue #12): a sample of the evasion corpus
(``moderation/tests/corpus.py``) is refused naming the keyword; hidden contacts reach the other party
masked; ordinary business text arrives as written."""

from __future__ import annotations

from typing import Any

import pytest

from messaging.models import Message
from messaging.tests.factories import open_chat, pair
from moderation.models import BannedKeyword
from moderation.tests.corpus import BENIGN, CONTACT_CATEGORIES, EVASIONS, KEYWORDS

pytestmark = pytest.mark.django_db

KEYWORD_SAMPLE = [
    (category, *cases[i]) for category, cases in EVASIONS.items() if category not in CONTACT_CATEGORIES for i in (1,)
]
CONTACT_SAMPLE = [(category, *EVASIONS[category][i]) for category in sorted(CONTACT_CATEGORIES) for i in (0, -1)]


@pytest.fixture(autouse=True)
def _keywords() -> None:
    for word, action, category, homophones in KEYWORDS:
        BannedKeyword.objects.create(word=word, action=action, category=category, match_homophones=homophones)


def _chat() -> tuple[Any, Any, str]:
    buyer, seller, post = pair()
    conversation_id = open_chat(buyer, post)["conversation_id"]
    return buyer, seller, f"messaging/conversations/{conversation_id}/messages"


@pytest.mark.parametrize(("category", "text", "word"), KEYWORD_SAMPLE, ids=[f"{c}:{t}" for c, t, _ in KEYWORD_SAMPLE])
def test_disguised_keyword_refuses_the_message_R_OPS_1(category: str, text: str, word: str) -> None:
    buyer, _seller, url = _chat()
    response = buyer.post(url, {"text": text})
    assert response.status_code == 422, category
    assert response.json()["code"] == "content_blocked"
    assert word in response.json()["message"]
    assert not Message.objects.exists()


@pytest.mark.parametrize(("category", "text", "kind"), CONTACT_SAMPLE, ids=[f"{c}:{t}" for c, t, _ in CONTACT_SAMPLE])
def test_hidden_contact_reaches_the_other_party_masked_R_PLUS_3(category: str, text: str, kind: str) -> None:
    buyer, seller, url = _chat()
    assert buyer.post(url, {"text": f"你好，{text}"}).status_code == 201
    (seen,) = seller.get(url).json()["items"]
    assert seen["masked"] is True
    assert seen["text"] != f"你好，{text}"
    assert text not in seen["text"]
    assert Message.objects.get().moderation["contacts"] == [kind]


@pytest.mark.parametrize("text", BENIGN[::5])
def test_ordinary_business_text_arrives_as_written_R_OPS_1(text: str) -> None:
    buyer, seller, url = _chat()
    assert buyer.post(url, {"text": text}).status_code == 201
    (seen,) = seller.get(url).json()["items"]
    assert (seen["text"], seen["masked"]) == (text, False)
    assert Message.objects.get().is_flagged is False
