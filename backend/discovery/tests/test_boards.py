"""Board lists: the shared filter vocabulary, sorts, stable paging, distance (R-ROLE-1..3, R-BOARD-1..4)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.tests.factories import make_user, signed_in_client
from common.testing import commit_pending
from discovery.selectors import NearestPage
from listings.models import Post, PostKind, PostStatus
from search.tests.factories import DONGGUAN, HANGZHOU_XIAOSHAN, NINGBO_YINZHOU, SHENZHEN_BAOAN, ids, make_post
from taxonomy.models import Industry, JobType, ProcessType

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def test_only_published_unexpired_posts_of_enabled_owners_are_listed_R_PLUS_2(api):
    shown = make_post()
    make_post(status=PostStatus.PENDING)
    make_post(status=PostStatus.DRAFT)
    make_post(valid_until=TODAY() - timedelta(days=1))
    banned = make_post()
    User.objects.filter(pk=banned.owner_id).update(status=AccountStatus.DISABLED)
    other_kind = make_post(kind=PostKind.STOCK)
    response = api.get("/api/discovery/procurement")
    assert response.status_code == 200
    assert ids(response) == [shown.pk]
    assert ids(api.get("/api/discovery/stock")) == [other_kind.pk]


def test_category_and_industry_filters_R_ROLE_1(api):
    cup = make_post(category_name="保温杯")
    tableware = make_post(category_name="餐具")
    phone = make_post(category_name="手机配件")
    cup_id = cup.category_id
    assert ids(api.get("/api/discovery/procurement", {"category": cup_id})) == [cup.pk]
    daily = Industry.objects.get(code="daily_goods").pk
    assert set(ids(api.get("/api/discovery/procurement", {"industry": daily}))) == {cup.pk, tableware.pk}
    assert phone.pk not in ids(api.get("/api/discovery/procurement", {"industry": daily}))


def test_region_filter_matches_province_city_and_district_R_ROLE_3(api):
    ningbo = make_post(region=NINGBO_YINZHOU)
    hangzhou = make_post(region=HANGZHOU_XIAOSHAN)
    shenzhen = make_post(region=SHENZHEN_BAOAN)
    assert set(ids(api.get("/api/discovery/procurement", {"region": "330000"}))) == {ningbo.pk, hangzhou.pk}
    assert ids(api.get("/api/discovery/procurement", {"region": "330200"})) == [ningbo.pk]
    assert ids(api.get("/api/discovery/procurement", {"region": NINGBO_YINZHOU})) == [ningbo.pk]
    assert ids(api.get("/api/discovery/procurement", {"region": "440300"})) == [shenzhen.pk]
    bad = api.get("/api/discovery/procurement", {"region": "999999"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["field"] == "region"


def test_quantity_and_delivery_filters_and_soonest_sort_R_BOARD_1(api):
    small = make_post(quantity=Decimal(500), delivery_date=TODAY() + timedelta(days=40))
    big = make_post(quantity=Decimal(30000), delivery_date=TODAY() + timedelta(days=10))
    mid = make_post(quantity=Decimal(5000), delivery_date=TODAY() + timedelta(days=20))
    assert ids(api.get("/api/discovery/procurement", {"quantity_min": 1000, "quantity_max": 10000})) == [mid.pk]
    before = (TODAY() + timedelta(days=25)).isoformat()
    assert set(ids(api.get("/api/discovery/procurement", {"delivery_before": before}))) == {big.pk, mid.pk}
    assert ids(api.get("/api/discovery/procurement", {"sort": "soonest"})) == [big.pk, mid.pk, small.pk]


def test_certification_and_sample_filters_R_BOARD_1(api):
    fda = make_post(certifications=["FDA", "LFGB"], certification_codes=" FDA LFGB ", sample_required=True)
    make_post(certifications=["CE"], certification_codes=" CE ")
    assert ids(api.get("/api/discovery/procurement", {"certification": "fda"})) == [fda.pk]
    assert ids(api.get("/api/discovery/procurement", {"sample_required": True})) == [fda.pk]


def test_stock_price_grade_filters_and_cheapest_sort_R_BOARD_2(api):
    a = make_post(kind=PostKind.STOCK, unit_price=Decimal("8.50"), grade="A", quantity=Decimal(5000))
    b = make_post(kind=PostKind.STOCK, unit_price=Decimal("3.20"), grade="B", quantity=Decimal(800))
    c = make_post(kind=PostKind.STOCK, unit_price=Decimal("12.00"), grade="A", quantity=Decimal(100))
    assert ids(api.get("/api/discovery/stock", {"sort": "cheapest"})) == [b.pk, a.pk, c.pk]
    assert ids(api.get("/api/discovery/stock", {"price_min": 5, "price_max": 10})) == [a.pk]
    assert set(ids(api.get("/api/discovery/stock", {"grade": "A"}))) == {a.pk, c.pk}
    assert ids(api.get("/api/discovery/stock", {"quantity_min": 1000})) == [a.pk]


def test_labour_filters_and_highest_wage_across_units_R_BOARD_3(api):
    sewing = JobType.objects.get(name="缝纫工")
    hourly = make_post(
        kind=PostKind.LABOUR,
        job_type="缝纫工",
        wage_amount=Decimal(30),
        wage_unit="hour",
        wage_per_day=Decimal(240),
        meals_provided=True,
        housing_provided=True,
        category_name=None,
    )
    monthly = make_post(
        kind=PostKind.LABOUR,
        job_type="普工",
        wage_amount=Decimal(7800),
        wage_unit="month",
        wage_per_day=Decimal(300),
        meals_provided=True,
        category_name=None,
    )
    daily = make_post(
        kind=PostKind.LABOUR,
        job_type="缝纫工",
        wage_amount=Decimal(180),
        wage_unit="day",
        wage_per_day=Decimal(180),
        category_name=None,
    )
    full = make_post(kind=PostKind.LABOUR, is_full=True, category_name=None)
    assert ids(api.get("/api/discovery/labour", {"sort": "wage"})) == [monthly.pk, hourly.pk, daily.pk]
    assert set(ids(api.get("/api/discovery/labour", {"job_type": sewing.pk}))) == {hourly.pk, daily.pk}
    assert set(ids(api.get("/api/discovery/labour", {"meals": True}))) == {hourly.pk, monthly.pk}
    assert ids(api.get("/api/discovery/labour", {"housing": True})) == [hourly.pk]
    assert ids(api.get("/api/discovery/labour", {"wage_min": 200, "wage_max": 250})) == [hourly.pk]
    assert full.pk not in ids(api.get("/api/discovery/labour"))
    assert full.pk in ids(api.get("/api/discovery/labour", {"include_full": True}))


def test_labour_period_overlap_filter_R_ROLE_3(api):
    base = TODAY()
    early = make_post(kind=PostKind.LABOUR, period_start=base, period_end=base + timedelta(days=10), category_name=None)
    late = make_post(
        kind=PostKind.LABOUR,
        period_start=base + timedelta(days=30),
        period_end=base + timedelta(days=60),
        category_name=None,
    )
    window = {
        "period_from": (base + timedelta(days=5)).isoformat(),
        "period_to": (base + timedelta(days=20)).isoformat(),
    }
    assert ids(api.get("/api/discovery/labour", window)) == [early.pk]
    window = {"period_from": (base + timedelta(days=15)).isoformat()}
    assert ids(api.get("/api/discovery/labour", window)) == [late.pk]


def test_processing_process_type_and_capacity_filters_R_BOARD_4(api):
    moulding = make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑",), capacity_per_day=Decimal(2000))
    printing = make_post(
        kind=PostKind.PROCESSING_SERVICE, processes=("印刷", "覆膜/烫金"), capacity_per_day=Decimal(9000)
    )
    injection = ProcessType.objects.get(name="注塑").pk
    assert ids(api.get("/api/discovery/processing_service", {"process_type": injection})) == [moulding.pk]
    assert ids(api.get("/api/discovery/processing_service", {"capacity_min": 5000})) == [printing.pk]
    assert ids(api.get("/api/discovery/processing_service", {"sort": "capacity"})) == [printing.pk, moulding.pk]
    demand = make_post(kind=PostKind.PROCESSING_DEMAND, processes=("注塑",), delivery_date=TODAY() + timedelta(days=9))
    assert ids(api.get("/api/discovery/processing_demand", {"process_type": injection, "sort": "soonest"})) == [
        demand.pk
    ]


def test_nearest_sort_orders_by_great_circle_distance_and_within_km_R_APP_3(api):
    # The reader stands in 宁波 city centre.
    here = {"lat": 29.8683, "lng": 121.5440}
    ningbo = make_post(kind=PostKind.STOCK, region=NINGBO_YINZHOU, latitude=29.83, longitude=121.55)
    hangzhou = make_post(kind=PostKind.STOCK, region=HANGZHOU_XIAOSHAN, latitude=30.18, longitude=120.26)
    shenzhen = make_post(kind=PostKind.STOCK, region=SHENZHEN_BAOAN, latitude=22.55, longitude=113.88)
    dongguan = make_post(kind=PostKind.STOCK, region=DONGGUAN, latitude=23.02, longitude=113.75)
    response = api.get("/api/discovery/stock", {**here, "sort": "nearest"})
    assert ids(response) == [ningbo.pk, hangzhou.pk, dongguan.pk, shenzhen.pk]
    distances = [item["distance_km"] for item in response.json()["items"]]
    assert distances[0] < 10 and 120 < distances[1] < 140
    assert ids(api.get("/api/discovery/stock", {**here, "sort": "nearest", "within_km": 200})) == [
        ningbo.pk,
        hangzhou.pk,
    ]
    missing = api.get("/api/discovery/stock", {"sort": "nearest"})
    assert missing.status_code == 422 and missing.json()["detail"][0]["field"] == "lat"


def test_sort_not_offered_by_a_board_is_refused(api):
    response = api.get("/api/discovery/labour", {"sort": "cheapest"})
    assert response.status_code == 422
    assert "工资最高" in response.json()["message"]
    assert api.get("/api/discovery/nonsense").status_code == 422


def test_newest_first_with_refresh_and_stable_id_tie_break_over_pages_R_PLUS_2(api):
    same_time = timezone.now() - timedelta(hours=2)
    posts = [make_post(kind=PostKind.STOCK, published_at=same_time) for _ in range(5)]
    refreshed = posts[1]
    Post.objects.filter(pk=refreshed.pk).update(refreshed_at=timezone.now())
    first = ids(api.get("/api/discovery/stock", {"page_size": 3}))
    second = ids(api.get("/api/discovery/stock", {"page_size": 3, "page": 2}))
    others = sorted((p.pk for p in posts if p.pk != refreshed.pk), reverse=True)
    assert first + second == [refreshed.pk, *others]


def test_keyword_within_a_board_R_APP_1(api):
    cup = make_post(kind=PostKind.STOCK, title="库存不锈钢真空保温杯 3000 个")
    make_post(kind=PostKind.STOCK, title="库存陶瓷餐具", category_name="餐具")
    make_post(kind=PostKind.PROCUREMENT, title="求购保温杯 30000 个")
    assert ids(api.get("/api/discovery/stock", {"q": "保温杯"})) == [cup.pk]


def test_signed_in_reader_sees_own_favourite_marks(api):
    post = make_post(kind=PostKind.STOCK)
    reader = signed_in_client(make_user(account_type="trade"))
    created = reader.post("/api/favourites", {"post_id": post.pk})
    item = reader.get("/api/discovery/stock").json()["items"][0]
    assert item["favourite_id"] == created.json()["id"]
    assert api.get("/api/discovery/stock").json()["items"][0]["favourite_id"] is None


def test_board_query_count_does_not_grow_with_rows(django_assert_max_num_queries):
    reader = signed_in_client(make_user(account_type="trade"))
    for _ in range(3):
        make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑", "CNC"))
    commit_pending()
    nearest = {"lat": 30, "lng": 121, "sort": "nearest"}
    # 19 on a first read: the cards' industry, category, job type and region are read once into the
    # process's lookups (``listings.selectors.card_posts``), then only the taxonomy's version each time.
    with django_assert_max_num_queries(19) as few:
        assert reader.get("/api/discovery/processing_service").status_code == 200
    # "nearest" reads up to one circle per radius (``NearestPage``), whatever the number of rows.
    with django_assert_max_num_queries(19 + len(NearestPage.RADII_KM)) as few_nearest:
        assert reader.get("/api/discovery/processing_service", nearest).status_code == 200
    for _ in range(12):
        make_post(kind=PostKind.PROCESSING_SERVICE, processes=("注塑", "CNC"))
    commit_pending()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert reader.get("/api/discovery/processing_service").json()["count"] == 15
    with django_assert_max_num_queries(len(few_nearest.captured_queries)):
        response = reader.get("/api/discovery/processing_service", nearest)
        assert response.json()["count"] == 15


# --- The discovery factory directory (R-APP-3, R-PLUS-4) ---


def test_factory_directory_filters_sorts_and_trust_signals_R_APP_3():
    from search.tests.factories import make_factory
    from taxonomy.models import AttributeTag

    near = make_factory(name="宁波保温杯厂", attributes=("urgent_orders",), latitude=29.87, longitude=121.55)
    busy = make_factory(name="杭州保温杯厂", region=HANGZHOU_XIAOSHAN, completed_deals=40)
    far = make_factory(name="深圳电子厂", industry="electronics_3c", categories=("手机配件",), region=SHENZHEN_BAOAN)
    make_factory(name="未认证厂", verified=False)
    reader = signed_in_client(make_user(account_type="trade"))
    by_deals = reader.get("/api/discovery/factories")
    assert ids(by_deals) == [busy.pk, far.pk, near.pk]
    card = by_deals.json()["items"][0]
    assert card["is_verified"] is True and card["verified_at"] and card["completed_deals"] == 40
    assert "response_rate" in card and card["favourite_id"] is None
    here = {"lat": 29.8683, "lng": 121.5440, "sort": "distance"}
    assert ids(reader.get("/api/discovery/factories", here)) == [near.pk, busy.pk, far.pk]
    assert set(ids(reader.get("/api/discovery/factories", {"region": "330000"}))) == {near.pk, busy.pk}
    urgent = AttributeTag.objects.get(code="urgent_orders").pk
    assert ids(reader.get("/api/discovery/factories", {"attributes": urgent})) == [near.pk]
    daily = Industry.objects.get(code="daily_goods").pk
    assert set(ids(reader.get("/api/discovery/factories", {"industry": daily}))) == {near.pk, busy.pk}
    assert ids(reader.get("/api/discovery/factories", {"q": "手机配件"})) == [far.pk]
    assert reader.get("/api/discovery/factories", {"sort": "distance"}).status_code == 422


def test_factory_directory_query_count_does_not_grow(api, django_assert_max_num_queries):
    from search.tests.factories import make_factory

    for _ in range(2):
        make_factory(attributes=("urgent_orders", "free_sample"))
    commit_pending()
    with django_assert_max_num_queries(12) as few:
        api.get("/api/discovery/factories")
    baseline = len(few.captured_queries)
    for _ in range(10):
        make_factory(attributes=("urgent_orders", "free_sample"))
    commit_pending()
    with django_assert_max_num_queries(baseline):
        assert api.get("/api/discovery/factories").json()["count"] == 12


def test_a_renamed_category_shows_on_the_next_board_read_in_every_process_R_ADM_4():
    """Cards take their tags from the process's lookups (``taxonomy.selectors.tags_by_id``), checked against
    the taxonomy's version on every read."""
    from django.db.models import F

    from taxonomy.models import CategoryTag, TaxonomyVersion

    reader = signed_in_client(make_user(account_type="trade"))  # signed in: never the anonymous board cache
    post = make_post(category_name="保温杯")
    commit_pending()
    card = reader.get("/api/discovery/procurement").json()["items"][0]
    assert (card["id"], card["category"]["name"], card["region"]["name"]) == (post.pk, "保温杯", post.region.name)
    # Another process renames it: the row and the version change, and no signal reaches this process.
    CategoryTag.objects.filter(pk=post.category_id).update(name="真空保温杯")
    TaxonomyVersion.objects.filter(pk=1).update(version=F("version") + 1)
    assert reader.get("/api/discovery/procurement").json()["items"][0]["category"]["name"] == "真空保温杯"


def test_a_board_count_is_kept_for_every_reader_until_the_board_changes_R_BOARD_1(django_assert_max_num_queries):
    """Counting walks up to 1,001 rows of the sort's index; the count is kept under the board's version
    tokens (``discovery.board_cache.CountMemo``), so the next reader of the same filters, signed in or on
    another page size, reads only the page, and an approved post counts at once."""
    from django.test import override_settings

    reader = signed_in_client(make_user(account_type="trade"))
    for _ in range(2):
        make_post(category_name="保温杯")
    commit_pending()
    with override_settings(BOARD_CACHE_SECONDS=20):
        assert reader.get("/api/discovery/procurement").json()["count"] == 2
        with django_assert_max_num_queries(30) as kept:
            answer = reader.get("/api/discovery/procurement", {"page_size": 1, "sort": "newest"}).json()
        assert (answer["count"], len(answer["items"])) == (2, 1)
        walks = [q["sql"] for q in kept.captured_queries if "LIMIT 1001" in q["sql"]]
        assert walks == [], "the kept count was counted again"
        added = make_post(category_name="保温杯")
        commit_pending()
        answer = reader.get("/api/discovery/procurement").json()
        assert answer["count"] == 3 and added.pk in ids_of(answer)
        # Other filters are another count.
        assert reader.get("/api/discovery/procurement", {"q": "不存在的词语"}).json()["count"] == 0


def ids_of(answer: dict) -> list[int]:
    return [item["id"] for item in answer["items"]]
