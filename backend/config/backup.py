"""Backup and restore drill for PostgreSQL (docs/deploy.md, issue #16 item 5).

A backup is only as good as the last restore that was checked. The drill takes a backup the way production
does (``pg_dump --format=custom``), restores it into a fresh database with ``pg_restore``, and compares every
table of the public schema between the two: the row count and a checksum over all rows (the md5 of each row's
text form, sorted, hashed again, so physical order does not matter), plus every sequence's position. Any
difference, a table missing on one side included, fails the drill. ``manage.py backup_drill`` runs it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql


@dataclass(frozen=True)
class Database:
    name: str
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_settings(cls, settings_dict: dict[str, Any]) -> Database:
        return cls(
            name=str(settings_dict["NAME"]),
            host=str(settings_dict.get("HOST") or ""),
            port=str(settings_dict.get("PORT") or ""),
            user=str(settings_dict.get("USER") or ""),
            password=str(settings_dict.get("PASSWORD") or ""),
        )

    def with_name(self, name: str) -> Database:
        return Database(name=name, host=self.host, port=self.port, user=self.user, password=self.password)

    def cli_args(self) -> list[str]:
        args = []
        if self.host:
            args += ["--host", self.host]
        if self.port:
            args += ["--port", self.port]
        if self.user:
            args += ["--username", self.user]
        return args

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def connect(self, dbname: str | None = None) -> psycopg.Connection[Any]:
        return psycopg.connect(
            dbname=dbname or self.name, host=self.host or None, port=self.port or None,
            user=self.user or None, password=self.password or None, autocommit=True,
        )


@dataclass(frozen=True)
class Fingerprint:
    rows: int
    checksum: str


@dataclass
class DrillResult:
    dump_bytes: int
    tables: dict[str, tuple[Fingerprint | None, Fingerprint | None]]
    sequences: dict[str, tuple[int | None, int | None]]

    @property
    def differences(self) -> list[str]:
        found = [f"table {name}: {a} != {b}" for name, (a, b) in self.tables.items() if a != b]
        found += [f"sequence {name}: {a} != {b}" for name, (a, b) in self.sequences.items() if a != b]
        return found

    @property
    def ok(self) -> bool:
        return not self.differences and bool(self.tables)


def dump(source: Database, path: Path) -> int:
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path), *source.cli_args(),
         source.name],
        check=True, env=source.env(), capture_output=True,
    )
    return path.stat().st_size


def restore(backup: Path, target: Database) -> None:
    """Restore into ``target``, which must not exist yet (a restore never overwrites a live database)."""
    with target.connect("postgres") as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.name)))
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", target.name,
         *target.cli_args(), str(backup)],
        check=True, env=target.env(), capture_output=True,
    )


def drop(target: Database) -> None:
    with target.connect("postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target.name)))


def fingerprints(db: Database) -> tuple[dict[str, Fingerprint], dict[str, int]]:
    tables: dict[str, Fingerprint] = {}
    sequences: dict[str, int] = {}
    with db.connect() as conn:
        names = [row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )]
        for name in names:
            row = conn.execute(
                sql.SQL(
                    "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') "
                    "FROM (SELECT md5(t::text) AS h FROM {} AS t) AS rows"
                ).format(sql.Identifier(name))
            ).fetchone()
            assert row is not None
            tables[name] = Fingerprint(rows=int(row[0]), checksum=str(row[1]))
        for (name,) in conn.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename"
        ).fetchall():
            value = conn.execute(
                sql.SQL("SELECT last_value FROM {}").format(sql.Identifier(name))
            ).fetchone()
            sequences[name] = int(value[0]) if value else 0
    return tables, sequences


def compare(source: Database, restored: Database, dump_bytes: int) -> DrillResult:
    tables_a, seq_a = fingerprints(source)
    tables_b, seq_b = fingerprints(restored)
    return DrillResult(
        dump_bytes=dump_bytes,
        tables={name: (tables_a.get(name), tables_b.get(name)) for name in sorted(tables_a | tables_b)},
        sequences={name: (seq_a.get(name), seq_b.get(name)) for name in sorted(seq_a | seq_b)},
    )


def drill(source: Database, *, restored_name: str, backup_path: Path | None = None, keep: bool = False) -> DrillResult:
    target = source.with_name(restored_name)
    drop(target)
    with tempfile.TemporaryDirectory() as scratch:
        path = backup_path or Path(scratch) / f"{source.name}.dump"
        size = dump(source, path)
        try:
            restore(path, target)
            return compare(source, target, size)
        finally:
            if not keep:
                drop(target)
