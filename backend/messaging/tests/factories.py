"""Builders for messaging tests: published posts, verified factories, chat attachments."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import AccountType, User
from accounts.tests.factories import make_user, signed_in_client
from common.testing import png_bytes


def make_post(*, owner: User, kind: str = "stock", title: str = "库存保温杯 3000 个", **extra: Any) -> Any:
    from listings.models import Post, PostStatus

    now = timezone.now()
    return Post.objects.create(
        owner=owner,
        kind=kind,
        title=title,
        status=extra.pop("status", PostStatus.PUBLISHED),
        published_at=now,
        valid_until=timezone.localdate() + timedelta(days=30),
        **extra,
    )


def make_factory(*, owner: User | None = None, name: str = "永康保温杯厂", verified: bool = True) -> Any:
    from factories.models import FactoryProfile
    from regions.models import Region
    from taxonomy.models import Industry

    owner = owner or make_user(account_type=AccountType.FACTORY)
    industry, _ = Industry.objects.get_or_create(code="daily_goods", defaults={"name": "日用百货制造"})
    region, _ = Region.objects.get_or_create(
        adcode="330784", defaults={"name": "永康市", "level": 3, "province_name": "浙江省", "city_name": "金华市"}
    )
    return FactoryProfile.objects.create(
        owner=owner,
        name=name,
        industry=industry,
        region=region,
        address="工业区 1 号",
        main_products="保温杯",
        contact_name="张经理",
        is_verified=verified,
    )


def upload_chat_image(client: Any) -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.upload(
        "uploads",
        files={"file": SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png")},
        data={"purpose": "chat_attachment"},
    )
    assert response.status_code == 201, response
    return str(response.json()["id"])


def pair(*, seller_type: str = AccountType.FACTORY, buyer_type: str = AccountType.TRADE) -> tuple[Any, Any, Any]:
    """A buyer's client, the seller's client and the seller's published post."""
    seller = signed_in_client(make_user(account_type=seller_type))
    buyer = signed_in_client(make_user(account_type=buyer_type))
    return buyer, seller, make_post(owner=seller.user)


def open_chat(buyer: Any, post: Any, message: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"post_id": post.pk}
    if message:
        body["message"] = message
    response = buyer.post("messaging/contact", body)
    assert response.status_code == 200, response
    return dict(response.json())


NEW_MESSAGE_TEMPLATE = "tpl-new-message"


def send(client: Any, conversation_id: int, text: str) -> Any:
    return client.post(f"messaging/conversations/{conversation_id}/messages", {"text": text})
