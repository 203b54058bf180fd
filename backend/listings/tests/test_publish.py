"""Publishing every kind of post through the API: drafts, required fields, units, who may publish
(R-BOARD-1..4, R-APP-2, R-APP-4, R-ROLE-1..3, R-OPS-2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import AccountStatus
from accounts.tests.factories import make_user, signed_in_client
from listings import registry
from listings.models import Post, PostKind, PostStatus
from listings.tests.factories import PUBLISHER_FOR, make_publisher, publisher_client, valid_payload
from taxonomy.models import CategoryTag, Industry

pytestmark = pytest.mark.django_db

ALL_KINDS = list(PostKind.values)


def _fields(response) -> set[str]:
    return {item["field"] for item in response.json()["detail"]}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_draft_saves_incomplete_and_submit_names_every_missing_field_R_APP_2(kind: str) -> None:
    """A draft may be saved half-filled; submitting it answers 422 naming each missing required field."""
    client = publisher_client(PUBLISHER_FOR[kind])
    draft = client.post("listings/posts", {"kind": kind, "description": "先存个草稿"})
    assert draft.status_code == 201, draft
    assert draft.json()["status"] == PostStatus.DRAFT
    refused = client.post(f"listings/posts/{draft.json()['id']}/submit")
    assert refused.status_code == 422, refused
    assert refused.json()["code"] == "validation_error"
    assert _fields(refused) == set(registry.get(kind).required)
    assert all(item["rule"] == "required" and item["message"].startswith("请填写") for item in refused.json()["detail"])
    assert Post.objects.get(pk=draft.json()["id"]).status == PostStatus.DRAFT


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_complete_form_of_each_kind_goes_to_review_R_BOARD_1_4(kind: str) -> None:
    client = publisher_client(PUBLISHER_FOR[kind])
    created = client.post("listings/posts", valid_payload(kind, owner=client.user))
    assert created.status_code == 201, created
    body = created.json()
    assert body["title"], "a title is generated when the owner leaves it empty"
    submitted = client.post(f"listings/posts/{body['id']}/submit")
    assert submitted.status_code == 200, submitted
    assert submitted.json()["status"] == PostStatus.PENDING
    assert submitted.json()["review_due_at"] is not None
    assert submitted.json()["valid_until"] is not None
    # Not on the board before a reviewer approves it.
    assert client.get(f"discovery/{kind}").json()["count"] == 0


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        (PostKind.PROCUREMENT, "quantity_unit", "坨"),
        (PostKind.PROCUREMENT, "currency", "JPY"),
        (PostKind.PROCUREMENT, "certifications", ["随便认证"]),
        (PostKind.STOCK, "quantity", -5),
        (PostKind.STOCK, "grade", "S"),
        (PostKind.LABOUR, "wage_unit", "week"),
        (PostKind.LABOUR, "headcount", 0),
        (PostKind.LABOUR, "age_min", 14),
        (PostKind.PROCESSING_DEMAND, "quantity_unit", "堆"),
        (PostKind.PROCESSING_SERVICE, "capacity_period", "year"),
        (PostKind.PROCESSING_SERVICE, "equipment", [{"name": "", "count": 1}]),
    ],
)
def test_units_and_choices_are_validated_R_APP_2(kind: str, field: str, value: object) -> None:
    """Units, currencies and grades come from fixed lists; numbers must make sense — even in a draft."""
    client = publisher_client(PUBLISHER_FOR[kind])
    response = client.post("listings/posts", valid_payload(kind, **{field: value}, owner=client.user))
    assert response.status_code == 422, response
    assert any(item["field"].startswith(field) for item in response.json()["detail"])


def test_wage_unit_is_explicit_and_normalised_for_sorting_R_BOARD_3() -> None:
    client = publisher_client("factory")
    by_hour = client.post(
        "listings/posts", valid_payload(PostKind.LABOUR, wage_amount=25, wage_unit="hour", owner=client.user)
    ).json()
    by_month = client.post(
        "listings/posts", valid_payload(PostKind.LABOUR, wage_amount=6500, wage_unit="month", owner=client.user)
    ).json()
    assert by_hour["wage_unit_label"] == "元/小时"
    assert Post.objects.get(pk=by_hour["id"]).wage_per_day == 200
    assert Post.objects.get(pk=by_month["id"]).wage_per_day == 250


def test_labour_post_states_workers_pay_no_fees_R_BOARD_3() -> None:
    client = publisher_client("factory")
    post = client.post("listings/posts", valid_payload(PostKind.LABOUR, owner=client.user)).json()
    assert "不向求职者收取任何费用" in post["no_fee_statement"]
    schema = client.get("listings/form-schema/labour").json()
    assert "无需支付任何费用" in schema["notice"]


def test_cross_field_rules_at_submit_R_APP_2() -> None:
    client = publisher_client("factory")
    today = timezone.localdate()
    post = client.post(
        "listings/posts",
        valid_payload(
            PostKind.LABOUR,
            period_start=(today + timedelta(days=10)).isoformat(),
            period_end=(today + timedelta(days=5)).isoformat(),
        ),
    ).json()
    refused = client.post(f"listings/posts/{post['id']}/submit")
    assert refused.status_code == 422
    assert "period_end" in _fields(refused)
    stale = client.post(
        "listings/posts",
        valid_payload(PostKind.PROCESSING_DEMAND, delivery_date=(today - timedelta(days=1)).isoformat()),
    ).json()
    refused = client.post(f"listings/posts/{stale['id']}/submit")
    assert refused.status_code == 422
    assert _fields(refused) == {"delivery_date"}


def test_category_must_belong_to_the_industry_R_TAX_2() -> None:
    client = publisher_client("trade")
    other = CategoryTag.objects.get(industry=Industry.objects.get(code="apparel"), name="牛仔")
    response = client.post(
        "listings/posts", valid_payload(PostKind.PROCUREMENT, category_id=other.pk, owner=client.user)
    )
    assert response.status_code == 422
    assert _fields(response) == {"category_id"}


def test_fields_a_user_must_not_set_are_ignored_R_APP_2() -> None:
    client = publisher_client("factory")
    other = make_user(account_type="factory")
    response = client.post(
        "listings/posts",
        {**valid_payload(PostKind.STOCK), "status": "published", "owner_id": other.pk, "view_count": 999},
    )
    assert response.status_code == 201
    post = Post.objects.get(pk=response.json()["id"])
    assert (post.status, post.owner_id, post.view_count) == (PostStatus.DRAFT, client.user.pk, 0)


def test_media_must_be_the_publishers_own_post_media_R_APP_2() -> None:
    from uploads.models import FilePurpose
    from uploads.tests.factories import make_stored_file

    client = publisher_client("factory")
    mine = make_stored_file(owner=client.user)
    licence = make_stored_file(owner=client.user, purpose=FilePurpose.LICENCE, name="licence.jpg")
    theirs = make_stored_file(owner=make_user(account_type="factory"))
    for bad in (theirs, licence):
        refused = client.post("listings/posts", valid_payload(PostKind.STOCK, media_ids=[str(bad.pk)]))
        assert refused.status_code == 422
        assert _fields(refused) == {"media_ids"}
    ok = client.post("listings/posts", valid_payload(PostKind.STOCK, media_ids=[str(mine.pk)]))
    assert ok.status_code == 201
    assert ok.json()["media"][0]["id"] == str(mine.pk)
    assert ok.json()["cover"]["url"].startswith("/api/files/")


def test_stock_needs_a_real_photo_and_its_card_shows_it_issue_15_item_3(api) -> None:
    """Issue #15 item 3: a stock lot is submitted only with at least one 实拍图 (a video is no photo);
    the form says so, and the card's cover is the photo's thumbnail."""
    from uploads.models import FilePurpose
    from uploads.tests.factories import make_stored_file, mp4_bytes

    field = next(
        f
        for step in api.get("listings/form-schema/stock").json()["steps"]
        for f in step["fields"]
        if f["name"] == "media_ids"
    )
    assert (field["required"], field["min_images"], field["label"]) == (True, 1, "实拍图片")
    client = publisher_client("factory")
    draft = client.post("listings/posts", valid_payload(PostKind.STOCK)).json()  # a draft may lack it
    refused = client.post(f"listings/posts/{draft['id']}/submit")
    assert refused.status_code == 422
    assert [(d["field"], d["rule"], d["message"]) for d in refused.json()["detail"]] == [
        ("media_ids", "min_images", "请至少上传 1 张实拍图片")
    ]
    video = make_stored_file(owner=client.user, purpose=FilePurpose.POST_MEDIA, content=mp4_bytes(), name="v.mp4")
    assert video.kind == "video"
    client.put(f"listings/posts/{draft['id']}", valid_payload(PostKind.STOCK, media_ids=[str(video.pk)]))
    assert client.post(f"listings/posts/{draft['id']}/submit").json()["detail"][0]["rule"] == "min_images"
    photo = make_stored_file(owner=client.user)
    edited = client.put(f"listings/posts/{draft['id']}", valid_payload(PostKind.STOCK, media_ids=[str(photo.pk)]))
    assert edited.status_code == 200, edited
    submitted = client.post(f"listings/posts/{draft['id']}/submit")
    assert submitted.status_code == 200, submitted
    assert submitted.json()["cover"]["thumbnail_url"].startswith(f"/api/files/{photo.pk}")
    # Other boards keep photos optional.
    labour = client.post("listings/posts", valid_payload(PostKind.LABOUR)).json()
    assert client.post(f"listings/posts/{labour['id']}/submit").status_code == 200


class TestWhoMayPublish:
    def test_unverified_account_may_draft_but_not_submit_R_APP_4(self) -> None:
        client = signed_in_client(make_publisher("trade", verified=False))
        post = client.post("listings/posts", valid_payload(PostKind.PROCUREMENT, owner=client.user))
        assert post.status_code == 201
        refused = client.post(f"listings/posts/{post.json()['id']}/submit")
        assert refused.status_code == 403
        assert refused.json()["code"] == "qualification_required"

    def test_restricted_account_cannot_submit_R_OPS_2(self) -> None:
        owner = make_publisher("factory")
        client = signed_in_client(owner)
        post = client.post("listings/posts", valid_payload(PostKind.STOCK, owner=client.user)).json()
        owner.status = AccountStatus.RESTRICTED
        owner.status_reason = "多次发布违规信息"
        owner.save()
        refused = client.post(f"listings/posts/{post['id']}/submit")
        assert refused.status_code == 403
        assert refused.json()["code"] == "account_restricted"
        assert "多次发布违规信息" in refused.json()["message"]

    def test_worker_cannot_publish_R_ROLE_3(self) -> None:
        client = signed_in_client(make_user(account_type="worker"))
        refused = client.post("listings/posts", valid_payload(PostKind.LABOUR, owner=client.user))
        assert refused.status_code == 403
        assert refused.json()["code"] == "worker_cannot_publish"

    @pytest.mark.parametrize(
        ("account_type", "kind"),
        [("trade", PostKind.STOCK), ("trade", PostKind.LABOUR), ("factory", PostKind.PROCUREMENT)],
    )
    def test_kind_must_fit_the_account_type_R_ROLE_1_R_ROLE_2(self, account_type: str, kind: str) -> None:
        client = publisher_client(account_type)
        refused = client.post("listings/posts", valid_payload(kind, owner=client.user))
        assert refused.status_code == 403
        assert refused.json()["code"] == "wrong_account_type"

    def test_anonymous_cannot_create(self, api) -> None:
        assert api.post("listings/posts", valid_payload(PostKind.STOCK)).status_code == 401


class TestOwnership:
    """IDOR: another account's post can be neither edited, submitted, taken down nor deleted."""

    @pytest.mark.parametrize(
        ("method", "suffix"),
        [
            ("put", ""),
            ("delete", ""),
            ("post", "/submit"),
            ("post", "/take-down"),
            ("post", "/relist"),
            ("post", "/refresh"),
        ],
    )
    def test_other_users_post_is_404(self, method: str, suffix: str) -> None:
        owner = publisher_client("factory")
        post = owner.post("listings/posts", valid_payload(PostKind.STOCK, owner=owner.user)).json()
        intruder = publisher_client("factory")
        path = f"listings/posts/{post['id']}{suffix}"
        response = (
            intruder.put(path, valid_payload(PostKind.STOCK)) if method == "put" else getattr(intruder, method)(path)
        )
        assert response.status_code == 404, response
        assert intruder.get(f"listings/mine/{post['id']}").status_code == 404
        assert Post.objects.get(pk=post["id"]).status == PostStatus.DRAFT

    def test_kind_cannot_change_on_edit(self) -> None:
        client = publisher_client("factory")
        post = client.post("listings/posts", valid_payload(PostKind.STOCK, owner=client.user)).json()
        response = client.put(f"listings/posts/{post['id']}", valid_payload(PostKind.LABOUR))
        assert response.status_code == 422
        assert response.json()["detail"][0]["field"] == "kind"


def test_generated_title_states_the_amount_once_R_BOARD_2() -> None:
    """A stock title reads 库存<product> <amount><unit>, without repeating an amount the name already has."""
    client = publisher_client("factory")
    plain = client.post(
        "listings/posts", valid_payload(PostKind.STOCK, product_name="真空保温杯", quantity=5000, owner=client.user)
    )
    assert plain.status_code == 201, plain
    assert plain.json()["title"] == "库存真空保温杯 5000个"
    named = client.post(
        "listings/posts",
        valid_payload(PostKind.STOCK, product_name="真空保温杯尾货 5000 个", quantity=5000, owner=client.user),
    )
    assert named.json()["title"] == "库存真空保温杯尾货 5000 个"
