"""Seeds the taxonomy of R-TAX-1..3 plus the job and process lists, so every database (test databases
included) starts with it. Operators change it later in the console; this migration never runs again.

The data lives here, not in app code, because a migration must keep producing the same rows whatever
the app code becomes. Rows are matched by code (or name) so re-applying is harmless.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

# (code, name, [category tags]) — R-TAX-1 / R-TAX-2.
INDUSTRIES: list[tuple[str, str, list[str]]] = [
    ("daily_goods", "日用百货制造", ["保温杯", "餐具", "厨具", "收纳用品", "清洁用品", "家居日用", "个护用品", "家纺布艺"]),
    (
        "electronics_3c",
        "电子3C制造",
        ["手机配件", "数据线/充电器", "蓝牙耳机", "智能穿戴", "PCBA加工", "电脑周边", "小家电"],
    ),
    ("apparel", "服装服饰制造", ["T恤/卫衣", "羽绒服", "牛仔", "童装", "箱包", "鞋帽", "内衣/家居服", "工作服"]),
    ("mould", "模具加工服务", ["注塑模具", "冲压模具", "压铸模具", "模具设计"]),
    ("print_pack", "印刷包装服务", ["彩盒", "纸箱", "标签/不干胶", "手提袋", "说明书印刷", "画册/宣传册"]),
    ("other_processing", "其他加工服务", ["五金加工", "塑料制品", "喷涂/电镀", "组装加工", "木制品", "玻璃/陶瓷"]),
]

# (code, name, [(code, name)]) — R-TAX-3; matching rules recognise tags by these codes.
ATTRIBUTE_GROUPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "business_type",
        "业务类型",
        [("production", "生产型"), ("oem", "代加工型"), ("stock_clearance", "库存清仓型"), ("custom_dev", "定制开发型")],
    ),
    ("capacity", "产能", [("small_batch", "小批量接单"), ("large_batch", "大批量接单"), ("urgent_orders", "急单可接")]),
    (
        "service",
        "服务",
        [("pickup", "上门取货"), ("delivery", "送货上门"), ("free_sample", "免费打样"), ("customisation", "支持定制")],
    ),
]

JOB_TYPES = [
    "普工",
    "缝纫工",
    "包装工",
    "质检员",
    "注塑工",
    "贴片工",
    "装配工",
    "仓管员",
    "叉车工",
    "电焊工",
    "剪线工",
    "印刷机长",
    "CNC操机员",
    "打磨工",
    "烫衣工",
    "搬运工",
]

# (name, industry code or None when the process serves many industries).
PROCESS_TYPES: list[tuple[str, str | None]] = [
    ("注塑", "other_processing"),
    ("冲压", "other_processing"),
    ("压铸", "other_processing"),
    ("CNC", None),
    ("印刷", "print_pack"),
    ("覆膜/烫金", "print_pack"),
    ("缝制", "apparel"),
    ("刺绣/印花", "apparel"),
    ("SMT贴片", "electronics_3c"),
    ("DIP插件", "electronics_3c"),
    ("组装", None),
    ("喷涂", "other_processing"),
    ("电镀", "other_processing"),
    ("激光切割", None),
    ("模具制造", "mould"),
    ("包装", None),
]


def seed(apps: Any, schema_editor: Any) -> None:
    Industry = apps.get_model("taxonomy", "Industry")
    CategoryTag = apps.get_model("taxonomy", "CategoryTag")
    AttributeGroup = apps.get_model("taxonomy", "AttributeGroup")
    AttributeTag = apps.get_model("taxonomy", "AttributeTag")
    JobType = apps.get_model("taxonomy", "JobType")
    ProcessType = apps.get_model("taxonomy", "ProcessType")
    TaxonomyVersion = apps.get_model("taxonomy", "TaxonomyVersion")

    # Steps of 10 leave room for an operator to slot a tag in between without renumbering.
    industries = {}
    for i, (code, name, categories) in enumerate(INDUSTRIES, start=1):
        industry, _ = Industry.objects.update_or_create(code=code, defaults={"name": name, "sort_order": i * 10})
        industries[code] = industry
        for j, category in enumerate(categories, start=1):
            CategoryTag.objects.update_or_create(industry=industry, name=category, defaults={"sort_order": j * 10})

    for i, (code, name, tags) in enumerate(ATTRIBUTE_GROUPS, start=1):
        group, _ = AttributeGroup.objects.update_or_create(code=code, defaults={"name": name, "sort_order": i * 10})
        for j, (tag_code, tag_name) in enumerate(tags, start=1):
            AttributeTag.objects.update_or_create(
                code=tag_code, defaults={"group": group, "name": tag_name, "sort_order": j * 10}
            )

    for i, name in enumerate(JOB_TYPES, start=1):
        JobType.objects.update_or_create(name=name, defaults={"sort_order": i * 10})

    for i, (name, industry_code) in enumerate(PROCESS_TYPES, start=1):
        ProcessType.objects.update_or_create(
            name=name,
            defaults={"sort_order": i * 10, "industry": industries[industry_code] if industry_code else None},
        )

    TaxonomyVersion.objects.get_or_create(pk=1, defaults={"version": 1})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
