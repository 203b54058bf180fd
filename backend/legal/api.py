"""Legal documents (public) and the signed-in user's acceptances (issue #16 item 2)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from common.auth import bearer, signed_in_user
from legal import selectors, services
from legal.schemas import ConsentIn, ConsentStateOut, DocumentOut, DocumentSummaryOut

router = Router(tags=["协议与政策"])


@router.get(
    "/legal/documents", response=list[DocumentSummaryOut], auth=None, summary="现行的协议与政策（版本、生效日期）"
)
def list_documents(request: HttpRequest) -> object:
    return selectors.current_documents()


@router.get("/legal/documents/{kind}", response=DocumentOut, auth=None, summary="协议或政策全文（默认现行版本）")
def get_document(request: HttpRequest, kind: str, version: str | None = None) -> object:
    return selectors.document(kind=kind, version=version)


@router.get("/legal/consents", response=ConsentStateOut, auth=bearer, summary="我同意过的版本、需要重新同意的文件")
def my_consents(request: HttpRequest) -> object:
    return selectors.consent_state(user=signed_in_user(request))


@router.post("/legal/consents", response=ConsentStateOut, auth=bearer, summary="同意协议与政策（记录版本）")
def consent(request: HttpRequest, payload: ConsentIn) -> object:
    user = signed_in_user(request)
    services.record_consent(user=user, accepted=[(d.kind, d.version) for d in payload.documents])
    return selectors.consent_state(user=user)
