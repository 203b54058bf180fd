"""Browsing history, favourites and announcements moved here from ``matching``: first state only
(the tables as ``matching`` created them), then the tables are renamed to this app's names
(``discovery_viewevent`` …), rows untouched. Content types (and so the permissions granted to
groups) follow the models."""

from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ["announcement", "favourite", "viewevent"]


def move_content_types(apps: Any, schema_editor: Any) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="matching", model__in=MODELS).update(app_label="discovery")


def restore_content_types(apps: Any, schema_editor: Any) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="discovery", model__in=MODELS).update(app_label="matching")


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
                    name="Announcement",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("title", models.CharField(max_length=60, verbose_name="标题")),
                        ("body", models.TextField(blank=True, verbose_name="内容")),
                        ("link", models.CharField(blank=True, help_text="可选，点击公告后打开的页面", max_length=300, verbose_name="跳转链接")),
                        ("starts_at", models.DateTimeField(blank=True, help_text="留空表示立即展示", null=True, verbose_name="开始展示")),
                        ("ends_at", models.DateTimeField(blank=True, help_text="留空表示一直展示", null=True, verbose_name="结束展示")),
                        ("pinned", models.BooleanField(default=False, verbose_name="置顶")),
                        ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                    ],
                    options={
                        "verbose_name": "公告",
                        "verbose_name_plural": "公告",
                        "ordering": ["-pinned", "-starts_at", "-id"],
                        "db_table": "matching_announcement",
                    },
                ),
                migrations.CreateModel(
                    name="Favourite",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="收藏时间")),
                        ("factory", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="factories.factoryprofile", verbose_name="工厂")),
                        ("post", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="listings.post", verbose_name="信息")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="用户")),
                    ],
                    options={
                        "verbose_name": "收藏",
                        "verbose_name_plural": "收藏",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "matching_favourite",
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("factory__isnull", True), ("post__isnull", False)), models.Q(("factory__isnull", False), ("post__isnull", True)), _connector="OR"), name="favourite_one_target"), models.UniqueConstraint(condition=models.Q(("post__isnull", False)), fields=("user", "post"), name="uniq_fav_post"), models.UniqueConstraint(condition=models.Q(("factory__isnull", False)), fields=("user", "factory"), name="uniq_fav_factory")],
                    },
                ),
                migrations.CreateModel(
                    name="ViewEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("at", models.DateTimeField(db_index=True, verbose_name="浏览时间")),
                        ("factory", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="factories.factoryprofile", verbose_name="工厂")),
                        ("post", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="listings.post", verbose_name="信息")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="用户")),
                    ],
                    options={
                        "verbose_name": "浏览记录",
                        "verbose_name_plural": "浏览记录",
                        "ordering": ["-at", "-id"],
                        "db_table": "matching_viewevent",
                        "indexes": [models.Index(fields=["user", "-at"], name="view_user_at_idx")],
                        "constraints": [models.CheckConstraint(condition=models.Q(models.Q(("factory__isnull", True), ("post__isnull", False)), models.Q(("factory__isnull", False), ("post__isnull", True)), _connector="OR"), name="view_one_target")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
        migrations.AlterModelTable(name="announcement", table=None),
        migrations.AlterModelTable(name="favourite", table=None),
        migrations.AlterModelTable(name="viewevent", table=None),
    ]
