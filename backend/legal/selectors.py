"""Reads of the legal documents and of what a user has accepted (issue #16 item 2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from common.errors import NotFound
from legal import documents
from legal.documents import LegalDocument
from legal.models import Consent, DocumentKind

if TYPE_CHECKING:
    from accounts.models import User

# Accepted at sign-in, and again whenever a new version comes into force.
REQUIRED_KINDS: tuple[str, ...] = (
    DocumentKind.USER_AGREEMENT,
    DocumentKind.PRIVACY_POLICY,
    DocumentKind.PUBLISHING_RULES,
)


@dataclass(frozen=True)
class DocumentStatus:
    document: LegalDocument
    accepted_version: str | None
    accepted_at: datetime | None

    @property
    def up_to_date(self) -> bool:
        return self.accepted_version == self.document.version


@dataclass(frozen=True)
class ConsentState:
    documents: list[DocumentStatus]

    @property
    def outstanding(self) -> list[LegalDocument]:
        return [s.document for s in self.documents if not s.up_to_date]


def current_documents() -> list[LegalDocument]:
    return [documents.current(kind) for kind in REQUIRED_KINDS]


def document(*, kind: str, version: str | None = None) -> LegalDocument:
    """The version in force, or a named earlier one; unknown kinds, versions and future ones are 404."""
    if kind not in DocumentKind.values:
        raise NotFound("没有这份文件")
    in_force = documents.current(kind)
    if version is None or version == in_force.version:
        return in_force
    found = documents.find(kind, version)
    if found is None or found.effective_date > in_force.effective_date:
        raise NotFound("没有这个版本")
    return found


def consent_state(*, user: User) -> ConsentState:
    """Each required document in force, with this user's acceptance of it (or of an older version)."""
    rows = list(Consent.objects.filter(user=user).order_by("accepted_at", "id"))
    statuses = []
    for doc in current_documents():
        of_kind = [c for c in rows if c.kind == doc.kind]
        in_force = [c for c in of_kind if c.version == doc.version]
        candidates = in_force or of_kind
        mine = candidates[-1] if candidates else None
        statuses.append(DocumentStatus(doc, mine.version if mine else None, mine.accepted_at if mine else None))
    return ConsentState(statuses)
