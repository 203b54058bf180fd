"""The legal documents as versioned text files (issue #16 item 2).

Each document is ``<dir>/<kind>/<version>.md`` in one of ``settings.LEGAL_DOCUMENT_DIRS`` (the repo's
``legal/documents`` first; an operator may add a directory with ``CMT_LEGAL_DOCUMENTS_DIR``). A file
starts with a header between ``---`` lines (``title``, ``effective_date`` YYYY-MM-DD, ``summary`` — what
changed, shown when users are asked again), then ``## `` headings and paragraphs. ``{{name}}``
placeholders are filled from ``settings.LEGAL_OPERATOR`` (operator name, address, contact).

A published version is never edited: a change is a new file with a new version and effective date. The
current version of a kind is the one with the latest effective date that has arrived; a user whose
accepted version is older is asked again (``legal.selectors.consent_state``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from legal.models import DocumentKind

VERSION_RE = re.compile(r"^[0-9][0-9A-Za-z.\-]{0,31}$")
PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class LegalDocument:
    kind: str
    version: str
    title: str
    effective_date: date
    summary: str
    sections: tuple[Section, ...]

    @property
    def kind_label(self) -> str:
        return str(DocumentKind(self.kind).label)


def _fill(text: str) -> str:
    values: dict[str, str] = settings.LEGAL_OPERATOR
    return PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def parse(kind: str, version: str, text: str) -> LegalDocument:
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---" or "---" not in [line.strip() for line in lines[1:]]:
        raise ImproperlyConfigured(f"legal document {kind}/{version}: missing the --- header")
    end = [line.strip() for line in lines[1:]].index("---") + 1
    header: dict[str, str] = {}
    for line in lines[1:end]:
        if ":" in line:
            key, value = line.split(":", 1)
            header[key.strip()] = value.strip()
    missing = {"title", "effective_date"} - header.keys()
    if missing:
        raise ImproperlyConfigured(f"legal document {kind}/{version}: header lacks {sorted(missing)}")
    sections: list[Section] = []
    heading, paragraphs = "", list[str]()
    for raw in lines[end + 1 :]:
        line = raw.strip()
        if line.startswith("## "):
            if heading or paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = _fill(line[3:].strip()), []
        elif line:
            paragraphs.append(_fill(line))
    if heading or paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    return LegalDocument(
        kind=kind,
        version=version,
        title=_fill(header["title"]),
        effective_date=date.fromisoformat(header["effective_date"]),
        summary=_fill(header.get("summary", "")),
        sections=tuple(sections),
    )


def versions(kind: str) -> list[LegalDocument]:
    """Every version of ``kind`` on disk, oldest first (by effective date, then version)."""
    found: dict[str, LegalDocument] = {}
    for directory in settings.LEGAL_DOCUMENT_DIRS:
        folder = Path(directory) / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if VERSION_RE.match(path.stem):
                found[path.stem] = parse(kind, path.stem, path.read_text(encoding="utf-8"))
    return sorted(found.values(), key=lambda d: (d.effective_date, d.version))


def current(kind: str, *, today: date | None = None) -> LegalDocument:
    """The version in force today (the latest effective date not in the future)."""
    today = today or timezone.localdate()
    in_force = [d for d in versions(kind) if d.effective_date <= today]
    if not in_force:
        raise ImproperlyConfigured(f"no legal document of kind {kind} is in force")
    return in_force[-1]


def find(kind: str, version: str) -> LegalDocument | None:
    return next((d for d in versions(kind) if d.version == version), None)
