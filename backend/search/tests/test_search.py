"""Keyword search with Chinese segmentation over every board and the verified factories (R-APP-1).

Runs on SQLite (FTS5) and PostgreSQL (tsvector + GIN) alike: set DATABASE_URL to run it on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.services import change_status
from accounts.tests.factories import make_staff
from common.testing import commit_pending
from listings.models import Post, PostKind, PostStatus
from search.models import SearchDocument
from search.tests.factories import make_factory, make_post
from taxonomy.models import CategoryTag

pytestmark = pytest.mark.django_db


def _marked(text: str, ranges: list[list[int]]) -> list[str]:
    return [text[start:end] for start, end in ranges]


def test_short_word_finds_long_segmented_title_with_highlights_R_APP_1(api):
    post = make_post(title="不锈钢真空保温杯 30000 个", description="出口欧洲，需 LFGB 认证的保温杯，304 内胆")
    make_post(title="陶瓷餐具套装 5000 套", category_name="餐具")
    response = api.get("/api/search", {"q": "保温杯"})
    assert response.status_code == 200
    body = response.json()
    assert [(i["type"], i["id"]) for i in body["items"]] == [("post", post.pk)]
    hit = body["items"][0]
    assert _marked(hit["title"], hit["title_highlights"]) == ["保温杯"]
    assert "保温杯" in _marked(hit["snippet"], hit["highlights"])
    assert body["facets"]["procurement"] == 1 and body["count"] == 1
    assert hit["board"] == "procurement" and hit["board_label"] == "采购需求"


def test_multi_word_query_needs_every_word_and_ranks_title_matches_first_R_APP_1(api):
    in_title = make_post(title="真空保温杯 出口订单", description="普通说明")
    in_body = make_post(title="杯类采购", description="需要真空保温杯，带礼盒")
    make_post(title="真空包装袋", description="食品级", category_name="收纳用品")
    body = api.get("/api/search", {"q": "真空保温杯"}).json()
    assert [i["id"] for i in body["items"]] == [in_title.pk, in_body.pk]


def test_search_covers_job_types_processes_and_factories_with_board_facets_R_APP_1(api):
    job = make_post(kind=PostKind.LABOUR, job_type="缝纫工", title="招缝纫工 20 人", category_name=None)
    service = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑",), title="承接注塑加工", category_name=None)
    demand = make_post(kind=PostKind.PROCESSING_DEMAND, processes=("注塑",), title="PP 收纳盒注塑代加工需求")
    factory = make_factory(name="余姚精工注塑厂", main_products="注塑件、塑料收纳盒", categories=("收纳用品",))
    make_factory(name="未认证注塑厂", verified=False)
    assert [i["id"] for i in api.get("/api/search", {"q": "缝纫工"}).json()["items"]] == [job.pk]
    body = api.get("/api/search", {"q": "注塑"}).json()
    assert body["facets"]["processing_service"] == 1
    assert body["facets"]["processing_demand"] == 1
    assert body["facets"]["factory"] == 1
    assert body["count"] == 3
    assert {(i["type"], i["id"]) for i in body["items"]} == {
        ("post", service.pk),
        ("post", demand.pk),
        ("factory", factory.pk),
    }
    only_factories = api.get("/api/search", {"q": "注塑", "kind": "factory"}).json()
    assert [(i["type"], i["id"]) for i in only_factories["items"]] == [("factory", factory.pk)]
    assert only_factories["count"] == 1 and only_factories["facets"]["processing_service"] == 1


def test_hidden_posts_never_appear_in_search_R_PLUS_2(api):
    make_post(title="保温杯 草稿", status=PostStatus.DRAFT)
    expired = make_post(title="保温杯 过期", valid_until=timezone.localdate() - timedelta(days=1))
    banned = make_post(title="保温杯 禁用账号")
    User.objects.filter(pk=banned.owner_id).update(status=AccountStatus.DISABLED)
    visible = make_post(title="保温杯 正常")
    assert [i["id"] for i in api.get("/api/search", {"q": "保温杯"}).json()["items"]] == [visible.pk]
    assert SearchDocument.objects.filter(post=expired).exists()  # still indexed; filtered at query time


def test_index_follows_edits_and_take_downs_R_APP_1(api):
    post = make_post(title="儿童保温杯")
    post.title = "儿童水壶"
    post.product_name = "水壶"
    post.category = CategoryTag.objects.get(name="厨具")
    post.save()
    assert api.get("/api/search", {"q": "保温杯"}).json()["count"] == 0
    assert api.get("/api/search", {"q": "水壶"}).json()["count"] == 1
    post.status = PostStatus.TAKEN_DOWN
    post.save()
    assert api.get("/api/search", {"q": "水壶"}).json()["count"] == 0
    assert not SearchDocument.objects.filter(post=post).exists()


def test_full_width_traditional_and_case_are_normalised_R_APP_1(api):
    post = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("CNC",), title="承接CNC精密加工", category_name=None)
    assert [i["id"] for i in api.get("/api/search", {"q": "ｃｎｃ"}).json()["items"]] == [post.pk]
    cup = make_post(title="真空保溫杯")  # traditional 溫
    assert cup.pk in [i["id"] for i in api.get("/api/search", {"q": "保温杯"}).json()["items"]]


def test_relaxed_match_when_whole_word_is_absent_R_APP_1(api):
    post = make_post(title="保温饭盒 2000 个", product_name="保温饭盒", category_name="餐具")
    body = api.get("/api/search", {"q": "保温杯"}).json()
    assert body["relaxed"] is True
    assert [i["id"] for i in body["items"]] == [post.pk]


def test_highlights_are_ranges_over_plain_text_not_html(api):
    make_post(title="<b>保温杯</b> & 餐具")
    hit = api.get("/api/search", {"q": "保温杯"}).json()["items"][0]
    assert hit["title"] == "<b>保温杯</b> & 餐具"
    assert _marked(hit["title"], hit["title_highlights"]) == ["保温杯"]


def test_empty_or_punctuation_query(api):
    assert api.get("/api/search", {"q": ""}).status_code == 422
    body = api.get("/api/search", {"q": "，。！"}).json()
    assert body["count"] == 0 and body["items"] == []


def test_rebuild_command_restores_the_index(api):
    from django.core.management import call_command

    post = make_post(title="不锈钢真空保温杯 30000 个")
    make_factory(name="永康保温杯厂")
    commit_pending()  # the index is written after the changes commit
    SearchDocument.objects.all().delete()
    assert api.get("/api/search", {"q": "保温杯"}).json()["count"] == 0
    call_command("rebuild_search_index", verbosity=0)
    body = api.get("/api/search", {"q": "保温杯"}).json()
    assert body["count"] == 2 and post.pk in [i["id"] for i in body["items"] if i["type"] == "post"]


def test_search_query_count_does_not_grow_with_results(api, django_assert_max_num_queries):
    for n in range(3):
        make_post(title=f"保温杯 {n}")
    commit_pending()
    with django_assert_max_num_queries(6) as few:
        api.get("/api/search", {"q": "保温杯"})
    for n in range(15):
        make_post(title=f"保温杯 批次 {n}")
    commit_pending()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert api.get("/api/search", {"q": "保温杯"}).json()["count"] == 18


def test_engine_in_use_matches_the_database():
    """Guards the per-vendor migration: FTS5 on SQLite, a tsvector column on PostgreSQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'matching_search_fts'")
            assert cursor.fetchone() is not None
        else:
            cursor.execute(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'matching_searchdocument' AND column_name = 'search_vector'"
            )
            assert cursor.fetchone()[0] == "tsvector"
    assert Post.objects.count() == 0


def test_owner_disabled_after_indexing_leaves_results_and_facets_R_OPS_2(api):
    """Disabling an account re-marks its documents: its posts and factory leave results and facets."""
    post = make_post(title="保温杯 账号随后被禁用")
    factory = make_factory(name="永康保温杯厂")
    other = make_post(title="保温杯 正常账号")
    body = api.get("/api/search", {"q": "保温杯"}).json()
    assert body["count"] == 3 and body["facets"]["factory"] == 1
    operator = make_staff(superuser=True)
    for owner in User.objects.filter(pk__in=[post.owner_id, factory.owner_id]):
        change_status(user=owner, status=AccountStatus.DISABLED, reason="违规", operator=operator)
    commit_pending()
    body = api.get("/api/search", {"q": "保温杯"}).json()
    assert [(i["type"], i["id"]) for i in body["items"]] == [("post", other.pk)]
    assert body["count"] == 1
    assert body["facets"]["procurement"] == 1 and body["facets"]["factory"] == 0
    assert api.get("/api/search", {"q": "保温杯", "kind": "factory"}).json()["items"] == []


def test_disablement_that_has_ended_shows_the_post_again_R_OPS_2(api):
    post = make_post(title="保温杯 解禁")
    User.objects.filter(pk=post.owner_id).update(
        status=AccountStatus.DISABLED, status_until=timezone.now() - timedelta(minutes=1)
    )
    body = api.get("/api/search", {"q": "保温杯"}).json()
    assert [i["id"] for i in body["items"]] == [post.pk] and body["facets"]["procurement"] == 1


def test_post_disappears_once_expired_without_reindexing_R_PLUS_2(api):
    from freezegun import freeze_time

    today = timezone.localdate()
    expiring = make_post(title="保温杯 明天到期", valid_until=today + timedelta(days=1))
    lasting = make_post(title="保温杯 长期", valid_until=today + timedelta(days=30))
    assert api.get("/api/search", {"q": "保温杯"}).json()["count"] == 2
    with freeze_time(timezone.now() + timedelta(days=2)):
        body = api.get("/api/search", {"q": "保温杯"}).json()
    assert [i["id"] for i in body["items"]] == [lasting.pk]
    assert body["count"] == 1 and body["facets"]["procurement"] == 1
    assert SearchDocument.objects.filter(post=expiring).exists()  # still indexed; filtered at query time


def test_stale_index_never_shows_a_post_hidden_without_signals_R_PLUS_2(api):
    """A status written by a queryset update() leaves the document behind; the page is re-checked."""
    hidden = make_post(title="保温杯 已下架")
    shown = make_post(title="保温杯 在架")
    commit_pending()
    Post.objects.filter(pk=hidden.pk).update(status=PostStatus.TAKEN_DOWN)
    assert SearchDocument.objects.filter(post=hidden).exists()
    assert [i["id"] for i in api.get("/api/search", {"q": "保温杯"}).json()["items"]] == [shown.pk]


def test_index_copies_owner_and_validity_for_the_one_query_filter(api):
    """The document carries what the visibility filter reads (issue #13)."""
    post = make_post(title="保温杯 续期")
    factory = make_factory(name="永康保温杯厂")
    commit_pending()
    document = SearchDocument.objects.get(post=post)
    assert (document.owner_id, document.valid_until) == (post.owner_id, post.valid_until)
    assert SearchDocument.objects.get(factory=factory).owner_id == factory.owner_id
    post.valid_until = post.valid_until + timedelta(days=10)
    post.save()
    commit_pending()
    assert SearchDocument.objects.get(post=post).valid_until == post.valid_until
