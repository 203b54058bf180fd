"""The backup and restore drill (issue #16 item 5): a real pg_dump restored into a fresh database, every table
compared; and a restore that lost or changed a row is caught."""

from __future__ import annotations

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.tests.factories import make_user
from config import backup

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" and os.environ.get("CI") != "true",
        reason="the drill needs PostgreSQL (CI runs it there)",
    ),
]


def test_the_drill_restores_every_table_and_finds_them_identical() -> None:
    for _ in range(3):
        make_user()
    out = StringIO()

    call_command("backup_drill", stdout=out)

    report = out.getvalue()
    assert "备份恢复演练通过" in report
    assert "accounts_user" in report and "DIFFERENT" not in report
    line = next(line for line in report.splitlines() if line.startswith("accounts_user "))
    assert line.split()[1:3] == ["3", "3"]


def test_a_restore_that_differs_in_one_row_or_one_table_fails_the_drill() -> None:
    user = make_user()
    source = backup.Database.from_settings(connection.settings_dict)
    target = source.with_name(source.name + "_tamper_drill")
    backup.drop(target)
    try:
        result = backup.drill(source, restored_name=target.name, keep=True)
        assert result.ok, result.differences
        with target.connect() as conn:
            conn.execute("UPDATE accounts_user SET display_name = 'changed' WHERE id = %s", [user.pk])
            conn.execute("DROP TABLE django_session")

        again = backup.compare(source, target, result.dump_bytes)

        assert not again.ok
        assert any(d.startswith("table accounts_user:") for d in again.differences)
        assert any(d.startswith("table django_session:") and d.endswith("!= None") for d in again.differences)
    finally:
        backup.drop(target)


def test_the_command_refuses_a_database_that_is_not_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.management.base import CommandError

    monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("backup_drill", stdout=StringIO())
