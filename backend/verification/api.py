from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from accounts.permissions import ORGANISATION, WORKER_ONLY
from common.auth import bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import SignedIn, require
from verification import appeals, selectors, services
from verification.policy import publish_refusal
from verification.schemas import AppealIn, LicenceIn, PersonalIdIn, PublishPermissionOut, QualificationOut, RejectIn

router = Router(tags=["资质认证"])


@router.post("/qualifications/licence", response={201: QualificationOut}, auth=bearer, summary="提交营业执照认证")
@require(ORGANISATION)
def submit_licence(request: HttpRequest, payload: LicenceIn) -> Status[Any]:
    qualification = services.submit_business_licence(
        user=signed_in_user(request),
        company_name=payload.company_name,
        credit_code=payload.credit_code,
        legal_representative=payload.legal_representative,
        registered_address=payload.registered_address,
        valid_until=payload.valid_until,
        is_long_term=payload.is_long_term,
        file_ids=payload.file_ids,
    )
    return Status(201, qualification)


@router.post(
    "/qualifications/personal-id", response={201: QualificationOut}, auth=bearer, summary="提交实名认证（临时工人）"
)
@require(WORKER_ONLY)
def submit_personal_id(request: HttpRequest, payload: PersonalIdIn) -> Status[Any]:
    qualification = services.submit_personal_id(
        user=signed_in_user(request),
        real_name=payload.real_name,
        id_number=payload.id_number,
        certificate_file_ids=payload.certificate_file_ids,
    )
    return Status(201, qualification)


@router.get("/qualifications/mine", response=list[QualificationOut], auth=bearer, summary="我的认证记录（最新在前）")
@require(SignedIn())
@paginate(PageNumber)
def my_qualifications(request: HttpRequest) -> Any:
    return selectors.my_qualifications(user=signed_in_user(request))


@router.get("/me/publish-permission", response=PublishPermissionOut, auth=bearer, summary="我能否发布信息，及原因")
def publish_permission(request: HttpRequest) -> dict[str, Any]:
    refusal = publish_refusal(signed_in_user(request))
    if refusal is None:
        return {"can_publish": True, "code": None, "message": "可以发布信息", "detail": None}
    return {"can_publish": False, "code": refusal.code, "message": refusal.message, "detail": refusal.detail}


@router.post(
    "/qualifications/{qualification_id}/approve", response=QualificationOut, auth=bearer, summary="审核通过（审核员）"
)
def approve(request: HttpRequest, qualification_id: int) -> Any:
    reviewer = signed_in_user(request)
    qualification = selectors.get_qualification_for_review(user=reviewer, qualification_id=qualification_id)
    return services.approve(qualification=qualification, reviewer=reviewer)


@router.post(
    "/qualifications/{qualification_id}/reject", response=QualificationOut, auth=bearer, summary="驳回（审核员）"
)
def reject(request: HttpRequest, qualification_id: int, payload: RejectIn) -> Any:
    reviewer = signed_in_user(request)
    qualification = selectors.get_qualification_for_review(user=reviewer, qualification_id=qualification_id)
    return services.reject(qualification=qualification, reviewer=reviewer, reason=payload.reason)


@router.post(
    "/qualifications/{qualification_id}/appeal",
    response=QualificationOut,
    auth=bearer,
    summary="申诉驳回（每份资质一次，由其他审核员复审）",
)
def appeal(request: HttpRequest, qualification_id: int, payload: AppealIn) -> Any:
    return appeals.appeal_rejection(user=signed_in_user(request), qualification_id=qualification_id, note=payload.note)
