"""In/Out shapes of the complaints and feedback API. The party complained about appears by name only
(no phone), and evidence links are minted only for the complainant's own complaints."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from ninja import Field, Schema

from accounts.identity import public_name
from support.models import Complaint, Feedback
from uploads.schemas import StoredFileOut

TargetTypeCode = Literal["user", "post", "connection"]
CategoryCode = Literal["fake_info", "fees_charged", "wage_mismatch", "harassment", "fraud", "other"]
FeedbackCategoryCode = Literal["suggestion", "problem", "other"]


class ComplaintIn(Schema):
    target_type: TargetTypeCode = Field(..., description="投诉对象：user 用户 / post 信息 / connection 对接记录")
    target_id: int = Field(..., description="对象 id（用户 id / 信息 id / 对接记录 id）")
    category: CategoryCode = Field(
        ...,
        description="fake_info 虚假信息 / fees_charged 收取费用 / wage_mismatch 工资不符 / harassment 骚扰 / "
        "fraud 诈骗 / other 其他",
    )
    description: str = Field(..., min_length=1, max_length=2000, description="投诉内容（至少 5 个字）")
    evidence_ids: list[UUID] = Field(
        default_factory=list, max_length=9, description="证据：先以 purpose=complaint_evidence 上传，最多 9 个"
    )


class TargetUserOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return public_name(obj)


class PostBriefOut(Schema):
    id: int
    title: str


class ComplaintOut(Schema):
    id: int
    target_type: str
    target_user: TargetUserOut
    post: PostBriefOut | None
    connection_id: int | None
    category: str
    category_label: str
    description: str
    evidence: list[StoredFileOut]
    status: str = Field(..., description="submitted 已提交 / processing 处理中 / resolved 已处理 / dismissed 不予受理")
    status_label: str
    outcome: str = Field(
        ...,
        description="处理结果（已处理时）：no_action 不处理 / warning 警告 / post_removed 下架信息 / "
        "account_restricted 限制发布 / account_disabled 禁用账号",
    )
    outcome_label: str
    outcome_note: str = Field(..., description="处理说明或不予受理的原因")
    created_at: datetime
    resolved_at: datetime | None

    @staticmethod
    def resolve_category_label(obj: Complaint) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_status_label(obj: Complaint) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_outcome_label(obj: Complaint) -> str:
        return obj.get_outcome_display() if obj.outcome else ""

    @staticmethod
    def resolve_evidence(obj: Complaint) -> list[Any]:
        return list(obj.evidence.all())


class FeedbackIn(Schema):
    category: FeedbackCategoryCode = Field("other", description="suggestion 功能建议 / problem 问题反馈 / other 其他")
    content: str = Field(..., min_length=1, max_length=2000, description="反馈内容（至少 5 个字）")
    image_ids: list[UUID] = Field(
        default_factory=list, max_length=6, description="截图：先以 purpose=complaint_evidence 上传，最多 6 张"
    )
    contact_ok: bool = Field(False, description="是否同意客服联系我")


class FeedbackOut(Schema):
    id: int
    category: str
    category_label: str
    content: str
    images: list[StoredFileOut]
    contact_ok: bool
    status: str = Field(..., description="pending 待回复 / replied 已回复")
    status_label: str
    reply: str
    replied_at: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_category_label(obj: Feedback) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_status_label(obj: Feedback) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_images(obj: Feedback) -> list[Any]:
        return list(obj.images.all())
