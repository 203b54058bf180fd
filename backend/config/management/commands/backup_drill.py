"""``manage.py backup_drill``: back up the database, restore it into a fresh one and compare every table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from config import backup


class Command(BaseCommand):
    help = "备份恢复演练：pg_dump 备份当前数据库，恢复到新库，逐表比对行数与校验和"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--backup-file", type=Path, help="keep the backup here (default: a temporary file)")
        parser.add_argument("--restored-name", help="name of the scratch database (default: <name>_restore_drill)")
        parser.add_argument("--keep", action="store_true", help="leave the restored database for inspection")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("备份恢复演练需要 PostgreSQL（DATABASE_URL=postgres://…）")
        source = backup.Database.from_settings(connection.settings_dict)
        result = backup.drill(
            source,
            restored_name=options["restored_name"] or f"{source.name}_restore_drill",
            backup_path=options["backup_file"],
            keep=options["keep"],
        )
        width = max((len(name) for name in result.tables), default=10)
        self.stdout.write(f"{'table':<{width}}  {'rows':>9}  {'restored':>9}  checksum")
        for name, (a, b) in result.tables.items():
            mark = "ok" if a == b else "DIFFERENT"
            self.stdout.write(f"{name:<{width}}  {a.rows if a else '-':>9}  {b.rows if b else '-':>9}  {mark}")
        rows = sum(a.rows for a, _ in result.tables.values() if a)
        self.stdout.write(
            f"backup {result.dump_bytes} bytes; {len(result.tables)} tables, {rows} rows, "
            f"{len(result.sequences)} sequences compared"
        )
        if not result.ok:
            raise CommandError("恢复后的数据与源库不一致:\n" + "\n".join(result.differences))
        self.stdout.write(self.style.SUCCESS("备份恢复演练通过：每张表的行数与校验和一致"))
