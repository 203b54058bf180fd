"""Builders for discovery tests: published posts and verified factories with exactly the fields a test
needs (rows saved through the ORM, so the search index is kept by the same signals as in production)."""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import make_user
from factories.models import FactoryProfile
from listings.models import Post, PostKind, PostStatus
from regions.models import Region
from taxonomy.models import AttributeTag, CategoryTag, Industry, JobType, ProcessType

NINGBO_YINZHOU = "330212"
SHENZHEN_BAOAN = "440306"
DONGGUAN = "441900"
HANGZHOU_XIAOSHAN = "330109"

_clock = itertools.count(1)

PUBLISHER = {
    PostKind.PROCUREMENT: "trade",
    PostKind.STOCK: "factory",
    PostKind.LABOUR: "factory",
    PostKind.PROCESSING_DEMAND: "factory",
    PostKind.PROCESSING_SERVICE: "factory",
}


def category(name: str) -> CategoryTag:
    return CategoryTag.objects.get(name=name)


def make_factory(
    *,
    owner: User | None = None,
    name: str = "宁波永佳不锈钢制品厂",
    industry: str = "daily_goods",
    categories: tuple[str, ...] = ("保温杯",),
    attributes: tuple[str, ...] = (),
    region: str = NINGBO_YINZHOU,
    latitude: float | None = None,
    longitude: float | None = None,
    verified: bool = True,
    main_products: str = "保温杯、真空杯、焖烧罐",
    completed_deals: int = 0,
) -> FactoryProfile:
    owner = owner or make_user(account_type="factory")
    profile = FactoryProfile.objects.create(
        owner=owner,
        name=name,
        industry=Industry.objects.get(code=industry),
        region=Region.objects.get(pk=region),
        address="工业园区 8 号",
        latitude=latitude,
        longitude=longitude,
        main_products=main_products,
        contact_name="王厂长",
        is_verified=verified,
        verified_at=timezone.now() if verified else None,
        completed_deals=completed_deals,
    )
    profile.categories.set(CategoryTag.objects.filter(name__in=categories, industry__code=industry))
    profile.attributes.set(AttributeTag.objects.filter(code__in=attributes))
    return profile


def make_post(
    *,
    kind: str = PostKind.PROCUREMENT,
    owner: User | None = None,
    title: str = "",
    status: str = PostStatus.PUBLISHED,
    category_name: str | None = "保温杯",
    region: str = NINGBO_YINZHOU,
    latitude: float | None = None,
    longitude: float | None = None,
    published_minutes_ago: int | None = None,
    processes: tuple[str, ...] = (),
    job_type: str | None = None,
    **fields: Any,
) -> Post:
    """A post in ``status`` (published by default, published moments after the previous one)."""
    owner = owner or make_user(account_type=PUBLISHER[kind])
    region_row = Region.objects.get(pk=region)
    cat = CategoryTag.objects.filter(name=category_name).select_related("industry").first() if category_name else None
    now = timezone.now()
    published_at = (
        now - timedelta(minutes=published_minutes_ago)
        if published_minutes_ago is not None
        else now - timedelta(days=1) + timedelta(seconds=next(_clock))
    )
    defaults: dict[str, Any] = {
        "product_name": fields.pop("product_name", cat.name if cat else ""),
        "industry": cat.industry if cat else None,
        "category": cat,
        "valid_until": timezone.localdate() + timedelta(days=30),
        "published_at": published_at if status == PostStatus.PUBLISHED else None,
    }
    if kind == PostKind.LABOUR:
        defaults.update(
            job_type=JobType.objects.get(name=job_type or "普工"),
            wage_amount=Decimal(200),
            wage_unit="day",
            wage_per_day=Decimal(200),
            headcount=10,
            period_start=timezone.localdate() + timedelta(days=5),
            period_end=timezone.localdate() + timedelta(days=35),
        )
    defaults.update(fields)
    post = Post.objects.create(
        owner=owner,
        kind=kind,
        title=title or f"{PostKind(kind).label} {defaults['product_name']}",
        status=status,
        region=region_row,
        latitude=latitude if latitude is not None else region_row.latitude,
        longitude=longitude if longitude is not None else region_row.longitude,
        **defaults,
    )
    if processes:
        post.process_types.set(ProcessType.objects.filter(name__in=processes))
    return post


def ids(response: Any) -> list[int]:
    return [item["id"] for item in response.json()["items"]]
