"""Matching's capacity lookup per candidate factory (issue #13): owner and capacity of published posts."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("listings", "0008_board_nearest_index")]

    operations = [
        migrations.AddIndex(
            model_name="post",
            index=models.Index(
                condition=models.Q(("capacity_per_day__isnull", False), ("status", "published")),
                fields=["owner", "capacity_per_day"],
                name="post_owner_capacity_idx",
            ),
        ),
    ]
