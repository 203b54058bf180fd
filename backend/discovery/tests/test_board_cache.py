"""The shared cache of anonymous board answers (issue #13, ``discovery.board_cache``): what a reader sees
is what the database says at that moment — a newly approved post appears at the next request, a
rejected, taken-down, refreshed or edited one changes at once, a disabled owner's posts leave — and the
cached answer is byte for byte the answer without the cache (R-BOARD-1..4, R-OPS-2, R-PLUS-2)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from accounts.models import AccountStatus
from accounts.tests.factories import signed_in_client
from discovery.models import Favourite
from listings import services
from listings.models import PostStatus
from listings.tests.factories import make_reviewer
from search.tests.factories import ids, make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_cache_on")]


@pytest.fixture
def _cache_on():
    with override_settings(BOARD_CACHE_SECONDS=60):
        yield


def board(api, **params) -> list[int]:
    response = api.get("/api/discovery/procurement", params)
    assert response.status_code == 200, response
    return ids(response)


def test_approved_post_appears_and_rejected_one_disappears_at_once_R_BOARD_1_R_OPS_2(api) -> None:
    shown = make_post()
    pending = make_post(status=PostStatus.PENDING)
    assert board(api) == [shown.pk]
    assert board(api) == [shown.pk]  # now answered from the cache

    services.approve(reviewer=make_reviewer(), post_id=pending.pk)
    assert board(api) == [pending.pk, shown.pk]

    services.take_down_by_operator(operator=make_reviewer(), post_id=shown.pk, reason="违规信息")
    assert board(api) == [pending.pk]


def test_rejected_pending_post_never_shows_and_other_boards_keep_their_answer_R_BOARD_1(api) -> None:
    stock = make_post(kind="stock")
    pending = make_post(status=PostStatus.PENDING)
    assert board(api) == []
    assert ids(api.get("/api/discovery/stock")) == [stock.pk]
    services.reject(reviewer=make_reviewer(), post_id=pending.pk, reason="图片模糊")
    assert board(api) == []
    assert ids(api.get("/api/discovery/stock")) == [stock.pk]


def test_owner_disabled_or_post_edited_changes_the_list_at_once_R_PLUS_2(api) -> None:
    first, second = make_post(title="旧标题"), make_post()
    assert board(api) == [second.pk, first.pk]
    first.title = "新标题"
    first.save()
    titles = {item["id"]: item["title"] for item in api.get("/api/discovery/procurement").json()["items"]}
    assert titles[first.pk] == "新标题"

    owner = second.owner
    owner.status = AccountStatus.DISABLED
    owner.save()
    assert board(api) == [first.pk]


def test_each_query_has_its_own_answer_and_it_equals_the_uncached_one_R_BOARD_4(api) -> None:
    for _ in range(3):
        make_post()
    cached_first = api.get("/api/discovery/procurement", {"page_size": 2})
    cached_again = api.get("/api/discovery/procurement", {"page_size": 2})
    second_page = api.get("/api/discovery/procurement", {"page_size": 2, "page": 2})
    with override_settings(BOARD_CACHE_SECONDS=0):
        uncached = api.get("/api/discovery/procurement", {"page_size": 2})
    assert cached_first.raw.content == cached_again.raw.content == uncached.raw.content
    assert cached_first.json()["count"] == 3 and len(cached_first.json()["items"]) == 2
    assert len(second_page.json()["items"]) == 1


def test_signed_in_readers_see_their_own_favourite_marks_R_APP_4(api) -> None:
    post = make_post()
    assert api.get("/api/discovery/procurement").json()["items"][0]["favourite_id"] is None
    reader = signed_in_client()
    favourite = Favourite.objects.create(user=reader.user, post=post)
    assert reader.get("/api/discovery/procurement").json()["items"][0]["favourite_id"] == favourite.pk
    assert api.get("/api/discovery/procurement").json()["items"][0]["favourite_id"] is None


def test_a_kept_page_is_answered_before_the_api_parses_the_query_and_a_token_always_reaches_it_R_BOARD_1(
    api, monkeypatch
) -> None:
    """``board_cache.AnonymousBoardAnswers`` answers a kept anonymous page in front of the API (issue #13:
    parsing the query, authentication and input checks were most of a kept answer's cost). A request with
    an ``Authorization`` header is never answered from it: the API checks the token, as without the cache."""
    from ninja.operation import Operation

    shown = make_post()
    first = api.get("/api/discovery/procurement", {"sort": "newest"})
    assert ids(first) == [shown.pk]

    def no_api(*args, **kwargs):
        raise AssertionError("the API ran for a kept page")

    with monkeypatch.context() as patched:
        patched.setattr(Operation, "run", no_api)
        again = api.get("/api/discovery/procurement", {"sort": "newest"})
        assert again.status_code == 200 and again.raw.content == first.raw.content
    refused = api.get("/api/discovery/procurement", {"sort": "newest"}, headers={"Authorization": "Bearer 不是令牌"})
    assert refused.status_code == 401 and refused.json()["code"] == "token_invalid"
    # An unknown board, or a query the API refuses, is the API's to answer every time.
    assert api.get("/api/discovery/nonsense").json()["detail"][0]["field"] == "kind"
    for _ in range(2):
        assert api.get("/api/discovery/procurement", {"sort": "cheapest"}).status_code == 422


def test_a_renamed_category_shows_on_the_next_anonymous_read_R_ADM_4(api) -> None:
    """The console renames tags through the ORM; the kept anonymous pages name the new tag at once."""
    from taxonomy.models import CategoryTag

    post = make_post(category_name="保温杯")
    first = api.get("/api/discovery/procurement").json()["items"][0]
    assert first["category"]["name"] == "保温杯"
    category = CategoryTag.objects.get(pk=post.category_id)
    category.name = "真空保温杯"
    category.save()
    again = api.get("/api/discovery/procurement").json()["items"][0]
    assert (again["id"], again["category"]["name"]) == (post.pk, "真空保温杯")
