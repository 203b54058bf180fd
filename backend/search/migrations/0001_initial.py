"""``SearchDocument`` moved here from ``matching`` (state only: the table, its FTS5 table and
triggers on SQLite and its tsvector column and GIN index on PostgreSQL stay as ``matching`` migrations
0001-0003 created them, under the name ``matching_searchdocument``)."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["searchdocument"]


def move_content_types(apps: Any, schema_editor: Any) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="matching", model__in=MODELS).update(app_label="search")


def restore_content_types(apps: Any, schema_editor: Any) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="search", model__in=MODELS).update(app_label="matching")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("factories", "0001_initial"),
        ("listings", "0001_initial"),
        ("matching", "0004_move_models_to_search_and_discovery"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchDocument",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("board", models.CharField(choices=[("procurement", "采购需求"), ("stock", "库存"), ("labour", "用工"), ("processing_demand", "代加工需求"), ("processing_service", "代加工服务"), ("factory", "工厂")], db_index=True, max_length=32, verbose_name="板块")),
                        ("title", models.CharField(max_length=120, verbose_name="标题")),
                        ("text", models.TextField(blank=True, verbose_name="正文（摘要用）")),
                        ("summary", models.CharField(blank=True, max_length=200, verbose_name="要点")),
                        ("region_name", models.CharField(blank=True, max_length=100, verbose_name="地区")),
                        ("title_tokens", models.TextField(blank=True, verbose_name="标题分词")),
                        ("body_tokens", models.TextField(blank=True, verbose_name="正文分词")),
                        ("published_at", models.DateTimeField(blank=True, null=True, verbose_name="发布时间")),
                        ("valid_until", models.DateField(blank=True, help_text="信息的有效期；工厂为空", null=True, verbose_name="有效期至")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="索引时间")),
                        ("factory", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="search_document", to="factories.factoryprofile")),
                        ("post", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="search_document", to="listings.post")),
                        ("owner", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="发布者")),
                    ],
                    options={
                        "verbose_name": "搜索索引",
                        "verbose_name_plural": "搜索索引",
                        "db_table": "matching_searchdocument",
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("factory__isnull", True), ("post__isnull", False)), models.Q(("factory__isnull", False), ("post__isnull", True)), _connector="OR"), name="search_doc_one_target")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
