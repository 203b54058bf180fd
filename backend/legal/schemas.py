from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

from legal.models import DocumentKind


class DocumentSummaryOut(Schema):
    kind: DocumentKind
    kind_label: str
    version: str
    title: str
    effective_date: date
    summary: str = Field(description="这一版相对上一版的变化（再次征求同意时展示）")


class SectionOut(Schema):
    heading: str
    paragraphs: list[str]


class DocumentOut(DocumentSummaryOut):
    sections: list[SectionOut]


class DocumentStatusOut(Schema):
    document: DocumentSummaryOut
    accepted_version: str | None = Field(description="本人最近同意的版本；从未同意为空")
    accepted_at: datetime | None
    up_to_date: bool


class ConsentStateOut(Schema):
    documents: list[DocumentStatusOut]
    outstanding: list[DocumentSummaryOut] = Field(description="需要（重新）同意的文件；为空时无需再询问")


class AcceptedIn(Schema):
    kind: DocumentKind
    version: str = Field(max_length=32)


class ConsentIn(Schema):
    documents: list[AcceptedIn] = Field(min_length=1, max_length=len(DocumentKind.values))
