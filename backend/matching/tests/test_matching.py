"""Two-way matching with reasons and the notices it sends (R-BOARD-4, R-PLUS-1, R-PLUS-4)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from freezegun import freeze_time

from accounts.tests.factories import make_user, signed_in_client
from common.testing import commit_pending
from listings.models import PostKind
from matching import labour, matchers
from matching.models import WorkerPreference
from matching.services import MATCH_NOTICES_PER_DAY, notify_matches_for_post
from notifications.models import Notification, NotificationKind
from search.tests.factories import HANGZHOU_XIAOSHAN, NINGBO_YINZHOU, SHENZHEN_BAOAN, make_factory, make_post
from taxonomy.models import JobType

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _urgent_small_demand(**extra):
    return make_post(
        kind=PostKind.PROCUREMENT,
        title="求购保温杯 2000 个",
        quantity=Decimal(2000),
        quantity_unit="个",
        delivery_date=TODAY() + timedelta(days=10),
        sample_required=True,
        region=NINGBO_YINZHOU,
        latitude=29.83,
        longitude=121.55,
        **extra,
    )


def test_demand_is_matched_to_best_factories_with_reasons_R_PLUS_1():
    demand = _urgent_small_demand()
    best = make_factory(
        name="近邻保温杯厂",
        attributes=("small_batch", "urgent_orders", "free_sample"),
        latitude=29.90,
        longitude=121.60,
    )
    same_industry = make_factory(
        name="深圳餐具厂", categories=("餐具",), region=SHENZHEN_BAOAN, latitude=22.55, longitude=113.88
    )
    make_factory(name="电子厂", industry="electronics_3c", categories=("手机配件",))
    make_factory(name="未认证保温杯厂", verified=False)
    commit_pending()  # the ranking rows are written after commit
    matches = matchers.match_factories_for_demand(demand)
    assert [m.factory.pk for m in matches] == [best.pk, same_industry.pk]
    top = matches[0]
    assert top.reasons[:4] == ["同品类：保温杯", "可接小批量", "可接急单", "免费打样"]
    assert any(r.startswith("距离 ") and r.endswith(" 公里") for r in top.reasons)
    assert "已认证工厂" in top.reasons
    assert top.score == 35 + 8 + 7 + 5 + 15 + 10
    assert matches[1].reasons[0] == "同行业：日用百货制造"
    assert matches[1].score < 40


def test_large_order_prefers_large_batch_factories_and_capacity_that_meets_delivery_R_PLUS_1():
    demand = make_post(
        kind=PostKind.PROCUREMENT,
        quantity=Decimal(30000),
        delivery_date=TODAY() + timedelta(days=40),
        region=HANGZHOU_XIAOSHAN,
    )
    small = make_factory(name="小作坊", attributes=("small_batch",), region=HANGZHOU_XIAOSHAN)
    large = make_factory(name="大厂", attributes=("large_batch",), region=HANGZHOU_XIAOSHAN)
    # The large factory also runs a processing service of 2000 a day: 15 days for 30000, within 40.
    make_post(kind=PostKind.PROCESSING_SERVICE, owner=large.owner, processes=("注塑",), capacity_per_day=Decimal(2000))
    commit_pending()  # the ranking rows are written after commit
    matches = matchers.match_factories_for_demand(demand)
    assert [m.factory.pk for m in matches] == [large.pk, small.pk]
    assert "可接大批量订单" in matches[0].reasons
    assert "产能可按期交货（约 15 天）" in matches[0].reasons
    assert "可接小批量" not in matches[1].reasons


def test_responsive_factory_ranks_higher_and_says_so_R_PLUS_4():
    demand = make_post(kind=PostKind.PROCUREMENT, region=HANGZHOU_XIAOSHAN)
    quiet = make_factory(name="不回复的厂", region=HANGZHOU_XIAOSHAN)
    quick = make_factory(name="秒回的厂", region=HANGZHOU_XIAOSHAN)
    buyer = signed_in_client(make_user(account_type="trade"))
    seller = signed_in_client(quick.owner)
    conversation = buyer.post("/api/messaging/contact", {"factory_id": quick.pk, "message": "你好，求报价"}).json()
    sent = seller.post(
        f"/api/messaging/conversations/{conversation['conversation_id']}/messages", {"text": "您好，可以"}
    )
    assert sent.status_code == 201
    # The reply came 90 minutes after the contact, three days ago (moved in time after the fact).
    from messaging.models import Connection

    start = timezone.now() - timedelta(days=3)
    Connection.objects.filter(pk=conversation["connection_id"]).update(
        created_at=start, first_reply_at=start + timedelta(minutes=90)
    )
    commit_pending()  # the ranking rows are written after commit
    matches = matchers.match_factories_for_demand(demand)
    assert [m.factory.pk for m in matches] == [quick.pk, quiet.pk]
    assert "平均 2 小时内回复" in matches[0].reasons
    assert matches[0].score - matches[1].score == 10


def test_processing_demand_and_service_match_both_ways_R_BOARD_4():
    demand = make_post(
        kind=PostKind.PROCESSING_DEMAND,
        processes=("注塑", "喷涂"),
        quantity=Decimal(20000),
        delivery_date=TODAY() + timedelta(days=30),
        category_name="收纳用品",
    )
    both = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑", "喷涂"), capacity_per_day=Decimal(2000))
    one = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑",), capacity_per_day=Decimal(200))
    make_post(kind=PostKind.PROCESSING_SERVICE, processes=("印刷",))
    matches = matchers.match_services_for_processing_demand(demand)
    assert [m.post.pk for m in matches] == [both.pk, one.pk]
    assert matches[0].reasons[0] == "工艺匹配：注塑、喷涂"
    assert "产能可按期交货（约 10 天）" in matches[0].reasons
    assert matches[1].reasons[0] == "工艺匹配：注塑"
    reverse = matchers.match_demands_for_processing_service(both)
    assert [m.post.pk for m in reverse] == [demand.pk]
    assert reverse[0].reasons[0] == "工艺匹配：注塑、喷涂"


def test_owner_sees_matches_of_own_post_and_others_get_404_R_PLUS_1():
    trade = signed_in_client(make_user(account_type="trade"))
    demand = _urgent_small_demand(owner=trade.user)
    factory = make_factory(attributes=("urgent_orders",))
    response = trade.get(f"/api/matching/posts/{demand.pk}")
    assert response.status_code == 200
    item = response.json()[0]
    assert item["type"] == "factory" and item["factory"]["id"] == factory.pk
    assert "可接急单" in item["reasons"] and item["score"] > 0
    stranger = signed_in_client(make_user(account_type="trade"))
    assert stranger.get(f"/api/matching/posts/{demand.pk}").status_code == 404
    assert signed_in_client(factory.owner).get(f"/api/matching/posts/{demand.pk}").status_code == 404


def test_factory_sees_demands_that_fit_it_R_PLUS_1():
    factory = make_factory(categories=("保温杯",), attributes=("urgent_orders",))
    make_post(kind=PostKind.PROCESSING_SERVICE, owner=factory.owner, processes=("注塑",))
    urgent = _urgent_small_demand()
    processing = make_post(kind=PostKind.PROCESSING_DEMAND, processes=("注塑",), category_name=None)
    make_post(kind=PostKind.PROCUREMENT, category_name="手机配件")
    make_post(kind=PostKind.STOCK)
    response = signed_in_client(factory.owner).get("/api/matching/for-me")
    assert response.status_code == 200
    items = response.json()
    assert {i["post"]["id"] for i in items} == {urgent.pk, processing.pk}
    by_id = {i["post"]["id"]: i for i in items}
    assert "同品类：保温杯" in by_id[urgent.pk]["reasons"] and "可接急单" in by_id[urgent.pk]["reasons"]
    assert by_id[processing.pk]["reasons"][0] == "工艺匹配：注塑"
    trade = signed_in_client(make_user(account_type="trade"))
    assert trade.get("/api/matching/for-me").status_code == 403


def test_labour_post_is_matched_to_workers_by_job_type_and_region_R_BOARD_3():
    post = make_post(
        kind=PostKind.LABOUR,
        job_type="缝纫工",
        region=SHENZHEN_BAOAN,
        category_name=None,
        period_start=TODAY() + timedelta(days=5),
    )
    sewing = JobType.objects.get(name="缝纫工")
    perfect = make_user(account_type="worker", display_name="李师傅")
    p1 = WorkerPreference.objects.create(user=perfect, region_id=SHENZHEN_BAOAN, available_from=TODAY())
    p1.job_types.set([sewing])
    city_only = make_user(account_type="worker")
    WorkerPreference.objects.create(user=city_only, region_id="440300", available_from=TODAY() + timedelta(days=20))
    elsewhere = make_user(account_type="worker")
    WorkerPreference.objects.create(user=elsewhere, region_id=HANGZHOU_XIAOSHAN).job_types.set(
        [JobType.objects.get(name="普工")]
    )
    matches = labour.match_workers_for_labour(post)
    assert [m.worker.pk for m in matches] == [perfect.pk, city_only.pk]
    assert matches[0].reasons == ["意向工种：缝纫工", "意向地区：宝安区", "可按时到岗"]
    assert matches[0].score == 100
    assert matches[1].reasons == ["意向地区：深圳市"]


def test_job_preferences_are_for_workers_and_feed_for_me_R_ROLE_3():
    worker = signed_in_client(make_user(account_type="worker"))
    assert worker.get("/api/me/job-preferences").json()["job_types"] == []
    assert worker.get("/api/matching/for-me").status_code == 404
    sewing = JobType.objects.get(name="缝纫工")
    saved = worker.put(
        "/api/me/job-preferences", {"job_type_ids": [sewing.pk], "region_adcode": "440300", "available_from": None}
    )
    assert saved.status_code == 200
    assert saved.json()["job_types"] == [{"id": sewing.pk, "name": "缝纫工"}]
    assert saved.json()["region"]["adcode"] == "440300"
    job = make_post(kind=PostKind.LABOUR, job_type="缝纫工", region=SHENZHEN_BAOAN, category_name=None)
    items = worker.get("/api/matching/for-me").json()
    assert [i["post"]["id"] for i in items] == [job.pk]
    bad = worker.put("/api/me/job-preferences", {"job_type_ids": [999999]})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "job_type_ids"
    factory = signed_in_client(make_user(account_type="factory"))
    assert factory.get("/api/me/job-preferences").status_code == 403


def test_approval_notifies_top_matches_once_with_reasons_R_PLUS_1(wechat):
    factory = make_factory(attributes=("urgent_orders",))
    factory.owner.wechat_openid = "openid-factory-1"
    factory.owner.save()
    wechat.grant_subscription("openid-factory-1", "tpl-new-match")
    demand = _urgent_small_demand()
    commit_pending()  # the ranking rows are written after commit
    assert notify_matches_for_post(demand) == 1
    note = Notification.objects.get(recipient=factory.owner, kind=NotificationKind.NEW_MATCH)
    assert note.title == "有新的采购需求适合您的工厂"
    assert "可接急单" in note.body and "同品类：保温杯" in note.body
    assert note.link == f"/pages/posts/detail?id={demand.pk}"
    # Re-approval (after an edit) does not notify the same factory twice.
    assert notify_matches_for_post(demand) == 0
    assert Notification.objects.filter(recipient=factory.owner).count() == 1


def test_match_notices_are_capped_per_recipient_per_day_R_PLUS_1():
    factory = make_factory()
    trade = make_user(account_type="trade")
    demands = [make_post(kind=PostKind.PROCUREMENT, owner=trade) for _ in range(MATCH_NOTICES_PER_DAY + 2)]
    commit_pending()  # the ranking rows are written after commit
    sent = [notify_matches_for_post(d) for d in demands]
    assert sent == [1] * MATCH_NOTICES_PER_DAY + [0, 0]
    assert Notification.objects.filter(recipient=factory.owner, kind=NotificationKind.NEW_MATCH).count() == 5
    with freeze_time(timezone.now() + timedelta(days=1)):
        commit_pending()  # the ranking rows are written after commit
        assert notify_matches_for_post(make_post(kind=PostKind.PROCUREMENT, owner=trade)) == 1


def test_weak_matches_are_not_notified():
    make_factory(categories=("餐具",), region=SHENZHEN_BAOAN, latitude=22.55, longitude=113.88)
    commit_pending()  # the ranking rows are written after commit
    assert notify_matches_for_post(_urgent_small_demand()) == 0


def test_matching_endpoint_query_count_does_not_grow(django_assert_max_num_queries):
    trade = signed_in_client(make_user(account_type="trade"))
    demand = _urgent_small_demand(owner=trade.user)
    for _ in range(2):
        make_factory(attributes=("urgent_orders",))
    commit_pending()
    with django_assert_max_num_queries(30) as few:
        trade.get(f"/api/matching/posts/{demand.pk}")
    baseline = len(few.captured_queries)
    for _ in range(8):
        make_factory(attributes=("urgent_orders", "free_sample"))
    commit_pending()
    with django_assert_max_num_queries(baseline):
        assert len(trade.get(f"/api/matching/posts/{demand.pk}").json()) == 10
