"""One partial index per board sort (issue #13): a board page walks its sort's index from the top (or from
a cursor) and stops after the page, instead of sorting every published post of the board. Each column list
matches an ``ORDER BY`` of ``discovery.selectors`` ("newest": refreshed or published; ``listings.boards``
sorts), ``id DESC`` last. Written per database: SQLite cannot say NULLS LAST in an index (it orders NULLs
first ascending anyway, so there the plain index serves the ascending sorts)."""

from django.db import migrations

INDEXES = {
    "post_sort_newest_idx": '(COALESCE("refreshed_at", "published_at")) DESC NULLS LAST',
    "post_sort_soonest_idx": '"delivery_date" ASC NULLS LAST',
    "post_sort_cheapest_idx": '"unit_price" ASC NULLS LAST',
    "post_sort_wage_idx": '"wage_per_day" DESC NULLS LAST',
    "post_sort_capacity_idx": '"capacity_per_day" DESC NULLS LAST',
}


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for name, key in INDEXES.items():
        if not postgres:
            key = key.replace(" NULLS LAST", "")
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "listings_post" ("kind", {key}, "id" DESC) '
            "WHERE \"status\" = 'published'"
        )


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("listings", "0003_kind_choices_from_registry")]

    operations = [migrations.RunPython(create, drop)]
