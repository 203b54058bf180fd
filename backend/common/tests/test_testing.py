"""The test harness itself (``common.testing``): what it promises the other tests."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flushed_database_is_restored_to_exactly_what_the_migrations_seeded() -> None:
    """The bulk restore every transactional test runs after its flush gives back the same rows (regions,
    taxonomy, roles with their permissions, templates) as Django's row-by-row one."""
    contents = connection._test_serialized_contents  # type: ignore[attr-defined]
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    assert connection.creation.serialize_db_to_string() != contents, "the flush emptied the seeded tables"
    connection.creation.deserialize_db_from_string(contents)
    assert json.loads(connection.creation.serialize_db_to_string()) == json.loads(contents)
