from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from common.crypto import mask_id_number
from uploads.links import file_url, thumbnail_url
from verification.validators import mask_credit_code


class LicenceIn(Schema):
    company_name: str = Field(..., description="企业名称（与营业执照一致）")
    credit_code: str = Field(..., description="统一社会信用代码，18 位")
    legal_representative: str = Field(..., description="法定代表人")
    registered_address: str = Field(..., description="注册地址")
    valid_until: date | None = Field(None, description="营业期限至；长期有效时留空")
    is_long_term: bool = Field(False, description="营业期限为长期")
    file_ids: list[UUID] = Field(..., description="营业执照图片（POST /api/uploads，purpose=licence）")


class PersonalIdIn(Schema):
    real_name: str = Field(..., description="真实姓名")
    id_number: str = Field(..., description="18 位居民身份证号")
    certificate_file_ids: list[UUID] = Field(default_factory=list, description="技能证书等（可选）")


class FileRef(Schema):
    id: UUID
    url: str
    thumbnail_url: str | None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return file_url(obj)

    @staticmethod
    def resolve_thumbnail_url(obj: Any) -> str | None:
        return thumbnail_url(obj)


class QualificationOut(Schema):
    id: int
    kind: str
    kind_label: str
    status: str
    status_label: str
    company_name: str
    credit_code_masked: str
    legal_representative: str
    registered_address: str
    real_name_masked: str
    id_number_masked: str
    valid_until: date | None
    is_long_term: bool
    files: list[FileRef]
    submitted_at: datetime
    review_due_at: datetime
    reviewed_at: datetime | None
    reject_reason: str
    appealed_at: datetime | None = None
    appeal_note: str = ""
    can_appeal: bool = False

    @staticmethod
    def resolve_can_appeal(obj: Any) -> bool:
        return obj.status == "rejected" and obj.appealed_at is None

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_credit_code_masked(obj: Any) -> str:
        return mask_credit_code(obj.credit_code) if obj.credit_code else ""

    @staticmethod
    def resolve_legal_representative(obj: Any) -> str:
        name = obj.legal_representative or ""
        return name[:1] + "*" * (len(name) - 1) if name else ""

    @staticmethod
    def resolve_real_name_masked(obj: Any) -> str:
        name = obj.real_name or ""
        return name[:1] + "*" * (len(name) - 1) if name else ""

    @staticmethod
    def resolve_id_number_masked(obj: Any) -> str:
        return mask_id_number(obj.id_number) if obj.id_number else ""

    @staticmethod
    def resolve_files(obj: Any) -> list[Any]:
        return list(obj.files.all())


class PublishPermissionOut(Schema):
    can_publish: bool
    code: str | None = Field(None, description="不能发布时的原因代码，如 qualification_required")
    message: str = Field("", description="给用户看的中文说明")
    detail: Any = None


class RejectIn(Schema):
    reason: str = Field(..., description="驳回原因，会推送给用户")


class AppealIn(Schema):
    note: str = Field(..., description="申诉理由（5–500 字）", max_length=500)
