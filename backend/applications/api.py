"""Job applications (R-ROLE-3): workers apply and follow their records; the factory moves applicants on."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from accounts.permissions import FACTORY_ONLY, WORKER_ONLY
from applications import selectors, services
from applications.schemas import (
    ApplicantOut,
    ApplyIn,
    MyApplicationOut,
    StatusIn,
    WageReportIn,
    WageReportOut,
)
from common.auth import bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import require
from common.ratelimits import rate_limit

# No ``from __future__ import annotations``: Ninja reads the paginated views' parameter types at runtime.
router = Router(tags=["应聘"])


class StatusFilter(Schema):
    status: str | None = Field(None, description="按状态筛选：new / contacted / hired / declined / withdrawn")
    post: int | None = Field(None, description="只看对某条用工信息的申请（岗位页显示报名状态，issue #15）")


@router.post("/applications", response={201: MyApplicationOut}, auth=bearer, summary="应聘用工信息")
@require(WORKER_ONLY)
@rate_limit("job_application")
def apply(request: HttpRequest, payload: ApplyIn) -> Any:
    """附带求职意向（地区、工种）与经验的快照；已招满或重复申请会被拒绝。"""
    worker = signed_in_user(request)
    application = services.apply(
        worker=worker, post_id=payload.post_id, note=payload.note, experience_years=payload.experience_years
    )
    return Status(201, selectors.get_application_for_worker(worker=worker, application_id=application.pk))


@router.get("/applications/mine", response=list[MyApplicationOut], auth=bearer, summary="我的应聘记录")
@require(WORKER_ONLY)
@paginate(PageNumber)
def my_applications(request: HttpRequest, filters: Query[StatusFilter]) -> Any:
    return selectors.my_applications(worker=signed_in_user(request), status=filters.status, post_id=filters.post)


@router.post("/applications/{application_id}/withdraw", response=MyApplicationOut, auth=bearer, summary="撤回申请")
@require(WORKER_ONLY)
def withdraw(request: HttpRequest, application_id: int) -> Any:
    worker = signed_in_user(request)
    services.withdraw(worker=worker, application_id=application_id)
    return selectors.get_application_for_worker(worker=worker, application_id=application_id)


@router.get(
    "/applications/for-post/{post_id}", response=list[ApplicantOut], auth=bearer, summary="岗位的应聘者（仅发布者）"
)
@require(FACTORY_ONLY)
@paginate(PageNumber)
def applicants(request: HttpRequest, post_id: int, filters: Query[StatusFilter]) -> Any:
    return selectors.applicants_for_post(user=signed_in_user(request), post_id=post_id, status=filters.status)


@router.post("/applications/{application_id}/status", response=ApplicantOut, auth=bearer, summary="更新应聘状态")
@require(FACTORY_ONLY)
def set_status(request: HttpRequest, application_id: int, payload: StatusIn) -> Any:
    """新申请 → 已联系 → 已录用 / 未录用；录用人数达到招聘人数时岗位自动标记为已招满。"""
    user = signed_in_user(request)
    services.set_status(factory_user=user, application_id=application_id, status=payload.status)
    return selectors.get_application_for_owner(user=user, application_id=application_id)


@router.post(
    "/applications/{application_id}/wage-report",
    response={201: WageReportOut},
    auth=bearer,
    summary="反馈工资不符（仅已录用）",
)
@require(WORKER_ONLY)
def wage_report(request: HttpRequest, application_id: int, payload: WageReportIn) -> Any:
    """同时生成一条「工资不符」投诉，由平台客服处理。"""
    report = services.report_wage_mismatch(
        worker=signed_in_user(request),
        application_id=application_id,
        actual_wage=payload.actual_wage,
        description=payload.description,
        evidence_ids=payload.evidence_ids,
    )
    return Status(201, report)
