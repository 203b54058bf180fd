"""Copies of the owner and the validity on each search document, so search filters visibility and
counts facets in one query (see ``SearchDocument``). Existing documents are backfilled here from their
posts and factories; ``manage.py rebuild_search_index`` writes the same values. Nullable columns: on
SQLite they are added with ALTER TABLE, so the FTS5 triggers of 0002 stay in place.
"""

from typing import Any

from django.db.models import OuterRef, Subquery

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def backfill(apps: Any, schema_editor: Any) -> None:
    SearchDocument = apps.get_model("matching", "SearchDocument")
    Post = apps.get_model("listings", "Post")
    FactoryProfile = apps.get_model("factories", "FactoryProfile")
    post = Post.objects.filter(pk=OuterRef("post_id"))
    SearchDocument.objects.filter(post__isnull=False).update(
        owner_id=Subquery(post.values("owner_id")[:1]), valid_until=Subquery(post.values("valid_until")[:1])
    )
    factory = FactoryProfile.objects.filter(pk=OuterRef("factory_id"))
    SearchDocument.objects.filter(factory__isnull=False).update(owner_id=Subquery(factory.values("owner_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('matching', '0002_fulltext_index'),
        ('listings', '0001_initial'),
        ('factories', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='searchdocument',
            name='owner',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='发布者'),
        ),
        migrations.AddField(
            model_name='searchdocument',
            name='valid_until',
            field=models.DateField(blank=True, help_text='信息的有效期；工厂为空', null=True, verbose_name='有效期至'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
