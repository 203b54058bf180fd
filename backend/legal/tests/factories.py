"""Builders for the legal tests: publish a new version of a document into an extra documents directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.utils import timezone


def write_version(
    directory: Path,
    *,
    kind: str,
    version: str,
    effective_date: date | None = None,
    summary: str = "新增第十条：信息有效期届满自动下架",
    heading: str = "十、新增的条款",
) -> Path:
    """Writes ``<directory>/<kind>/<version>.md``; with ``directory`` in ``LEGAL_DOCUMENT_DIRS`` it is published."""
    folder = directory / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{version}.md"
    path.write_text(
        "---\n"
        f"title: 测试文件 {version}\n"
        f"effective_date: {(effective_date or timezone.localdate()).isoformat()}\n"
        f"summary: {summary}\n"
        "---\n"
        f"## {heading}\n"
        "运营方：{{operator_name}}。\n"
        "第二段。\n",
        encoding="utf-8",
    )
    return path
