"""Demo posts of every kind for the embedded run: ``load_demo_posts()``.

Owned by the demo factories (``factories.demo``) and two demo trade companies made here when missing;
already published, as if a reviewer had approved them. Running it again creates nothing new (a post
is recognised by owner and title). Run ``load_demo_factories()`` first.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import AccountType, User
from factories.demo import demo_credit_code
from listings.models import Post, PostKind, PostStatus, RecruitmentLicence
from taxonomy.models import CategoryTag, Industry, JobType, ProcessType
from uploads.demo_images import draw_stock, store_demo_image
from uploads.models import FilePurpose
from verification.models import Qualification, QualificationKind, QualificationStatus


@dataclass(frozen=True)
class DemoTrade:
    username: str
    name: str
    adcode: str


DEMO_TRADES = (
    DemoTrade("demo_trade_01", "上海环球优品进出口有限公司", "310115"),
    DemoTrade("demo_trade_02", "深圳市跨境通电子商务有限公司", "440305"),
)


@dataclass(frozen=True)
class DemoPost:
    owner: str
    kind: str
    title: str
    fields: dict[str, Any] = field(default_factory=dict)
    # Names resolved to ids at load time, so the specs read like the form.
    industry: str = ""
    category: str = ""
    job_type: str = ""
    processes: tuple[str, ...] = ()
    days_ago: int = 0


def stock_photo(owner: User, label: str, title: str) -> str:
    """A 实拍图 drawn for a demo stock post (``uploads.demo_images``), as an upload id."""
    content = draw_stock(label, seed=title)
    name = f"实拍-{hashlib.sha256(title.encode()).hexdigest()[:8]}.png"
    return str(store_demo_image(owner=owner, purpose=FilePurpose.POST_MEDIA, content=content, name=name).pk)


def _d(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _specs() -> list[DemoPost]:
    return [
        DemoPost(
            "demo_trade_01",
            PostKind.PROCUREMENT,
            "求购不锈钢真空保温杯 30000 个（出口德国）",
            {
                "product_name": "不锈钢真空保温杯 500ml",
                "quantity": 30000,
                "quantity_unit": "个",
                "unit_price": 3.2,
                "currency": "USD",
                "delivery_date": _d(50),
                "quality_requirements": "304 不锈钢内胆，6 小时保温≥70℃，激光 logo，单个彩盒包装",
                "certifications": ["LFGB", "FDA"],
                "sample_required": True,
                "destination_market": "europe",
                "region_id": "310115",
                "description": "长期合作客户订单，可先打样确认，分两批出货。",
            },
            industry="daily_goods",
            category="保温杯",
        ),
        DemoPost(
            "demo_trade_01",
            PostKind.PROCUREMENT,
            "求购纯棉圆领 T 恤 10000 件（BSCI 验厂）",
            {
                "product_name": "180g 纯棉圆领 T 恤",
                "quantity": 10000,
                "quantity_unit": "件",
                "unit_price": 18,
                "currency": "CNY",
                "delivery_date": _d(40),
                "quality_requirements": "精梳棉，缩水率≤3%，色牢度 4 级",
                "certifications": ["BSCI", "OEKO-TEX"],
                "sample_required": True,
                "destination_market": "north_america",
                "region_id": "310115",
            },
            industry="apparel",
            category="T恤/卫衣",
            days_ago=1,
        ),
        DemoPost(
            "demo_trade_02",
            PostKind.PROCUREMENT,
            "求购蓝牙耳机 5000 套（亚马逊欧洲站）",
            {
                "product_name": "TWS 蓝牙耳机",
                "quantity": 5000,
                "quantity_unit": "套",
                "unit_price": 45,
                "delivery_date": _d(35),
                "quality_requirements": "蓝牙 5.3，续航 ≥ 24 小时，支持定制包装",
                "certifications": ["CE", "FCC", "RoHS"],
                "sample_required": True,
                "destination_market": "europe",
                "region_id": "440305",
            },
            industry="electronics_3c",
            category="蓝牙耳机",
        ),
        DemoPost(
            "demo_trade_02",
            PostKind.PROCUREMENT,
            "求购定制彩盒 50000 个",
            {
                "product_name": "四色印刷瓦楞彩盒",
                "quantity": 50000,
                "quantity_unit": "个",
                "delivery_date": _d(25),
                "quality_requirements": "E 坑，哑膜 + 局部 UV，尺寸 20×15×8cm",
                "sample_required": False,
                "destination_market": "domestic",
                "region_id": "440305",
            },
            industry="print_pack",
            category="彩盒",
            days_ago=2,
        ),
        DemoPost(
            "demo_factory_01",
            PostKind.STOCK,
            "304 不锈钢保温杯尾货 8000 个",
            {
                "product_name": "304 不锈钢真空保温杯 350ml",
                "quantity": 8000,
                "quantity_unit": "个",
                "unit_price": 9.5,
                "min_order": 500,
                "grade": "A",
                "lot_condition": "外贸订单余量，原箱包装，颜色 4 种，支持来厂验货",
                "region_id": "330212",
                "address": "姜山镇工业园区东区 18 号",
            },
            industry="daily_goods",
            category="保温杯",
        ),
        DemoPost(
            "demo_factory_20",
            PostKind.STOCK,
            "运动鞋库存 3000 双（断码清仓）",
            {
                "product_name": "男款网面运动鞋",
                "quantity": 3000,
                "quantity_unit": "双",
                "unit_price": 35,
                "min_order": 200,
                "grade": "B",
                "lot_condition": "断码，39-44 码为主，个别鞋盒有压痕",
                "region_id": "350582",
                "address": "陈埭镇鞋业工业区",
            },
            industry="apparel",
            category="鞋帽",
            days_ago=1,
        ),
        DemoPost(
            "demo_factory_06",
            PostKind.STOCK,
            "迷你加湿器库存 2000 台",
            {
                "product_name": "USB 迷你加湿器",
                "quantity": 2000,
                "quantity_unit": "台",
                "unit_price": 16,
                "min_order": 100,
                "grade": "A",
                "lot_condition": "全新未拆封，带 CE 证书",
                "region_id": "330282",
                "address": "周巷镇工业园",
            },
            industry="electronics_3c",
            category="小家电",
        ),
        DemoPost(
            "demo_factory_10",
            PostKind.LABOUR,
            "招缝纫工 20 人 日薪 260 元",
            {
                "wage_amount": 260,
                "wage_unit": "day",
                "headcount": 20,
                "period_start": _d(3),
                "period_end": _d(60),
                "age_min": 18,
                "age_max": 50,
                "experience": "one_year",
                "requirements": "熟练操作平车、拷边机，能看懂工艺单",
                "meals_provided": True,
                "housing_provided": True,
                "region_id": "441900",
                "address": "虎门镇龙眼工业区",
                "employer_name": "东莞市虎门龙眼服装厂",
                "work_content": "流水线缝制女装上衣，计件为主，每天工作 10 小时，周日休息",
                "valid_until": _d(30),
            },
            job_type="缝纫工",
        ),
        DemoPost(
            "demo_factory_01",
            PostKind.LABOUR,
            "招包装工 15 人 日薪 220 元",
            {
                "wage_amount": 220,
                "wage_unit": "day",
                "headcount": 15,
                "period_start": _d(2),
                "period_end": _d(30),
                "age_min": 18,
                "age_max": 55,
                "experience": "none",
                "requirements": "手脚麻利，能站立工作",
                "meals_provided": True,
                "housing_provided": False,
                "region_id": "330212",
                "address": "姜山镇工业园区东区 18 号",
                "employer_name": "宁波市鄞州恒达不锈钢制品厂",
                "work_content": "保温杯成品检验后装盒、封箱、贴标，白班 8 小时",
                "valid_until": _d(29),
            },
            job_type="包装工",
            days_ago=1,
        ),
        DemoPost(
            "demo_factory_08",
            PostKind.LABOUR,
            "招贴片工 10 人 时薪 23 元",
            {
                "wage_amount": 23,
                "wage_unit": "hour",
                "headcount": 10,
                "period_start": _d(5),
                "period_end": _d(45),
                "experience": "half_year",
                "requirements": "有 SMT 产线经验优先，两班倒",
                "meals_provided": True,
                "housing_provided": True,
                "region_id": "440306",
                "address": "福永街道凤凰第一工业区",
                "employer_name": "深圳市宝安福永凤凰电子厂",
                "work_content": "SMT 贴片机上料、巡检和首件核对，两班倒",
                "valid_until": _d(30),
            },
            job_type="贴片工",
        ),
        DemoPost(
            "demo_factory_02",
            PostKind.PROCESSING_DEMAND,
            "注塑代加工需求：PP 收纳盒盖 20000 件",
            {
                "product_name": "PP 收纳盒盖",
                "specification": "300×200mm，壁厚 2mm，透明白，模具我方提供",
                "material": "PP",
                "quantity": 20000,
                "quantity_unit": "件",
                "delivery_date": _d(30),
                "material_supplied": True,
                "region_id": "330782",
            },
            industry="daily_goods",
            category="收纳用品",
            processes=("注塑",),
        ),
        DemoPost(
            "demo_factory_08",
            PostKind.PROCESSING_DEMAND,
            "SMT 贴片代加工：蓝牙模块 PCBA 5000 套",
            {
                "product_name": "蓝牙模块 PCBA",
                "specification": "双面贴片，0402 元件，BGA 1 颗，需 AOI 检测",
                "quantity": 5000,
                "quantity_unit": "套",
                "delivery_date": _d(20),
                "material_supplied": True,
                "region_id": "440306",
            },
            industry="electronics_3c",
            category="PCBA加工",
            processes=("SMT贴片",),
            days_ago=1,
        ),
        DemoPost(
            "demo_factory_05",
            PostKind.PROCESSING_SERVICE,
            "承接注塑加工：12 台海天注塑机，月产 6 万件",
            {
                "equipment": [
                    {"name": "海天注塑机", "model": "MA1600", "count": 8},
                    {"name": "海天注塑机", "model": "MA2500", "count": 4},
                ],
                "capacity_amount": 60000,
                "capacity_period": "month",
                "quantity_unit": "件",
                "min_order": 1000,
                "price_description": "按模次计价，小批量可接，免费打样",
                "region_id": "331004",
                "address": "路桥区峰江街道",
            },
            industry="other_processing",
            category="塑料制品",
            processes=("注塑",),
        ),
        DemoPost(
            "demo_factory_10",
            PostKind.PROCESSING_SERVICE,
            "承接服装缝制加工：平车 60 台，日产 3000 件",
            {
                "equipment": [
                    {"name": "电脑平车", "model": "JUKI DDL-9000", "count": 60},
                    {"name": "四线拷边机", "model": "", "count": 12},
                ],
                "capacity_amount": 3000,
                "capacity_period": "day",
                "quantity_unit": "件",
                "min_order": 500,
                "price_description": "按款报价，可包工包料或来料加工",
                "region_id": "441900",
                "address": "虎门镇龙眼工业区",
            },
            industry="apparel",
            category="T恤/卫衣",
            processes=("缝制",),
            days_ago=2,
        ),
        DemoPost(
            "demo_factory_13",
            PostKind.PROCESSING_SERVICE,
            "承接彩盒印刷：海德堡四色机 2 台",
            {
                "equipment": [{"name": "海德堡四色印刷机", "model": "SM74", "count": 2}],
                "capacity_amount": 80000,
                "capacity_period": "day",
                "quantity_unit": "张",
                "min_order": 2000,
                "price_description": "按印张与工艺报价，可覆膜烫金",
                "region_id": "440605",
                "address": "南海区里水镇",
            },
            industry="print_pack",
            category="彩盒",
            processes=("印刷", "覆膜/烫金"),
        ),
    ]


def _ensure_trade_companies() -> None:
    now = timezone.now()
    for n, spec in enumerate(DEMO_TRADES, start=901):
        user, _ = User.objects.get_or_create(
            username=spec.username, defaults={"account_type": AccountType.TRADE, "display_name": spec.name[:32]}
        )
        if not Qualification.objects.filter(
            user=user, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.APPROVED
        ).exists():
            Qualification.objects.create(
                user=user,
                kind=QualificationKind.BUSINESS_LICENCE,
                status=QualificationStatus.APPROVED,
                company_name=spec.name,
                credit_code=demo_credit_code(n, spec.adcode),
                legal_representative="李明",
                registered_address=spec.name,
                is_long_term=True,
                review_due_at=now,
                reviewed_at=now,
            )


DEMO_LICENCE_NUMBER = "（演示）人服证字〔2026〕第 0000001 号"


def ensure_demo_licence() -> None:
    """A demo 人力资源服务许可证 so the embedded run shows the labour board (issue #16); a real platform
    enters its own in 系统设置 → 人力资源服务许可证."""
    RecruitmentLicence.objects.get_or_create(
        number=DEMO_LICENCE_NUMBER,
        defaults={
            "issuer": "演示用发证机关（请替换为真实许可证）",
            "valid_until": timezone.localdate() + timedelta(days=365 * 3),
            "note": "seed_demo 生成的演示数据",
        },
    )


@transaction.atomic
def load_demo_posts() -> int:
    """Creates the demo posts whose owners exist; returns how many were new."""
    from listings import registry, services

    ensure_demo_licence()
    _ensure_trade_companies()
    created = 0
    now = timezone.now()
    today = timezone.localdate()
    for spec in _specs():
        owner = User.objects.filter(username=spec.owner).first()
        if owner is None or Post.objects.filter(owner=owner, title=spec.title).exists():
            continue
        values: dict[str, Any] = {"kind": spec.kind, "title": spec.title, **spec.fields}
        if spec.industry:
            industry = Industry.objects.filter(code=spec.industry).first()
            values["industry_id"] = industry.pk if industry else None
            category = CategoryTag.objects.filter(industry=industry, name=spec.category).first()
            values["category_id"] = category.pk if category else None
        if spec.job_type:
            job = JobType.objects.filter(name=spec.job_type).first()
            if job is None:
                continue
            values["job_type_id"] = job.pk
        if spec.processes:
            values["process_type_ids"] = list(
                ProcessType.objects.filter(name__in=spec.processes).values_list("pk", flat=True)
            )
        if registry.get(spec.kind).min_images:
            label = spec.fields.get("product_name") or spec.category or spec.title
            values["media_ids"] = [stock_photo(owner, str(label), spec.title)]
        payload = registry.get(spec.kind).input_schema.model_validate(values)
        post = services.create_post(user=owner, payload=payload)
        published = now - timedelta(days=spec.days_ago, hours=created)
        Post.objects.filter(pk=post.pk).update(
            status=PostStatus.PUBLISHED,
            submitted_at=published,
            published_at=published,
            refreshed_at=published,
            reviewed_at=published,
            last_approved_at=published,
            content_changed_at=published - timedelta(minutes=5),
            valid_until=min(
                today + timedelta(days=30 - spec.days_ago),
                post.period_end or today + timedelta(days=30),
            ),
            view_count=37 * (created + 3) % 211,
        )
        created += 1
    return created
