"""The "nearest" sort's index (issue #13): the boxes of ``discovery.selectors.NearestPage``'s widening circles."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("listings", "0007_revision_appeal")]

    operations = [
        migrations.AddIndex(
            model_name="post",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["kind", "latitude", "longitude"],
                name="post_near_idx",
            ),
        ),
    ]
