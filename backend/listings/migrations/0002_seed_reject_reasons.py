"""Starter rejection reasons for reviewers; operators edit them in the console. Matched by title, so
re-applying is harmless. The data lives here so the migration keeps producing the same rows."""

from django.db import migrations

REASONS = [
    ("含违禁内容", "信息包含违禁或违规内容，请删除后重新提交", "prohibited"),
    ("用工收费", "用工信息不得向工人收取押金、中介费等任何费用", "prohibited"),
    ("信息不实", "信息存在虚假或夸大内容，请如实填写", "false_info"),
    ("图片不符", "图片与描述不符或不清晰，请上传实物图片", "false_info"),
    ("信息不完整", "信息不完整或描述不清，请补充产品规格、数量、交期等关键信息", "incomplete"),
    ("含联系方式", "请勿在信息中填写手机号、微信号或链接，请通过平台沟通", "contact"),
]


def seed(apps, schema_editor):
    Template = apps.get_model("listings", "RejectReasonTemplate")
    for order, (title, text, category) in enumerate(REASONS):
        Template.objects.get_or_create(title=title, defaults={"text": text, "category": category, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("listings", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
