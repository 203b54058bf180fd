"""The search index moves to the ``search`` app, history/favourites/announcements to ``discovery``.

State only: the tables stay (``search`` keeps ``matching_searchdocument``; ``discovery`` renames its
tables in its own 0001), so no row is lost.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_search_visibility_columns")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SearchDocument"),
                migrations.DeleteModel(name="ViewEvent"),
                migrations.DeleteModel(name="Favourite"),
                migrations.DeleteModel(name="Announcement"),
            ],
            database_operations=[],
        )
    ]
