"""The full-text index over ``SearchDocument``'s token columns, per database vendor.

SQLite: an FTS5 table with the document table as external content, kept in step by triggers. (If a
later migration makes SQLite rebuild ``matching_searchdocument``, the triggers go with the old table:
that migration must recreate them and run ``manage.py rebuild_search_index``.)

PostgreSQL: a generated ``tsvector`` column (simple configuration; title words weight A, body B)
with a GIN index, so every insert or update of a document re-indexes it inside the database.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE matching_search_fts USING fts5(
        title_tokens, body_tokens, content='matching_searchdocument', content_rowid='id'
    )""",
    """CREATE TRIGGER matching_search_ai AFTER INSERT ON matching_searchdocument BEGIN
        INSERT INTO matching_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER matching_search_ad AFTER DELETE ON matching_searchdocument BEGIN
        INSERT INTO matching_search_fts(matching_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER matching_search_au AFTER UPDATE OF title_tokens, body_tokens ON matching_searchdocument BEGIN
        INSERT INTO matching_search_fts(matching_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO matching_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS matching_search_au",
    "DROP TRIGGER IF EXISTS matching_search_ad",
    "DROP TRIGGER IF EXISTS matching_search_ai",
    "DROP TABLE IF EXISTS matching_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE matching_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, coalesce(title_tokens, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, coalesce(body_tokens, '')), 'B')
        ) STORED""",
    "CREATE INDEX matching_search_vector_gin ON matching_searchdocument USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS matching_search_vector_gin",
    "ALTER TABLE matching_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def forward(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD})


def backward(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
