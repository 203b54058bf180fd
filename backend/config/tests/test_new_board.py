"""A board added by its spec alone (issue #10): a throwaway kind registered only for these tests goes
through the form schema, publish, review, the board list under each of its sorts and filters, search
with its facet, matching, the dashboard roll-up and the detail page, with no edit outside its
``BoardSpec``. And an unknown kind is a 422 wherever a kind is accepted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import pytest
from django.utils import timezone
from ninja import Field

from accounts.models import AccountType
from accounts.tests.factories import signed_in_client
from common.testing import commit_pending
from dashboard.models import DailyMetric
from dashboard.services import rebuild_rollups
from factories.models import FactoryProfile
from listings import registry, services
from listings.boards import CAPACITY, CHEAPEST, INDUSTRY, NEAREST, NEWEST, REGION, number
from listings.kinds import FieldMeta
from listings.models import Post, PostStatus, QuantityUnit
from listings.registry import BoardSpec, FilterSpec, Step
from listings.schemas import Money, PostBaseIn, Quantity, ShortText
from listings.tests.factories import NINGBO_YINZHOU, SHENZHEN_BAOAN, make_publisher, make_reviewer
from matching import dispatch
from matching.matchers import Match
from notifications.models import Notification, NotificationKind
from taxonomy.models import CategoryTag, Industry

pytestmark = pytest.mark.django_db

KIND = "equipment_rental"


class RentalIn(PostBaseIn):
    kind: Literal["equipment_rental"]
    product_name: ShortText | None = None
    industry_id: int | None = None
    category_id: int | None = None
    quantity: Quantity | None = None
    quantity_unit: QuantityUnit | None = None
    unit_price: Money | None = None
    rental_terms: str | None = Field(None, max_length=200)


def _factories_in_category(post: Post, *, limit: int = 20) -> list[Match]:
    """The throwaway board's matcher: verified factories of the post's category."""
    factories = FactoryProfile.objects.filter(categories=post.category_id, is_verified=True)
    return [Match(score=80, reasons=["同品类"], factory=f) for f in factories[:limit]]


RENTAL = BoardSpec(
    kind=KIND,
    label="设备出租",
    short_name="出租",
    board_name="设备出租",
    icon="tools",
    hint="闲置设备按天出租",
    publisher=AccountType.FACTORY,
    input_schema=RentalIn,
    fields=("product_name", "industry_id", "category_id", "quantity", "quantity_unit", "unit_price", "rental_terms"),
    required=("product_name", "quantity", "quantity_unit", "unit_price", "region_id"),
    steps=(
        Step("what", "出租什么", ("product_name", "industry_id", "category_id", "quantity", "quantity_unit")),
        Step("terms", "租金与条件", ("unit_price", "rental_terms", "region_id", "title")),
    ),
    labels={"unit_price": "日租金"},
    extra_field_meta={"rental_terms": FieldMeta("租赁条件", "textarea", "押金、最短租期", {"max_length": 200})},
    title=lambda post, _p: f"出租{post.product_name} {number(post.quantity)}{post.quantity_unit}",
    summary=lambda post, _p: [f"日租金 ¥{number(post.unit_price)}" if post.unit_price is not None else ""],
    search_text_fields=("rental_terms",),
    sorts=(NEWEST, CHEAPEST, CAPACITY, NEAREST),
    # Its own derived column: machines on offer, sorted by 产能最大.
    derive=lambda post: setattr(post, "capacity_per_day", post.quantity),
    filters=(INDUSTRY, REGION, FilterSpec("price_max", "租金不高于", "number")),
    matcher="test_factories_in_category",
    match_notice="有新的设备出租信息适合您",
    supplier="owner",
)


@pytest.fixture
def rental_board() -> Iterator[BoardSpec]:
    registry.register(RENTAL)
    dispatch.register_matcher("test_factories_in_category", _factories_in_category)
    yield RENTAL
    registry.unregister(KIND)
    dispatch.MATCHERS.pop("test_factories_in_category", None)


def _payload(**overrides: Any) -> dict[str, Any]:
    daily = Industry.objects.get(code="daily_goods")
    return {
        "kind": KIND,
        "product_name": "小型挖掘机",
        "industry_id": daily.pk,
        "category_id": CategoryTag.objects.get(industry=daily, name="保温杯").pk,
        "quantity": 2,
        "quantity_unit": "台",
        "unit_price": 800,
        "rental_terms": "押金五千元，最短租期三天",
        "region_id": NINGBO_YINZHOU,
        **overrides,
    }


def _publish(client: Any, reviewer: Any, **overrides: Any) -> int:
    created = client.post("/api/listings/posts", _payload(**overrides))
    assert created.status_code == 201, created.json()
    post_id = created.json()["id"]
    submitted = client.post(f"/api/listings/posts/{post_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == PostStatus.PENDING
    services.approve(reviewer=reviewer, post_id=post_id)
    commit_pending()  # the approval commits, as in the console: its effects (matching) run
    return int(post_id)


def test_a_kind_registered_by_its_spec_alone_works_end_to_end_R_BOARD_1(api, rental_board) -> None:
    # The board definitions and the form schema come from the spec.
    boards = {b["kind"]: b for b in api.get("/api/boards").json()}
    assert boards[KIND]["label"] == "设备出租" and boards[KIND]["publisher_account_type"] == "factory"
    assert [s["key"] for s in boards[KIND]["sorts"]] == ["newest", "cheapest", "capacity", "nearest"]
    assert [f["name"] for f in boards[KIND]["filters"]] == ["industry", "region", "price_max"]
    form = api.get(f"/api/listings/form-schema/{KIND}").json()
    assert [s["title"] for s in form["steps"]] == ["出租什么", "租金与条件"]
    fields = {f["name"]: f for s in form["steps"] for f in s["fields"]}
    assert fields["unit_price"]["label"] == "日租金" and fields["unit_price"]["required"]
    assert fields["rental_terms"]["label"] == "租赁条件" and fields["rental_terms"]["type"] == "textarea"

    # Only its publisher type may publish; submission needs its required fields.
    trade = signed_in_client(make_publisher("trade"))
    refused = trade.post("/api/listings/posts", _payload())
    assert refused.status_code == 403 and refused.json()["code"] == "wrong_account_type"
    assert "设备出租只能由工厂账号发布" in refused.json()["message"]
    owner = signed_in_client(make_publisher("factory"))
    draft = owner.post("/api/listings/posts", _payload(unit_price=None)).json()
    incomplete = owner.post(f"/api/listings/posts/{draft['id']}/submit")
    assert incomplete.status_code == 422
    assert {d["field"] for d in incomplete.json()["detail"]} == {"unit_price"}
    assert incomplete.json()["message"] == "请填写日租金"

    # Review (in the console service) publishes it and runs its matcher with its notice text.
    other_factory = make_publisher("factory")
    reviewer = make_reviewer()
    cheap_id = _publish(owner, reviewer, unit_price=500, region_id=SHENZHEN_BAOAN, latitude=22.55, longitude=113.88)
    dear_id = _publish(owner, reviewer, product_name="大型挖掘机", unit_price=1500, quantity=1)
    note = Notification.objects.get(
        recipient=other_factory, kind=NotificationKind.NEW_MATCH, link__endswith=f"={cheap_id}"
    )
    assert note.title == "有新的设备出租信息适合您"

    # The detail page shows it with its label and its generated title.
    detail = api.get(f"/api/listings/posts/{cheap_id}").json()
    assert detail["kind"] == KIND and detail["kind_label"] == "设备出租"
    assert detail["title"] == "出租小型挖掘机 2台"
    assert detail["details"]["rental_terms"] == "押金五千元，最短租期三天"

    # The board list under each of its sorts and filters.
    def board(**query: Any) -> list[int]:
        response = api.get(f"/api/discovery/{KIND}", query)
        assert response.status_code == 200, response.json()
        return [item["id"] for item in response.json()["items"]]

    assert board(sort="newest") == [dear_id, cheap_id]
    assert board(sort="cheapest") == [cheap_id, dear_id]
    assert board(sort="capacity") == [cheap_id, dear_id]  # 2 machines before 1 (ties would be newest first)
    assert board(sort="nearest", lat=22.5, lng=113.9) == [cheap_id, dear_id]
    assert api.get(f"/api/discovery/{KIND}", {"sort": "wage"}).status_code == 422
    assert board(region="440300") == [cheap_id]
    assert board(industry=Industry.objects.get(code="daily_goods").pk) == [dear_id, cheap_id]
    assert board(price_max=1000) == [cheap_id]
    cards = api.get(f"/api/discovery/{KIND}", {"sort": "cheapest"}).json()["items"]
    assert [c["summary"] for c in cards] == ["日租金 ¥500", "日租金 ¥1500"]
    assert cards[0]["kind_label"] == "设备出租"

    # Search finds it by its own text field, with a facet and a label.
    found = api.get("/api/search", {"q": "押金"}).json()
    assert found["facets"][KIND] == 2
    hit = next(i for i in found["items"] if i["id"] == cheap_id)
    assert hit["board"] == KIND and hit["board_label"] == "设备出租" and hit["summary"] == "日租金 ¥500"
    only = api.get("/api/search", {"q": "挖掘机", "kind": KIND}).json()
    assert {i["id"] for i in only["items"]} == {cheap_id, dear_id}

    # The home page counts it; the dashboard roll-up counts it under its own dimension and label.
    assert api.get("/api/home").json()["counts"][KIND] == 2
    today = timezone.localdate()
    rebuild_rollups(start=today, end=today)
    assert DailyMetric.objects.get(day=today, metric="posts_approved", dimension=KIND).value == 2


def test_a_kind_without_a_matcher_is_approved_without_matches_R_PLUS_1(api, rental_board) -> None:
    registry.register(BoardSpec(**{**RENTAL.__dict__, "matcher": None}))
    make_publisher("factory")
    owner = signed_in_client(make_publisher("factory"))
    post_id = _publish(owner, make_reviewer())
    assert Post.objects.get(pk=post_id).status == PostStatus.PUBLISHED
    assert not Notification.objects.filter(kind=NotificationKind.NEW_MATCH).exists()


def test_the_built_in_matchers_pair_a_new_kind_by_its_spec_R_PLUS_1(api, rental_board) -> None:
    """A demand kind fitted on category, with the built-in matcher: approval notifies the factories of
    its category, and it is among the demands a factory's 适合我的需求 lists; without ``match_fit`` it is not."""
    owner = signed_in_client(make_publisher("factory"))
    other_factory = make_publisher("factory")
    reviewer = make_reviewer()
    plain_id = _publish(owner, reviewer)
    for_me = signed_in_client(other_factory)
    assert plain_id not in {i["post"]["id"] for i in for_me.get("/api/matching/for-me").json() if i["post"]}

    matched = {"matcher": "factories_for_demand", "match_side": "demand", "match_fit": "category"}
    registry.register(BoardSpec(**{**RENTAL.__dict__, **matched}))
    wanted_id = _publish(owner, reviewer, product_name="二手注塑机")
    assert Notification.objects.filter(
        recipient=other_factory, kind=NotificationKind.NEW_MATCH, link__endswith=f"={wanted_id}"
    ).exists()
    items = {i["post"]["id"]: i for i in for_me.get("/api/matching/for-me").json() if i["post"]}
    assert wanted_id in items and plain_id in items  # both are of the kind now fitted on category
    assert "同品类：保温杯" in items[wanted_id]["reasons"]


def test_the_throwaway_kind_is_not_registered_outside_its_tests() -> None:
    assert not registry.exists(KIND)
    assert [spec.kind for spec in registry.all()] == [
        "procurement",
        "stock",
        "labour",
        "processing_demand",
        "processing_service",
    ]


def test_an_unknown_kind_is_a_422_everywhere_a_kind_is_accepted_R_BOARD_1(api) -> None:
    owner = signed_in_client(make_publisher("factory"))
    responses = [
        api.get("/api/listings/form-schema/nope"),
        api.get("/api/discovery/nope"),
        api.get("/api/search", {"q": "保温杯", "kind": "nope"}),
        owner.post("/api/listings/posts", {"kind": "nope", "title": "x"}),
        owner.get("/api/listings/mine", {"kind": "nope"}),
    ]
    for response in responses:
        assert response.status_code == 422, response.content
        assert response.json()["code"] == "validation_error"
        assert response.json()["detail"][0]["field"] == "kind"
    # A post's kind cannot be changed to an unknown one either.
    post = owner.post("/api/listings/posts", {"kind": "stock", "product_name": "保温杯"}).json()
    changed = owner.put(f"/api/listings/posts/{post['id']}", {"kind": "nope"})
    assert changed.status_code == 422 and changed.json()["detail"][0]["field"] == "kind"
