"""Builders for board tests: publishers who may publish (approved licence, factory profile), valid
form payloads of every kind drawn from the seeded taxonomy and regions, and posts in any state made
through the real services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import AccountStatus, User
from accounts.tests.factories import make_user, signed_in_client
from listings import registry, services
from listings.models import Post, PostKind, PostStatus, RecruitmentLicence
from taxonomy.models import CategoryTag, Industry, JobType, ProcessType

SHENZHEN_BAOAN = "440306"
NINGBO_YINZHOU = "330212"


def make_publisher(
    account_type: str = "factory", *, verified: bool = True, status: str = AccountStatus.NORMAL, **extra: Any
) -> User:
    """A trade company or factory that may publish (unless ``verified=False`` or a status says no)."""
    from factories.models import FactoryProfile
    from regions.models import Region
    from verification.models import QualificationStatus
    from verification.tests.factories import make_licence

    user = make_user(account_type=account_type, **extra)
    if verified:
        make_licence(user, status=QualificationStatus.APPROVED)
    if account_type == "factory":
        industry = Industry.objects.get(code="daily_goods")
        profile = FactoryProfile.objects.create(
            owner=user,
            name=f"{user.display_name}不锈钢制品厂",
            industry=industry,
            region=Region.objects.get(pk=NINGBO_YINZHOU),
            address="姜山镇工业园区 18 号",
            main_products="保温杯、真空杯",
            contact_name="王厂长",
            is_verified=verified,
        )
        profile.categories.set([CategoryTag.objects.get(industry=industry, name="保温杯")])
    if status != AccountStatus.NORMAL:
        User.objects.filter(pk=user.pk).update(status=status, status_reason="发布违规信息")
        user.refresh_from_db()
    return user


def publisher_client(account_type: str = "factory", **kwargs: Any) -> Any:
    return signed_in_client(make_publisher(account_type, **kwargs))


def post_photo(owner: Any) -> str:
    """A photo uploaded by ``owner`` for a post (stock needs a 实拍图, issue #15 item 3)."""
    from uploads.models import FilePurpose
    from uploads.tests.factories import make_stored_file

    return str(make_stored_file(owner=owner, purpose=FilePurpose.POST_MEDIA, name="实拍.jpg").pk)


def valid_payload(kind: str, owner: Any = None, **overrides: Any) -> dict[str, Any]:
    """A complete, valid form of ``kind`` as the client would send it; with ``owner``, the photos its
    board requires (``BoardSpec.min_images``) uploaded by them."""
    today = timezone.localdate()
    daily = Industry.objects.get(code="daily_goods")
    cup = CategoryTag.objects.get(industry=daily, name="保温杯")
    payloads: dict[str, dict[str, Any]] = {
        PostKind.PROCUREMENT: {
            "product_name": "不锈钢真空保温杯",
            "industry_id": daily.pk,
            "category_id": cup.pk,
            "quantity": 30000,
            "quantity_unit": "个",
            "unit_price": 12.5,
            "currency": "USD",
            "delivery_date": (today + timedelta(days=45)).isoformat(),
            "quality_requirements": "304 不锈钢内胆，保温 12 小时以上",
            "certifications": ["LFGB", "FDA"],
            "sample_required": True,
            "destination_market": "europe",
            "region_id": NINGBO_YINZHOU,
        },
        PostKind.STOCK: {
            "product_name": "儿童保温杯尾货",
            "industry_id": daily.pk,
            "category_id": cup.pk,
            "quantity": 5000,
            "quantity_unit": "个",
            "unit_price": 8,
            "min_order": 500,
            "grade": "A",
            "lot_condition": "外贸订单余货，原箱包装，可验货",
            "region_id": NINGBO_YINZHOU,
            "address": "姜山镇工业园区 18 号",
        },
        PostKind.LABOUR: {
            "job_type_id": JobType.objects.get(name="缝纫工").pk,
            "wage_amount": 260,
            "wage_unit": "day",
            "headcount": 20,
            "period_start": (today + timedelta(days=3)).isoformat(),
            "period_end": (today + timedelta(days=40)).isoformat(),
            "age_min": 18,
            "age_max": 50,
            "experience": "one_year",
            "requirements": "会操作平车",
            "meals_provided": True,
            "housing_provided": True,
            "employer_name": "深圳市宝安区福永恒兴制衣厂",
            "work_content": "流水线平车缝制 T 恤侧缝、领口，按件计数",
            "valid_until": (today + timedelta(days=30)).isoformat(),
            "region_id": SHENZHEN_BAOAN,
            "address": "福永街道凤凰第一工业区 A 栋",
        },
        PostKind.PROCESSING_DEMAND: {
            "process_type_ids": [ProcessType.objects.get(name="注塑").pk],
            "product_name": "PP 收纳盒盖",
            "specification": "尺寸 300×200mm，壁厚 2mm，白色",
            "material": "PP",
            "quantity": 20000,
            "quantity_unit": "件",
            "delivery_date": (today + timedelta(days=30)).isoformat(),
            "material_supplied": False,
            "region_id": NINGBO_YINZHOU,
        },
        PostKind.PROCESSING_SERVICE: {
            "process_type_ids": [ProcessType.objects.get(name="注塑").pk],
            "equipment": [{"name": "海天注塑机", "model": "MA1600", "count": 12}],
            "capacity_amount": 60000,
            "capacity_period": "month",
            "quantity_unit": "件",
            "min_order": 1000,
            "price_description": "按模次计价，可免费打样",
            "region_id": NINGBO_YINZHOU,
            "address": "姜山镇工业园区 18 号",
        },
    }
    photos: dict[str, Any] = {}
    if owner is not None and "media_ids" not in overrides and registry.get(kind).min_images:
        photos["media_ids"] = [post_photo(owner) for _ in range(registry.get(kind).min_images)]
    return {"kind": kind, **payloads[kind], **photos, **overrides}


PUBLISHER_FOR = {
    PostKind.PROCUREMENT: "trade",
    PostKind.STOCK: "factory",
    PostKind.LABOUR: "factory",
    PostKind.PROCESSING_DEMAND: "factory",
    PostKind.PROCESSING_SERVICE: "factory",
}


def make_reviewer() -> User:
    from verification.tests.factories import make_reviewer as _make_reviewer

    return _make_reviewer()


def make_post(
    *,
    owner: User | None = None,
    kind: str = PostKind.STOCK,
    status: str = PostStatus.PUBLISHED,
    reviewer: User | None = None,
    **overrides: Any,
) -> Post:
    """A post brought to ``status`` through the services (draft → submit → approve / reject)."""
    owner = owner or make_publisher(PUBLISHER_FOR[PostKind(kind)])
    payload = registry.get(kind).input_schema.model_validate(valid_payload(kind, owner, **overrides))
    post = services.create_post(user=owner, payload=payload)
    if status == PostStatus.DRAFT:
        return post
    services.submit_post(user=owner, post_id=post.pk)
    if status == PostStatus.PENDING:
        return Post.objects.get(pk=post.pk)
    reviewer = reviewer or make_reviewer()
    if status == PostStatus.REJECTED:
        services.reject(reviewer=reviewer, post_id=post.pk, reason="信息不完整")
        return Post.objects.get(pk=post.pk)
    services.approve(reviewer=reviewer, post_id=post.pk)
    if status == PostStatus.TAKEN_DOWN:
        services.take_down(user=owner, post_id=post.pk)
    elif status == PostStatus.EXPIRED:
        Post.objects.filter(pk=post.pk).update(status=PostStatus.EXPIRED)
    return Post.objects.get(pk=post.pk)


def make_recruitment_licence(*, days: int = 365, active: bool = True) -> RecruitmentLicence:
    """The platform's 人力资源服务许可证, valid for ``days`` more days (negative: expired)."""
    return RecruitmentLicence.objects.create(
        number="（粤）人服证字〔2026〕第 0300000001 号",
        issuer="深圳市人力资源和社会保障局",
        valid_until=timezone.localdate() + timedelta(days=days),
        is_active=active,
    )
