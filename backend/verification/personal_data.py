"""Qualifications in the personal-data registry (R-PLUS-5).

Exported with labels (the applicant's own credit code, legal representative, real name and ID number in
clear: it is their own data). On 注销 every qualification row is deleted — licence numbers, legal names,
real names and ID numbers with it — and the licence / ID images go with the user's files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import Retention, register
from uploads.personal_data import archive_path
from verification.models import Qualification, ReviewClaim

if TYPE_CHECKING:
    from accounts.models import User


def export_qualifications(user: User) -> list[dict[str, Any]]:
    rows = Qualification.objects.filter(user=user).prefetch_related("files").order_by("submitted_at")
    return [
        {
            "类型": q.get_kind_display(),
            "状态": q.get_status_display(),
            "企业名称": q.company_name,
            "统一社会信用代码": q.credit_code,
            "法定代表人": q.legal_representative,
            "注册地址": q.registered_address,
            "真实姓名": q.real_name,
            "身份证号": q.id_number,
            "有效期至": q.valid_until.isoformat() if q.valid_until else ("长期有效" if q.is_long_term else None),
            "证照文件": [archive_path(f) for f in q.files.all()],
            "提交时间": q.submitted_at.isoformat(),
            "审核时间": q.reviewed_at.isoformat() if q.reviewed_at else None,
            "驳回原因": q.reject_reason,
        }
        for q in rows
    ]


def erase_qualifications(user: User) -> None:
    Qualification.objects.filter(user=user).delete()


def register_all() -> None:
    register(Qualification, section="资质", exporter=export_qualifications, eraser=erase_qualifications)
    register_claims()


def register_claims() -> None:
    # A claim names only a console operator and an item, for five minutes; an operator account's
    # removal deletes its claims (CASCADE).
    register(
        ReviewClaim,
        retention=Retention(
            reason="审核认领只涉及运营人员账号，防止两名审核员同时处理同一项",
            period="5 分钟（到期即失效，删除运营账号时一并删除）",
            anonymised="只含审核对象编号和审核员账号",
        ),
    )
