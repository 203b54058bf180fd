"""Job applications in the personal-data registry (R-PLUS-5, R-ROLE-3).

Exported as the worker sent them. On 注销 they are kept for at least 3 years, as the online-recruitment
rules (《网络招聘服务管理规定》) require of job-seeking records, anonymised: the profile snapshot
(name, region, job types, note) is replaced, open applications are withdrawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import Retention, register
from applications import services
from applications.models import Application, ApplicationEvent, ApplicationStatus, WageReport

if TYPE_CHECKING:
    from accounts.models import User


def _label(status: str) -> str:
    return ApplicationStatus(status).label if status else ""


def export_applications(user: User) -> list[dict[str, Any]]:
    rows = (
        Application.objects.filter(worker=user)
        .select_related("post")
        .prefetch_related("events", "wage_reports")
        .order_by("created_at")
    )
    return [
        {
            "编号": a.pk,
            "用工信息": a.post.title,
            "用工信息编号": a.post_id,
            "状态": a.get_status_display(),
            "申请资料": a.snapshot,
            "申请时间": a.created_at.isoformat(),
            "进度": [
                {"原状态": _label(e.from_status), "新状态": _label(e.to_status), "时间": e.at.isoformat()}
                for e in a.events.all()
            ],
            "工资不符举报": [
                {"实际工资": str(w.actual_wage), "情况说明": w.description, "提交时间": w.created_at.isoformat()}
                for w in a.wage_reports.all()
            ],
        }
        for a in rows
    ]


def register_all() -> None:
    register(
        Application,
        section="报名",
        exporter=export_applications,
        eraser=services.erase_user_data,
        retention=Retention(
            reason="求职（报名）记录依《网络招聘服务管理规定》保存",
            period="自注销之日起不少于 3 年",
            anonymised="申请资料（姓名、地区、工种、留言）替换为“已注销用户”，未处理的申请自动撤回",
        ),
    )
    register(ApplicationEvent, part_of="applications.Application")
    # The worker's own account of a wage dispute: kept with the application (and its complaint).
    register(WageReport, part_of="applications.Application")
