"""Home (R-APP-1): counts per board, current announcements, recommendations from history or by role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.tests.factories import make_user, signed_in_client
from discovery.models import Announcement, ViewEvent
from listings.models import PostKind, PostStatus
from matching.models import WorkerPreference
from search.tests.factories import HANGZHOU_XIAOSHAN, SHENZHEN_BAOAN, make_factory, make_post
from taxonomy.models import JobType

pytestmark = pytest.mark.django_db


def _recommended(response) -> list[tuple[str, int]]:
    return [(r["type"], (r["post"] or r["factory"])["id"]) for r in response.json()["recommendations"]]


def test_counts_per_board_and_current_announcements_R_APP_1(api):
    make_post(kind=PostKind.STOCK)
    make_post(kind=PostKind.STOCK)
    make_post(kind=PostKind.LABOUR, category_name=None)
    make_post(kind=PostKind.STOCK, status=PostStatus.PENDING)
    make_factory()
    now = timezone.now()
    pinned = Announcement.objects.create(title="春节期间审核时间调整", pinned=True)
    current = Announcement.objects.create(title="新功能上线", starts_at=now - timedelta(days=1))
    Announcement.objects.create(title="未开始", starts_at=now + timedelta(days=1))
    Announcement.objects.create(title="已结束", ends_at=now - timedelta(hours=1))
    Announcement.objects.create(title="已停用", is_active=False)
    body = api.get("/api/home").json()
    assert body["counts"] == {
        "procurement": 0,
        "stock": 2,
        "labour": 1,
        "processing_demand": 0,
        "processing_service": 0,
        "factory": 1,
    }
    assert [a["id"] for a in body["announcements"]] == [pinned.pk, current.pk]


def test_anonymous_reader_gets_newest_posts_R_APP_1(api):
    older = make_post(kind=PostKind.STOCK, published_minutes_ago=60)
    newer = make_post(kind=PostKind.LABOUR, published_minutes_ago=5, category_name=None)
    assert _recommended(api.get("/api/home"))[:2] == [("post", newer.pk), ("post", older.pk)]


def test_recommendations_follow_recent_history_and_skip_own_and_disabled_R_APP_1():
    reader = signed_in_client(make_user(account_type="factory"))
    viewed = make_post(kind=PostKind.PROCUREMENT, category_name="保温杯")
    reader.post("/api/discovery/views", {"post_id": viewed.pk})
    # An older interest in 餐具, viewed weeks ago, weighs less than the fresh one in 保温杯.
    old_view = make_post(kind=PostKind.PROCUREMENT, category_name="餐具")
    ViewEvent.objects.create(user=reader.user, post=old_view, at=timezone.now() - timedelta(days=30))
    similar = make_post(kind=PostKind.PROCUREMENT, category_name="保温杯", title="求购保温杯 5000 个")
    tableware = make_post(kind=PostKind.PROCUREMENT, category_name="餐具", title="求购餐具")
    own = make_post(kind=PostKind.PROCUREMENT, category_name="保温杯", owner=reader.user)
    banned = make_post(kind=PostKind.PROCUREMENT, category_name="保温杯")
    User.objects.filter(pk=banned.owner_id).update(status=AccountStatus.DISABLED)
    unrelated = make_post(kind=PostKind.PROCUREMENT, category_name="手机配件", region=SHENZHEN_BAOAN)
    body = reader.get("/api/home").json()
    recommended = _recommended_ids = [r["post"]["id"] for r in body["recommendations"] if r["post"]]
    assert recommended[0] == similar.pk
    assert recommended.index(similar.pk) < recommended.index(tableware.pk)
    assert own.pk not in _recommended_ids and banned.pk not in recommended and viewed.pk not in recommended
    assert body["recommendations"][0]["reason"] == "您常看的品类：保温杯"
    assert unrelated.pk not in recommended[:2]


def test_cold_start_factory_sees_demands_in_its_categories_R_ROLE_2():
    user = make_user(account_type="factory")
    make_factory(owner=user, categories=("保温杯",))
    fit = make_post(kind=PostKind.PROCUREMENT, category_name="保温杯")
    make_post(kind=PostKind.PROCUREMENT, category_name="手机配件")
    make_post(kind=PostKind.STOCK, category_name="保温杯")
    own = make_post(kind=PostKind.PROCESSING_DEMAND, category_name="保温杯", owner=user)
    recommended = _recommended(signed_in_client(user).get("/api/home"))
    assert recommended == [("post", fit.pk)]
    assert ("post", own.pk) not in recommended


def test_cold_start_worker_sees_jobs_near_them_R_ROLE_3():
    user = make_user(account_type="worker")
    client = signed_in_client(user)
    near = make_post(kind=PostKind.LABOUR, region=SHENZHEN_BAOAN, latitude=22.55, longitude=113.88, category_name=None)
    far = make_post(
        kind=PostKind.LABOUR, region=HANGZHOU_XIAOSHAN, latitude=30.18, longitude=120.26, category_name=None
    )
    make_post(kind=PostKind.STOCK, region=SHENZHEN_BAOAN)
    by_location = client.get("/api/home", {"lat": 22.6, "lng": 113.9}).json()["recommendations"]
    assert [r["post"]["id"] for r in by_location] == [near.pk]
    assert by_location[0]["reason"] == "离您较近的用工"
    preference = WorkerPreference.objects.create(user=user, region_id="330100")
    preference.job_types.set([JobType.objects.get(name="普工")])
    assert [r["post"]["id"] for r in client.get("/api/home").json()["recommendations"]] == [far.pk]


def test_cold_start_trade_company_sees_factories_and_stock_of_categories_it_buys_R_ROLE_1():
    user = make_user(account_type="trade")
    make_post(kind=PostKind.PROCUREMENT, owner=user, category_name="保温杯", status=PostStatus.PENDING)
    factory = make_factory(categories=("保温杯",))
    make_factory(categories=("餐具",))
    stock = make_post(kind=PostKind.STOCK, category_name="保温杯")
    make_post(kind=PostKind.STOCK, category_name="餐具")
    recommended = _recommended(signed_in_client(user).get("/api/home"))
    assert recommended == [("factory", factory.pk), ("post", stock.pk)]


def test_home_query_count_does_not_grow(django_assert_max_num_queries):
    reader = signed_in_client(make_user(account_type="trade"))
    for _ in range(3):
        post = make_post(kind=PostKind.STOCK)
        reader.post("/api/discovery/views", {"post_id": post.pk})
        make_post(kind=PostKind.STOCK)
    with django_assert_max_num_queries(40) as few:
        reader.get("/api/home")
    baseline = len(few.captured_queries)
    for _ in range(10):
        post = make_post(kind=PostKind.STOCK)
        reader.post("/api/discovery/views", {"post_id": post.pk})
        make_post(kind=PostKind.STOCK)
    with django_assert_max_num_queries(baseline):
        assert len(reader.get("/api/home").json()["recommendations"]) == 10


def test_full_or_expired_posts_are_never_recommended_issue_15_item_1(api):
    """Issue #15 item 1: a job whose headcount is reached, or a post past its validity date that the
    expiry job has not closed yet, is in no home feed: anonymous, cold start or from history."""
    yesterday = timezone.localdate() - timedelta(days=1)
    open_job = make_post(kind=PostKind.LABOUR, category_name=None, published_minutes_ago=30)
    full_job = make_post(
        kind=PostKind.LABOUR, category_name=None, published_minutes_ago=1, hired_count=10, is_full=True
    )
    expired_stock = make_post(kind=PostKind.STOCK, published_minutes_ago=2, valid_until=yesterday)
    fresh_stock = make_post(kind=PostKind.STOCK, published_minutes_ago=40)
    excluded = {("post", full_job.pk), ("post", expired_stock.pk)}

    anonymous = _recommended(api.get("/api/home"))
    assert ("post", open_job.pk) in anonymous and ("post", fresh_stock.pk) in anonymous
    assert not excluded & set(anonymous)

    worker = signed_in_client(make_user(account_type="worker"))
    assert _recommended(worker.get("/api/home")) == [("post", open_job.pk)]

    # From history: a trade company that viewed a stock lot in 保温杯 is offered others, never the expired one.
    trade = signed_in_client(make_user(account_type="trade"))
    seen = make_post(kind=PostKind.STOCK, published_minutes_ago=50)
    trade.post("/api/discovery/views", {"post_id": seen.pk})
    from_history = _recommended(trade.get("/api/home"))
    assert ("post", fresh_stock.pk) in from_history
    assert not excluded & set(from_history)
    # The board list still shows the full job to those who ask for it (it is visible, just not recommended).
    listed = api.get("/api/discovery/labour", {"include_full": "true"}).json()["items"]
    assert full_job.pk in [p["id"] for p in listed]
