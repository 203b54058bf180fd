"""PostgreSQL bulk loading for ``bench/datagen.py``: ``COPY`` of model instances and rows, ids reserved from
the sequences, secondary indexes dropped for a big load and rebuilt after, and :func:`replicate_posts`,
which grows a generated set of posts to the size asked for inside the database (issue #13: "1M by
replicating that set")."""

from __future__ import annotations

import time
from typing import Any


def reserve_ids(table: str, count: int) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
        return [row[0] for row in cursor.fetchall()]


def copy_objects(model: Any, objs: list[Any]) -> None:
    """``COPY`` of model instances (their pks set): values as ``bulk_create`` would send them (each
    field's ``pre_save`` and conversion where it has one: JSON, auto dates), without ``INSERT``s."""
    from django.db import connection, models

    fields = list(model._meta.concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    converted = [
        isinstance(f, models.JSONField) or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        for f in fields
    ]
    plain = [(f.attname, conv, f) for f, conv in zip(fields, converted, strict=True)]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objs:
            copy.write_row(
                [
                    f.get_db_prep_save(f.pre_save(obj, True), connection) if conv else getattr(obj, name)
                    for name, conv, f in plain
                ]
            )


def copy_rows(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    from django.db import connection

    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def bulk_load_mode(tables: list[str]) -> None:
    """For a load at least as big as what the tables hold (PostgreSQL, inside the load's transaction):
    their secondary indexes are dropped now and rebuilt by ``rebuild_indexes`` at the end — maintaining
    ~40 indexes of ``listings_post`` row by row made a 1M load take 15 min — and, as a superuser,
    foreign-key triggers are skipped (``session_replication_role``: the rows reference what the load read
    or created). Indexes behind constraints (primary keys, unique) stay. DDL is transactional: if the load
    fails or is killed, the rollback brings every index back."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [tables],
        )
        DROPPED_INDEXES[:] = cursor.fetchall()
        for name, _definition in DROPPED_INDEXES:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")


def rebuild_indexes() -> None:
    from django.db import connection

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in DROPPED_INDEXES:
            cursor.execute(definition)
    print(f"{len(DROPPED_INDEXES)} indexes rebuilt in {time.monotonic() - started:.1f}s")
    DROPPED_INDEXES.clear()


DROPPED_INDEXES: list[tuple[str, str]] = []


def replicate_posts(*, first_id: int, last_id: int, total: int) -> int:
    """Copies the posts with ids ``first_id..last_id`` (what this load generated) until ``total`` more rows
    exist, with their process links and search documents, in SQL (PostgreSQL, inside the load's
    transaction). Each copy is its source post re-dated (published and refreshed at one moment of the last
    60 days, valid 1–60 more days) and moved up to ~5 km (same district), so sorts, distances and validity
    spread as in the generated set; owner, texts, tags and numbers stay the source's, and the copy's search
    document carries the copy's dates and owner, as ``search.services.post_document`` would write it.
    Returns the number of posts written."""
    from django.db import connection

    from listings.models import Post
    from search.models import SearchDocument

    if total <= 0:
        return 0
    span = last_id - first_id + 1
    post_table, doc_table = Post._meta.db_table, SearchDocument._meta.db_table
    links = Post.process_types.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM " + post_table + " WHERE id BETWEEN %s AND %s", [first_id, last_id])
        generated = cursor.fetchone()[0]
        copies = -(-total // max(1, generated))
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [post_table])
        base = cursor.fetchone()[0]  # new ids: base + (copy - 1) * span + (source id - first_id)
        overrides = {
            "id": f"{base} + (g - 1) * {span} + (p.id - {first_id})",
            "latitude": "p.latitude + (x.r2 - 0.5) * 0.1",
            "longitude": "p.longitude + (x.r3 - 0.5) * 0.1",
            "published_at": "x.at",
            "refreshed_at": "x.at",
            "valid_until": "current_date + (1 + floor(x.r2 * 60))::int",
            "created_at": "x.at",
            "updated_at": "x.at",
        }
        columns = [f.column for f in Post._meta.concrete_fields]
        values = ", ".join(overrides.get(c, f"p.{connection.ops.quote_name(c)}") for c in columns)
        # The lateral row refers to p, so its random() runs once per copy (and both dates agree).
        cursor.execute(
            f"INSERT INTO {post_table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) "
            f"SELECT {values} FROM generate_series(1, %s) g CROSS JOIN {post_table} p "
            "CROSS JOIN LATERAL (SELECT now() - (random() + p.id * 0) * interval '60 days' AS at, "
            "random() + p.id * 0 AS r2, random() + p.id * 0 AS r3) x "
            "WHERE p.id BETWEEN %s AND %s LIMIT %s",
            [copies, first_id, last_id, total],
        )
        written = cursor.rowcount
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM " + post_table + "))", [post_table]
        )
        source = f"{first_id} + mod(np.id - {base}, {span})"
        cursor.execute(
            f"INSERT INTO {links} (post_id, processtype_id) SELECT np.id, t.processtype_id "
            f"FROM {post_table} np JOIN {links} t ON t.post_id = {source} WHERE np.id >= %s",
            [base],
        )
        doc_columns = [f.column for f in SearchDocument._meta.concrete_fields if f.column != "id"]
        doc_overrides = {
            "post_id": "np.id",
            "published_at": "np.refreshed_at",
            "valid_until": "np.valid_until",
            "owner_id": "np.owner_id",
            "updated_at": "now()",
        }
        doc_values = ", ".join(doc_overrides.get(c, f"d.{connection.ops.quote_name(c)}") for c in doc_columns)
        cursor.execute(
            f"INSERT INTO {doc_table} ({', '.join(connection.ops.quote_name(c) for c in doc_columns)}) "
            f"SELECT {doc_values} FROM {post_table} np JOIN {doc_table} d ON d.post_id = {source} "
            "WHERE np.id >= %s",
            [base],
        )
    return written
