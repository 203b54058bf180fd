"""Complaints and feedback for app users (R-OPS-4, R-APP-4). Mediation happens in the console."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from common.auth import bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import HasChosenAccountType, require
from common.ratelimits import rate_limit
from support import selectors, services
from support.schemas import ComplaintIn, ComplaintOut, FeedbackIn, FeedbackOut

# No ``from __future__ import annotations``: Ninja reads the paginated views' parameter types at runtime.
router = Router(tags=["投诉与反馈"])


@router.post("/complaints", response={201: ComplaintOut}, auth=bearer, summary="发起投诉")
@require(HasChosenAccountType())
@rate_limit("complaint")
def file_complaint(request: HttpRequest, payload: ComplaintIn) -> Any:
    """可投诉用户（需与对方有过会话、对接或应聘往来）、信息或自己参与的对接记录。"""
    complaint = services.file_complaint(
        complainant=signed_in_user(request),
        target_type=payload.target_type,
        target_id=payload.target_id,
        category=payload.category,
        description=payload.description,
        evidence_ids=payload.evidence_ids,
    )
    return Status(201, selectors.get_complaint_for(user=signed_in_user(request), complaint_id=complaint.pk))


class MyComplaintsFilter(Schema):
    status: str | None = Field(None, description="按状态筛选：submitted / processing / resolved / dismissed")


@router.get("/complaints/mine", response=list[ComplaintOut], auth=bearer, summary="我的投诉")
@paginate(PageNumber)
def my_complaints(request: HttpRequest, filters: Query[MyComplaintsFilter]) -> Any:
    return selectors.my_complaints(user=signed_in_user(request), status=filters.status)


@router.get("/complaints/{complaint_id}", response=ComplaintOut, auth=bearer, summary="投诉详情（仅投诉人）")
def complaint_detail(request: HttpRequest, complaint_id: int) -> Any:
    return selectors.get_complaint_for(user=signed_in_user(request), complaint_id=complaint_id)


@router.post("/feedback", response={201: FeedbackOut}, auth=bearer, summary="提交意见反馈")
@rate_limit("feedback")
def submit_feedback(request: HttpRequest, payload: FeedbackIn) -> Any:
    feedback = services.submit_feedback(
        user=signed_in_user(request),
        category=payload.category,
        content=payload.content,
        image_ids=payload.image_ids,
        contact_ok=payload.contact_ok,
    )
    return Status(201, feedback)


@router.get("/feedback/mine", response=list[FeedbackOut], auth=bearer, summary="我的意见反馈（含客服回复）")
@paginate(PageNumber)
def my_feedback(request: HttpRequest) -> Any:
    return selectors.my_feedback(user=signed_in_user(request))
