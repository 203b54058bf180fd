"""In/Out shapes of the job-applications API. The factory sees the worker's snapshot and a masked
phone; contact goes through the in-app chat (R-PLUS-3)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from accounts.identity import is_verified, public_name
from accounts.visibility import card_label, is_account_visible
from applications.models import Application, WageReport
from common.crypto import mask_phone


class ApplyIn(Schema):
    post_id: int = Field(..., description="用工信息 id")
    note: str = Field("", max_length=200, description="给工厂的留言（可选）")
    experience_years: int | None = Field(None, ge=0, le=60, description="相关工作经验（年）")


class StatusIn(Schema):
    status: Literal["contacted", "hired", "declined"] = Field(
        ..., description="contacted 已联系 / hired 已录用 / declined 未录用"
    )


class WageReportIn(Schema):
    actual_wage: Decimal = Field(
        ..., ge=0, max_digits=10, decimal_places=2, description="实际工资（与信息的工资单位相同）"
    )
    description: str = Field("", max_length=1000, description="情况说明")
    evidence_ids: list[UUID] = Field(
        default_factory=list, max_length=9, description="证据：先以 purpose=complaint_evidence 上传"
    )


class JobPostBriefOut(Schema):
    id: int
    title: str
    status: str
    wage_amount: Decimal | None
    wage_unit: str
    wage_unit_label: str
    headcount: int | None
    hired_count: int
    is_full: bool
    job_type: str | None
    region: str | None

    @staticmethod
    def resolve_wage_unit_label(obj: Any) -> str:
        return obj.get_wage_unit_display() if obj.wage_unit else ""

    @staticmethod
    def resolve_job_type(obj: Any) -> str | None:
        return obj.job_type.name if obj.job_type_id else None

    @staticmethod
    def resolve_region(obj: Any) -> str | None:
        return obj.region.full_name if obj.region_id else None


class FactoryBriefOut(Schema):
    user_id: int
    name: str
    verified: bool = False


def _factory_of(post: Any) -> dict[str, Any]:
    owner = post.owner
    # A disabled or cancelled factory account shows as 已停用 / 已注销 (``accounts.visibility``).
    return {"user_id": owner.pk, "name": public_name(owner, fallback="工厂"), "verified": is_verified(owner)}


class MyApplicationOut(Schema):
    """One of the worker's application records."""

    id: int
    status: str = Field(
        ..., description="new 新申请 / contacted 已联系 / hired 已录用 / declined 未录用 / withdrawn 已撤回"
    )
    status_label: str
    post: JobPostBriefOut
    post_title: str
    factory: FactoryBriefOut
    note: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_status_label(obj: Application) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_post_title(obj: Application) -> str:
        return obj.post.title

    @staticmethod
    def resolve_factory(obj: Application) -> dict[str, Any]:
        return _factory_of(obj.post)

    @staticmethod
    def resolve_note(obj: Application) -> str:
        return str(obj.snapshot.get("note") or "")


class ApplicantOut(Schema):
    """An applicant as the post's owner sees them."""

    id: int
    worker_id: int
    applicant_name: str
    phone: str | None = Field(None, description="手机号（打码）；请通过站内会话联系")
    status: str
    status_label: str
    snapshot: dict[str, Any] = Field(..., description="申请时的资料：name, region, job_types, experience_years, note…")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_applicant_name(obj: Application) -> str:
        return card_label(obj.worker) or str(obj.snapshot.get("name") or obj.worker.display_name or "临时工人")

    @staticmethod
    def resolve_phone(obj: Application) -> str | None:
        if not is_account_visible(obj.worker):
            return None
        phone = obj.worker.phone or ""
        return mask_phone(phone) if phone else None

    @staticmethod
    def resolve_status_label(obj: Application) -> str:
        return obj.get_status_display()


class WageReportOut(Schema):
    id: int
    application_id: int
    posted_wage: Decimal | None
    wage_unit: str
    actual_wage: Decimal
    description: str
    complaint_id: int | None
    created_at: datetime

    @staticmethod
    def resolve_complaint_id(obj: WageReport) -> int | None:
        return obj.complaint_id
