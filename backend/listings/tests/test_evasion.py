"""Posting a post written around the filter (R-OPS-1, R-FLOW-2, issue #12): a sample of the evasion
corpus (``moderation/tests/corpus.py``) is refused at submit naming the keyword, hidden contacts send
the post to review marked, and ordinary business text goes to review unmarked."""

from __future__ import annotations

import pytest

from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import publisher_client, valid_payload
from moderation.models import BannedKeyword
from moderation.tests.corpus import BENIGN, CONTACT_CATEGORIES, EVASIONS, KEYWORDS

pytestmark = pytest.mark.django_db

KEYWORD_SAMPLE = [
    (category, *cases[i]) for category, cases in EVASIONS.items() if category not in CONTACT_CATEGORIES for i in (0, -1)
]
CONTACT_SAMPLE = [(category, *EVASIONS[category][i]) for category in sorted(CONTACT_CATEGORIES) for i in (0, 1, -1)]


@pytest.fixture(autouse=True)
def _keywords() -> None:
    for word, action, category, homophones in KEYWORDS:
        BannedKeyword.objects.create(word=word, action=action, category=category, match_homophones=homophones)


def _submit(description: str):  # type: ignore[no-untyped-def]
    client = publisher_client("factory")
    created = client.post("listings/posts", valid_payload(PostKind.STOCK, description=description, owner=client.user))
    assert created.status_code == 201, created
    post_id = created.json()["id"]
    return post_id, client.post(f"listings/posts/{post_id}/submit")


@pytest.mark.parametrize(("category", "text", "word"), KEYWORD_SAMPLE, ids=[f"{c}:{t}" for c, t, _ in KEYWORD_SAMPLE])
def test_disguised_keyword_refuses_the_post_and_names_the_word_R_OPS_1(category: str, text: str, word: str) -> None:
    post_id, response = _submit(f"库存处理。{text}")
    assert response.status_code == 422, (category, response.json())
    body = response.json()
    assert body["code"] == "content_blocked"
    assert word in body["message"]
    (hit,) = [h for h in body["detail"]["blocked"] if h["word"] == word]
    assert hit["field"] == "description"
    assert Post.objects.get(pk=post_id).status == PostStatus.DRAFT


@pytest.mark.parametrize(("category", "text", "kind"), CONTACT_SAMPLE, ids=[f"{c}:{t}" for c, t, _ in CONTACT_SAMPLE])
def test_hidden_contact_sends_the_post_to_review_marked_R_OPS_1(category: str, text: str, kind: str) -> None:
    post_id, response = _submit(f"量大从优，{text}")
    assert response.status_code == 200, response.json()
    post = Post.objects.get(pk=post_id)
    assert post.status == PostStatus.PENDING and post.is_flagged
    assert [hit["kind"] for hit in post.moderation["contacts"]] == [kind]


@pytest.mark.parametrize("text", BENIGN[:12])
def test_ordinary_business_text_is_not_refused_nor_marked_R_OPS_1(text: str) -> None:
    post_id, response = _submit(text)
    assert response.status_code == 200, response.json()
    post = Post.objects.get(pk=post_id)
    assert post.status == PostStatus.PENDING and not post.is_flagged
