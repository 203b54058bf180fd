"""Complaints and feedback in the personal-data registry (R-PLUS-5, R-OPS-4).

Export: the complaints the user filed (complaints about the user are not theirs to export: they would
reveal who complained) and their feedback. On 注销, feedback is deleted with its screenshots. Complaints
— filed by or about the user — are the mediation record (纠纷处理记录) the platform keeps for 3 years
after the complaint is closed (《电子商务法》第六十三条 dispute resolution, and evidence in case of a
lawsuit): the complaint text and the evidence files the user uploaded stay; the user's account in it is
the anonymised one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import Retention, register
from support.models import Complaint, ComplaintNote, Feedback
from uploads.personal_data import archive_path

if TYPE_CHECKING:
    from accounts.models import User


def export_complaints(user: User) -> list[dict[str, Any]]:
    rows = Complaint.objects.filter(complainant=user).prefetch_related("evidence").order_by("created_at")
    return [
        {
            "编号": c.pk,
            "投诉对象类型": c.get_target_type_display(),
            "投诉类别": c.get_category_display(),
            "投诉内容": c.description,
            "状态": c.get_status_display(),
            "处理结果": c.get_outcome_display() if c.outcome else "",
            "处理说明": c.outcome_note,
            "证据": [archive_path(f) for f in c.evidence.all()],
            "投诉时间": c.created_at.isoformat(),
            "处理时间": c.resolved_at.isoformat() if c.resolved_at else None,
        }
        for c in rows
    ]


def evidence_kept(user: User) -> list[Any]:
    """The user's uploads that are evidence of a complaint: kept with the mediation record."""
    links = Complaint.evidence.through.objects.filter(storedfile__owner=user)
    return list(links.values_list("storedfile_id", flat=True))


def export_feedback(user: User) -> list[dict[str, Any]]:
    return [
        {
            "编号": f.pk,
            "类别": f.get_category_display(),
            "内容": f.content,
            "同意客服联系": f.contact_ok,
            "状态": f.get_status_display(),
            "图片": [archive_path(i) for i in f.images.all()],
            "回复": f.reply,
            "回复时间": f.replied_at.isoformat() if f.replied_at else None,
            "提交时间": f.created_at.isoformat(),
        }
        for f in Feedback.objects.filter(user=user).prefetch_related("images").order_by("created_at")
    ]


def erase_feedback(user: User) -> None:
    Feedback.objects.filter(user=user).delete()


def register_all() -> None:
    register(
        Complaint,
        section="投诉",
        exporter=export_complaints,
        kept_files=evidence_kept,
        retention=Retention(
            reason="投诉与调解是纠纷处理记录，可能作为诉讼或监管核查的证据",
            period="自投诉处理完毕之日起 3 年",
            anonymised="投诉内容和证据文件保留，本人账号显示为“已注销用户”，手机号等账号信息删除",
        ),
    )
    register(ComplaintNote, part_of="support.Complaint")
    register(Feedback, section="反馈", exporter=export_feedback, eraser=erase_feedback)
