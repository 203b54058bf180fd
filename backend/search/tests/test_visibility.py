"""Search carries visibility on its documents and pages by cursor (R-APP-1, R-PLUS-2, R-OPS-2, issue #13).

Each change that hides or shows a post or factory (review, take-down, the owner's account, expiry, the
recruitment licence) is seen by the very next search, in the results and in the board facets; pages
followed by ``next_cursor`` are the same rows as by page number, and page 100 answers.
Runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import AccountStatus
from accounts.services import change_status
from accounts.tests.factories import make_staff
from common.testing import commit_pending
from listings import services as listings
from listings.models import Post, PostKind, PostStatus, RecruitmentLicence
from listings.tests.factories import make_recruitment_licence
from search.tests.factories import make_factory, make_post

pytestmark = pytest.mark.django_db


def found(api, q: str = "保温杯", **params) -> tuple[list[int], dict[str, int], int]:
    commit_pending()
    body = api.get("/api/search", {"q": q, **params}).json()
    return [i["id"] for i in body["items"] if i["type"] == "post"], body["facets"], body["count"]


def test_taken_down_post_leaves_search_at_once_and_returns_when_approved_R_PLUS_2(api):
    operator = make_staff(superuser=True)
    post = make_post(title="保温杯 审核后上架", status=PostStatus.PENDING)
    assert found(api)[0] == []
    listings.approve(reviewer=operator, post_id=post.pk)
    assert found(api)[0] == [post.pk]
    listings.take_down_by_operator(operator=operator, post_id=post.pk, reason="图片与描述不符")
    ids, facets, count = found(api)
    assert (ids, facets["procurement"], count) == ([], 0, 0)
    Post.objects.filter(pk=post.pk).update(status=PostStatus.PENDING)
    listings.approve(reviewer=operator, post_id=post.pk)
    ids, facets, count = found(api)
    assert (ids, facets["procurement"], count) == ([post.pk], 1, 1)


def test_disabled_owner_leaves_search_and_returns_when_restored_R_OPS_2(api):
    operator = make_staff(superuser=True)
    post = make_post(title="保温杯 账号处理")
    factory = make_factory(name="永康保温杯厂", owner=post.owner)
    assert found(api)[2] == 2
    change_status(user=post.owner, status=AccountStatus.DISABLED, reason="违规", operator=operator)
    ids, facets, count = found(api)
    assert (ids, facets["procurement"], facets["factory"], count) == ([], 0, 0, 0)
    assert found(api, kind="factory")[2] == 0
    change_status(user=post.owner, status=AccountStatus.NORMAL, reason="申诉通过", operator=operator)
    ids, facets, count = found(api)
    assert (ids, facets["procurement"], facets["factory"], count) == ([post.pk], 1, 1, 2)
    assert factory.pk in [i["id"] for i in api.get("/api/search", {"q": "保温杯", "kind": "factory"}).json()["items"]]


def test_disablement_with_an_end_shows_the_post_again_when_it_ends_R_OPS_2(api):
    """No job has to run: the document carries when the owner is seen again."""
    post = make_post(title="保温杯 限期禁用")
    change_status(
        user=post.owner,
        status=AccountStatus.DISABLED,
        reason="违规",
        operator=make_staff(superuser=True),
        until=timezone.now() + timedelta(hours=1),
    )
    assert found(api)[0] == []
    with freeze_time(timezone.now() + timedelta(hours=2)):
        assert found(api)[0] == [post.pk]


def test_expired_post_leaves_search_and_returns_once_renewed_R_PLUS_2(api):
    today = timezone.localdate()
    post = make_post(title="保温杯 明天到期", valid_until=today + timedelta(days=1))
    assert found(api)[0] == [post.pk]
    with freeze_time(timezone.now() + timedelta(days=2)):
        ids, facets, _count = found(api)
        assert (ids, facets["procurement"]) == ([], 0)
        post.valid_until = today + timedelta(days=30)
        post.save()
        assert found(api)[0] == [post.pk]


def test_labour_posts_leave_search_without_the_recruitment_licence_and_return_with_it_R_PLUS_2(api):
    job = make_post(kind=PostKind.LABOUR, job_type="缝纫工", title="招缝纫工 20 人", category_name=None)
    assert found(api, "缝纫工")[0] == [job.pk]
    RecruitmentLicence.objects.all().delete()
    ids, facets, count = found(api, "缝纫工")
    assert (ids, facets["labour"], count) == ([], 0, 0)
    make_recruitment_licence()
    ids, facets, count = found(api, "缝纫工")
    assert (ids, facets["labour"], count) == ([job.pk], 1, 1)


def _many(n: int) -> list[Post]:
    """``n`` matching posts, a third with the word in the title only in the body, indexed in one rebuild."""
    owner = make_post(title="无关 信息", category_name=None).owner
    now = timezone.now()
    rows = [
        Post(
            owner=owner,
            kind=PostKind.PROCUREMENT,
            title=f"保温杯 第 {i} 批" if i % 3 else f"杯类订单 {i}",
            description="" if i % 3 else "需要保温杯，带礼盒",
            status=PostStatus.PUBLISHED,
            region_id="330212",
            valid_until=timezone.localdate() + timedelta(days=30),
            # Some share a publication time: the cursor must still neither skip nor repeat them.
            published_at=now - timedelta(minutes=i // 2),
        )
        for i in range(n)
    ]
    Post.objects.bulk_create(rows)
    call_command("rebuild_search_index", verbosity=0)
    return rows


def test_cursor_pages_are_the_number_pages_with_title_matches_first_R_APP_1(api):
    _many(47)
    by_number = []
    for page in (1, 2, 3):
        by_number += found(api, page=page, page_size=20)[0]
    by_cursor, cursor, pages = [], None, 0
    while True:
        body = api.get("/api/search", {"q": "保温杯", "page_size": 20, **({"cursor": cursor} if cursor else {})}).json()
        by_cursor += [i["id"] for i in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and len(by_cursor) == 47 == len(set(by_cursor))
    assert by_cursor == by_number
    titles = dict(Post.objects.filter(pk__in=by_cursor).values_list("pk", "title"))
    in_title = [pk for pk in by_cursor if "保温杯" in titles[pk]]
    assert by_cursor[: len(in_title)] == in_title  # every title match before any body-only match


def test_page_100_answers_and_continues_by_cursor_R_APP_1(api):
    _many(103)
    page_99 = api.get("/api/search", {"q": "保温杯", "page": 99, "page_size": 1}).json()
    page_100 = api.get("/api/search", {"q": "保温杯", "page": 100, "page_size": 1}).json()
    assert page_100["count"] == 103 and len(page_100["items"]) == 1 and page_100["next_cursor"]
    after = api.get("/api/search", {"q": "保温杯", "page_size": 1, "cursor": page_99["next_cursor"]}).json()
    assert after["items"] == page_100["items"] != page_99["items"]
    assert after["next_cursor"] == page_100["next_cursor"]
    assert api.get("/api/search", {"q": "保温杯", "page": 100, "page_size": 50}).json()["items"] == []


def test_a_broken_cursor_is_refused_naming_it(api):
    make_post(title="保温杯")
    response = api.get("/api/search", {"q": "保温杯", "cursor": "not-a-cursor"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "cursor"
