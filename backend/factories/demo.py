"""Demo factories for the embedded run and for trying the directory: ``load_demo_factories()``.

Each one is a factory account (phone 1390000xxxx) with an approved business licence whose credit code
passes the GB 32100 checksum, a completed profile in a real manufacturing town, tags and coordinates.
Running it again creates nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import AccountType, User
from accounts.services import set_phone
from factories.models import FactoryProfile
from regions.models import Region
from taxonomy.models import AttributeTag, CategoryTag, Industry
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.validators import uscc_check_char


@dataclass(frozen=True)
class DemoFactory:
    name: str
    adcode: str
    industry: str
    categories: tuple[str, ...]
    attributes: tuple[str, ...]
    main_products: str
    address: str
    employees: int
    deals: int
    contact: str
    long_term: bool = True


DEMO_FACTORIES: tuple[DemoFactory, ...] = (
    DemoFactory(
        "宁波市鄞州恒达不锈钢制品厂",
        "330212",
        "daily_goods",
        ("保温杯", "餐具"),
        ("production", "large_batch", "free_sample"),
        "不锈钢保温杯、焖烧罐、儿童餐具",
        "姜山镇工业园区东区 18 号",
        160,
        86,
        "王建国",
    ),
    DemoFactory(
        "义乌市佳美日用品有限公司",
        "330782",
        "daily_goods",
        ("收纳用品", "家居日用"),
        ("production", "small_batch", "stock_clearance", "delivery"),
        "塑料收纳盒、桌面收纳、晾衣架",
        "北苑街道春华路 256 号",
        85,
        142,
        "陈丽",
    ),
    DemoFactory(
        "永康市鑫锐厨具厂",
        "330784",
        "daily_goods",
        ("厨具", "保温杯"),
        ("production", "oem", "large_batch"),
        "不粘锅、压力锅、不锈钢保温壶",
        "经济开发区金川路 9 号",
        220,
        118,
        "胡志强",
        False,
    ),
    DemoFactory(
        "台州市黄岩精工模具有限公司",
        "331003",
        "mould",
        ("注塑模具", "模具设计"),
        ("custom_dev", "small_batch", "free_sample"),
        "家电注塑模具、汽车内饰件模具",
        "北城街道模具城 3 幢",
        120,
        64,
        "林海峰",
    ),
    DemoFactory(
        "台州市路桥宏远塑料制品厂",
        "331004",
        "other_processing",
        ("塑料制品", "组装加工"),
        ("oem", "urgent_orders", "pickup"),
        "PP/ABS 注塑件、日用塑料件代加工",
        "峰江街道工业区 66 号",
        70,
        53,
        "郑晓东",
    ),
    DemoFactory(
        "慈溪市海韵小家电有限公司",
        "330282",
        "electronics_3c",
        ("小家电",),
        ("production", "large_batch", "customisation"),
        "电热水壶、挂烫机、迷你风扇",
        "周巷镇兴业北路 128 号",
        300,
        97,
        "孙伟",
    ),
    DemoFactory(
        "温岭市东海五金工具厂",
        "331081",
        "other_processing",
        ("五金加工",),
        ("production", "small_batch", "urgent_orders"),
        "手动工具、五金冲压件",
        "泽国镇工业区牧东路 17 号",
        95,
        61,
        "叶建华",
        False,
    ),
    DemoFactory(
        "深圳市宝安区创联电子有限公司",
        "440306",
        "electronics_3c",
        ("手机配件", "数据线/充电器"),
        ("production", "oem", "urgent_orders", "free_sample"),
        "快充充电器、Type-C 数据线、无线充",
        "沙井街道新桥工业区 A 栋 4 楼",
        260,
        175,
        "李俊",
    ),
    DemoFactory(
        "深圳市龙岗区声之韵科技有限公司",
        "440307",
        "electronics_3c",
        ("蓝牙耳机", "智能穿戴"),
        ("custom_dev", "small_batch", "free_sample"),
        "TWS 蓝牙耳机、智能手环 ODM",
        "坂田街道五和大道 88 号 6 楼",
        180,
        88,
        "张明",
    ),
    DemoFactory(
        "东莞市虎门鸿锦制衣厂",
        "441900",
        "apparel",
        ("T恤/卫衣", "工作服"),
        ("oem", "large_batch", "pickup"),
        "针织 T 恤、卫衣、团体工作服",
        "虎门镇龙眼工业路 21 号",
        150,
        132,
        "刘芳",
    ),
    DemoFactory(
        "东莞市长安精密模具厂",
        "441900",
        "mould",
        ("冲压模具", "压铸模具"),
        ("production", "custom_dev", "large_batch"),
        "五金冲压模、铝合金压铸模",
        "长安镇沙头南区工业大道 7 号",
        110,
        45,
        "黄志军",
    ),
    DemoFactory(
        "佛山市顺德区美厨电器制造有限公司",
        "440606",
        "electronics_3c",
        ("小家电",),
        ("production", "large_batch", "delivery"),
        "电饭煲、空气炸锅、养生壶",
        "北滘镇工业大道 16 号",
        420,
        210,
        "梁永健",
    ),
    DemoFactory(
        "佛山市南海区锦程纸品包装厂",
        "440605",
        "print_pack",
        ("彩盒", "纸箱"),
        ("production", "urgent_orders", "delivery", "free_sample"),
        "彩盒、瓦楞纸箱、礼品盒",
        "狮山镇小塘工业区 39 号",
        90,
        156,
        "何秀英",
    ),
    DemoFactory(
        "汕头市澄海区童乐玩具厂",
        "440515",
        "other_processing",
        ("塑料制品", "组装加工"),
        ("production", "stock_clearance", "small_batch"),
        "益智积木、塑胶玩具",
        "莲下镇玩具工业园 5 号",
        75,
        69,
        "蔡少鹏",
        False,
    ),
    DemoFactory(
        "汕头市潮阳区雅姿内衣厂",
        "440513",
        "apparel",
        ("内衣/家居服",),
        ("oem", "large_batch", "stock_clearance"),
        "无痕内衣、家居服套装",
        "谷饶镇内衣工业区 12 号",
        130,
        104,
        "郭燕",
    ),
    DemoFactory(
        "中山市小榄镇明辉灯饰五金厂",
        "442000",
        "other_processing",
        ("五金加工", "喷涂/电镀"),
        ("oem", "small_batch", "customisation"),
        "灯饰五金件、表面喷涂加工",
        "小榄镇工业大道北 25 号",
        60,
        38,
        "冯志明",
    ),
    DemoFactory(
        "苏州市吴江区盛泽丝绸服饰有限公司",
        "320509",
        "apparel",
        ("内衣/家居服", "T恤/卫衣"),
        ("production", "customisation", "free_sample"),
        "真丝睡衣、真丝围巾、针织上衣",
        "盛泽镇西二环路 1188 号",
        140,
        77,
        "沈晓燕",
    ),
    DemoFactory(
        "昆山市华鼎电子科技有限公司",
        "320583",
        "electronics_3c",
        ("PCBA加工", "电脑周边"),
        ("oem", "large_batch", "urgent_orders"),
        "SMT 贴片、PCBA 来料加工、键盘鼠标",
        "周市镇横长泾路 55 号",
        350,
        163,
        "周斌",
    ),
    DemoFactory(
        "常熟市虞山羽绒服装厂",
        "320581",
        "apparel",
        ("羽绒服",),
        ("oem", "large_batch", "pickup"),
        "羽绒服、棉服代工",
        "虞山街道服装城工业区 8 号",
        200,
        121,
        "钱海燕",
        False,
    ),
    DemoFactory(
        "晋江市陈埭鸿星鞋业有限公司",
        "350582",
        "apparel",
        ("鞋帽",),
        ("production", "large_batch", "customisation"),
        "运动鞋、休闲鞋",
        "陈埭镇鞋业工业区 41 号",
        380,
        190,
        "洪志伟",
    ),
    DemoFactory(
        "石狮市海天童装厂",
        "350581",
        "apparel",
        ("童装",),
        ("oem", "small_batch", "stock_clearance"),
        "儿童 T 恤、童装套装",
        "灵秀镇华山工业区 7 号",
        80,
        58,
        "施美玲",
    ),
    DemoFactory(
        "厦门市同安区嘉禾彩印包装有限公司",
        "350212",
        "print_pack",
        ("标签/不干胶", "说明书印刷"),
        ("production", "urgent_orders", "free_sample"),
        "不干胶标签、产品说明书、吊牌",
        "西柯街道美溪道 102 号",
        65,
        92,
        "吴晓峰",
    ),
    DemoFactory(
        "青岛市黄岛区海鑫箱包有限公司",
        "370211",
        "apparel",
        ("箱包",),
        ("production", "oem", "customisation"),
        "拉杆箱、双肩包、帆布袋",
        "灵山卫街道滨海大道 320 号",
        170,
        83,
        "王海涛",
    ),
    DemoFactory(
        "即墨市鑫源针织服装厂",
        "370282",
        "apparel",
        ("T恤/卫衣", "童装"),
        ("oem", "urgent_orders", "pickup"),
        "针织童装、卫衣代加工",
        "通济街道针织工业园 19 号",
        110,
        72,
        "刘春梅",
        False,
    ),
    DemoFactory(
        "泊头市华兴模具铸造厂",
        "130981",
        "mould",
        ("冲压模具", "模具设计"),
        ("production", "custom_dev", "small_batch"),
        "汽车覆盖件冲压模具",
        "交河镇模具产业园 11 号",
        90,
        35,
        "张立军",
    ),
    DemoFactory(
        "高碑店市白沟兴达箱包厂",
        "130684",
        "apparel",
        ("箱包",),
        ("production", "stock_clearance", "small_batch", "delivery"),
        "女士手提包、钱包",
        "白沟镇箱包工业区 2 号",
        55,
        99,
        "赵丽娜",
    ),
    DemoFactory(
        "长垣县金鼎起重配件厂",
        "410728",
        "other_processing",
        ("五金加工", "喷涂/电镀"),
        ("production", "large_batch", "delivery"),
        "起重机配件、五金锻件",
        "魏庄街道起重工业园 6 号",
        130,
        47,
        "李国强",
    ),
    DemoFactory(
        "长葛市恒远卫浴五金厂",
        "411082",
        "other_processing",
        ("五金加工",),
        ("oem", "small_batch", "pickup"),
        "卫浴五金、水龙头配件",
        "大周镇再生金属产业园 13 号",
        70,
        41,
        "魏红军",
        False,
    ),
    DemoFactory(
        "乐清市正泰精密电子厂",
        "330382",
        "electronics_3c",
        ("电脑周边", "PCBA加工"),
        ("oem", "urgent_orders", "free_sample"),
        "接插件、开关、线束加工",
        "柳市镇长江路 99 号",
        190,
        115,
        "潘建新",
    ),
    DemoFactory(
        "瑞安市瑞星印刷包装有限公司",
        "330381",
        "print_pack",
        ("手提袋", "画册/宣传册", "彩盒"),
        ("production", "customisation", "delivery"),
        "纸质手提袋、画册、礼盒",
        "飞云街道印刷工业园 27 号",
        85,
        128,
        "陈永",
    ),
    DemoFactory(
        "普宁市流沙服装织造厂",
        "445281",
        "apparel",
        ("牛仔", "T恤/卫衣"),
        ("oem", "stock_clearance", "large_batch"),
        "牛仔裤、休闲裤",
        "流沙东街道服装工业区 15 号",
        160,
        88,
        "黄泽民",
    ),
    DemoFactory(
        "余姚市精诚模塑有限公司",
        "330281",
        "mould",
        ("注塑模具",),
        ("production", "oem", "urgent_orders", "free_sample"),
        "精密注塑模具、注塑成型",
        "阳明街道模具城北路 66 号",
        140,
        73,
        "徐立平",
    ),
)

DEMO_USERNAME = "demo_factory_{:02d}"
DEMO_PHONE = "1390000{:04d}"


def demo_credit_code(n: int, adcode: str) -> str:
    """9 (工商) 1 (企业) + the registering region + a made-up organisation code + its check character."""
    body = f"91{adcode[:6]}MA2{n:06d}"
    return body + uscc_check_char(body)


@transaction.atomic
def load_demo_factories(count: int = 30) -> int:
    """Creates up to ``count`` demo factories; returns how many were new."""
    from factories.services import save_factory_profile

    created = 0
    now = timezone.now()
    for n, spec in enumerate(DEMO_FACTORIES[:count], start=1):
        username = DEMO_USERNAME.format(n)
        if FactoryProfile.objects.filter(owner__username=username).exists():
            continue
        region = Region.objects.filter(adcode=spec.adcode).first()
        industry = Industry.objects.filter(code=spec.industry).first()
        if region is None or industry is None:
            continue
        owner = User.objects.filter(username=username).first()
        if owner is None:
            owner = User.objects.create_user(
                username=username, account_type=AccountType.FACTORY, display_name=spec.name[:32]
            )
            set_phone(user=owner, phone=DEMO_PHONE.format(n))
        if not Qualification.objects.filter(
            user=owner, kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.APPROVED
        ).exists():
            valid_until: date | None = None if spec.long_term else timezone.localdate() + timedelta(days=365 * 3 + n)
            Qualification.objects.create(
                user=owner,
                kind=QualificationKind.BUSINESS_LICENCE,
                status=QualificationStatus.APPROVED,
                company_name=spec.name,
                credit_code=demo_credit_code(n, spec.adcode),
                legal_representative=spec.contact,
                registered_address=f"{region.full_name}{spec.address}",
                is_long_term=spec.long_term,
                valid_until=valid_until,
                review_due_at=now,
                reviewed_at=now - timedelta(days=n),
            )
        categories = list(
            CategoryTag.objects.filter(industry=industry, name__in=spec.categories, is_active=True).values_list(
                "pk", flat=True
            )
        ) or list(CategoryTag.objects.filter(industry=industry, is_active=True).values_list("pk", flat=True)[:2])
        attributes = list(
            AttributeTag.objects.filter(code__in=spec.attributes, is_active=True).values_list("pk", flat=True)
        )
        # Spread factories of one district a little so distance sorting has something to sort.
        jitter = ((n * 37) % 21 - 10) / 500
        profile = save_factory_profile(
            owner=owner,
            name=spec.name,
            industry_id=industry.pk,
            category_ids=categories,
            attribute_ids=attributes,
            region_adcode=region.adcode,
            address=spec.address,
            latitude=round(region.latitude + jitter, 6) if region.latitude is not None else None,
            longitude=round(region.longitude - jitter, 6) if region.longitude is not None else None,
            main_products=spec.main_products,
            equipment_summary="",
            capacity_summary="",
            employee_count=spec.employees,
            description=f"{spec.name}专业生产{spec.main_products}，欢迎来厂考察、打样合作。",
            photo_ids=[],
            contact_name=spec.contact,
            contact_phone=DEMO_PHONE.format(n),
        )
        FactoryProfile.objects.filter(pk=profile.pk).update(completed_deals=spec.deals)
        created += 1
    return created
