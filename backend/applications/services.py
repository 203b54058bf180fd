"""Writes of job applications (R-ROLE-3): apply, withdraw, the factory's decisions with the post's
hired count and 已招满 mark kept in step, and wage-mismatch reports that become complaints (R-OPS-4)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import AccountType
from applications.models import Application, ApplicationEvent, ApplicationStatus, WageReport
from common.errors import AppError, Conflict, NotFound, PermissionDenied, field_error
from listings import registry
from listings.models import Post
from listings.selectors import get_post_for
from matching.models import WorkerPreference
from moderation import pipeline
from notifications.models import NotificationKind
from notifications.services import notify
from verification.models import Qualification, QualificationKind, QualificationStatus

if TYPE_CHECKING:
    from accounts.models import User

# Hook (docs/architecture.md, Cross-app hooks): support registers, in its AppConfig.ready, how a 工资不符
# report becomes a complaint against the post: ``filer(complainant=, post_id=, description=, evidence_ids=)``
# returns the complaint. applications sits below support, so it never imports it.
WageComplaintFiler = Callable[..., Any]
_wage_complaint_filer: WageComplaintFiler | None = None


def register_wage_complaint_filer(filer: WageComplaintFiler) -> None:
    global _wage_complaint_filer
    _wage_complaint_filer = filer


NOTE_MAX = 200
EXPERIENCE_MAX = 60

# What the factory may move an application to, from each status. Withdrawn is the worker's alone.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    ApplicationStatus.NEW: (ApplicationStatus.CONTACTED, ApplicationStatus.HIRED, ApplicationStatus.DECLINED),
    ApplicationStatus.CONTACTED: (ApplicationStatus.HIRED, ApplicationStatus.DECLINED),
    ApplicationStatus.HIRED: (ApplicationStatus.DECLINED,),
    ApplicationStatus.DECLINED: (ApplicationStatus.CONTACTED, ApplicationStatus.HIRED),
    ApplicationStatus.WITHDRAWN: (),
}
WITHDRAWABLE = (ApplicationStatus.NEW, ApplicationStatus.CONTACTED, ApplicationStatus.HIRED)

WORKER_MESSAGES: dict[str, str] = {
    ApplicationStatus.CONTACTED: "工厂已查看你的申请，将与你联系",
    ApplicationStatus.HIRED: "恭喜，你已被录用",
    ApplicationStatus.DECLINED: "很遗憾，本次未被录用",
}


def _worker_name(worker: User) -> str:
    return worker.display_name or "临时工人"


def _snapshot(*, worker: User, note: str, experience_years: int | None) -> dict[str, Any]:
    """What the factory sees of the worker, frozen at the time of applying."""
    preference = (
        WorkerPreference.objects.filter(user=worker).select_related("region").prefetch_related("job_types").first()
    )
    region = preference.region if preference else None
    return {
        "name": _worker_name(worker),
        "real_name_verified": Qualification.objects.filter(
            user=worker, kind=QualificationKind.PERSONAL_ID, status=QualificationStatus.APPROVED
        ).exists(),
        "region": {"adcode": region.adcode, "name": region.full_name} if region else None,
        "job_types": [{"id": jt.pk, "name": jt.name} for jt in preference.job_types.all()] if preference else [],
        "available_from": preference.available_from.isoformat() if preference and preference.available_from else None,
        "experience_years": experience_years,
        "note": note,
    }


def _event(application: Application, *, actor: User, from_status: str, to_status: str) -> None:
    ApplicationEvent.objects.create(application=application, actor=actor, from_status=from_status, to_status=to_status)


def _hire_one(post_id: int) -> None:
    """Counts one more hire on the (locked) post and marks it full when the headcount is reached."""
    post = Post.objects.select_for_update().only("pk", "headcount", "hired_count").get(pk=post_id)
    if post.headcount and post.hired_count >= post.headcount:
        raise Conflict("post_full", f"该岗位已录用 {post.hired_count} 人，已达到招聘人数")
    Post.objects.filter(pk=post_id).update(hired_count=F("hired_count") + 1)
    Post.objects.filter(pk=post_id, headcount__isnull=False, hired_count__gte=F("headcount")).update(is_full=True)


def _unhire_one(post_id: int) -> None:
    Post.objects.select_for_update().only("pk").get(pk=post_id)
    Post.objects.filter(pk=post_id, hired_count__gt=0).update(hired_count=F("hired_count") - 1)
    Post.objects.filter(pk=post_id, is_full=True, hired_count__lt=F("headcount")).update(is_full=False)


def _notify_worker(application: Application, post: Post) -> None:
    label = application.get_status_display()
    notify(
        recipient=application.worker,
        kind=NotificationKind.APPLICATION,
        title=f"应聘进度：{label}",
        body=f"「{post.title}」：{WORKER_MESSAGES.get(application.status, label)}",
        link="/pages/me/applications",
        target=application,
        wechat_purpose="application_update",
        wechat_data={"thing1": (post.title or "用工信息")[:20], "phrase2": label[:5], "time3": _now_text()},
    )


def _notify_owner(application: Application, post: Post, *, title: str) -> None:
    notify(
        recipient=post.owner,
        kind=NotificationKind.APPLICATION,
        title=title,
        body=f"「{post.title}」：{application.snapshot.get('name') or _worker_name(application.worker)}",
        link=f"/pages/me/applications?post_id={post.pk}",
        target=application,
    )


def _now_text() -> str:
    return f"{timezone.localtime():%Y-%m-%d %H:%M}"


@transaction.atomic
def apply(*, worker: User, post_id: int, note: str = "", experience_years: int | None = None) -> Application:
    """A worker applies to a labour post on the boards, sending a snapshot of their profile.

    Applying twice answers ``already_applied``; after withdrawing, applying again reopens the same
    application with a fresh snapshot.
    """
    if worker.account_type != AccountType.WORKER:
        raise PermissionDenied("仅临时工人账号可以应聘", code="wrong_account_type")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise field_error("note", "string_too_long", f"留言不能超过 {NOTE_MAX} 个字")
    if note:
        pipeline.screen(place="application_note", texts={"note": note}, author=worker)
    if experience_years is not None and not 0 <= experience_years <= EXPERIENCE_MAX:
        raise field_error("experience_years", "range", f"工作经验应在 0 到 {EXPERIENCE_MAX} 年之间")
    post = get_post_for(user=worker, post_id=post_id)
    if not registry.get(post.kind).accepts_applications:
        raise AppError("not_labour_post", "只能应聘用工信息")
    if post.is_full:
        raise Conflict("post_full", "该岗位已招满，看看其他岗位吧")
    snapshot = _snapshot(worker=worker, note=note, experience_years=experience_years)

    existing = Application.objects.select_for_update().filter(post=post, worker=worker).first()
    if existing is not None:
        if existing.status != ApplicationStatus.WITHDRAWN:
            raise Conflict(
                "already_applied",
                f"你已申请过该岗位（{existing.get_status_display()}）",
                detail={"application_id": existing.pk, "status": existing.status},
            )
        existing.status = ApplicationStatus.NEW
        existing.snapshot = snapshot
        existing.save(update_fields=["status", "snapshot", "updated_at"])
        _event(existing, actor=worker, from_status=ApplicationStatus.WITHDRAWN, to_status=ApplicationStatus.NEW)
        _notify_owner(existing, post, title="有工人重新申请了你的岗位")
        return existing
    try:
        with transaction.atomic():
            application = Application.objects.create(post=post, worker=worker, snapshot=snapshot)
    except IntegrityError:  # a double tap raced past the check above
        raise Conflict("already_applied", "你已申请过该岗位") from None
    _event(application, actor=worker, from_status="", to_status=ApplicationStatus.NEW)
    _notify_owner(application, post, title="有新的工人申请了你的岗位")
    return application


@transaction.atomic
def withdraw(*, worker: User, application_id: int) -> Application:
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("post", "post__owner", "worker")
        .filter(pk=application_id, worker=worker)
        .first()
    )
    if application is None:
        raise NotFound("申请不存在或无权查看")
    if application.status not in WITHDRAWABLE:
        raise Conflict("cannot_withdraw", f"申请{application.get_status_display()}，无需撤回")
    previous = application.status
    if previous == ApplicationStatus.HIRED:
        _unhire_one(application.post_id)
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    _event(application, actor=worker, from_status=previous, to_status=ApplicationStatus.WITHDRAWN)
    _notify_owner(application, application.post, title="有工人撤回了岗位申请")
    return application


@transaction.atomic
def set_status(*, factory_user: User, application_id: int, status: str) -> Application:
    """The post's owner moves an applicant on: new → contacted → hired / declined.

    Hiring counts against the headcount (refused once it is reached) and marks the post full when it
    is reached; declining someone already hired gives the place back. The worker is told each change.
    """
    if status not in (ApplicationStatus.CONTACTED, ApplicationStatus.HIRED, ApplicationStatus.DECLINED):
        raise field_error("status", "choice", "状态只能是已联系、已录用或未录用")
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("post", "worker")
        .filter(pk=application_id, post__owner_id=factory_user.pk)
        .first()
    )
    if application is None:
        raise NotFound("申请不存在或无权查看")
    previous = application.status
    if previous == status:
        return application
    if status not in TRANSITIONS[previous]:
        raise Conflict(
            "invalid_transition",
            f"申请当前为「{application.get_status_display()}」，不能改为「{ApplicationStatus(status).label}」",
        )
    if status == ApplicationStatus.HIRED:
        _hire_one(application.post_id)
    elif previous == ApplicationStatus.HIRED:
        _unhire_one(application.post_id)
    application.status = status
    application.save(update_fields=["status", "updated_at"])
    _event(application, actor=factory_user, from_status=previous, to_status=status)
    _notify_worker(application, application.post)
    return application


@transaction.atomic
def report_wage_mismatch(
    *,
    worker: User,
    application_id: int,
    actual_wage: Decimal,
    description: str,
    evidence_ids: Iterable[Any] = (),
) -> WageReport:
    """A worker hired through a post says the wage differs from what it promised. Filed as a
    工资不符 complaint against the factory, so operators mediate it and, if upheld, it counts
    against the factory's trust signals."""
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("post")
        .filter(pk=application_id, worker=worker)
        .first()
    )
    if application is None:
        raise NotFound("申请不存在或无权查看")
    if application.status != ApplicationStatus.HIRED:
        raise Conflict("not_hired", "只有已录用的岗位才能反馈工资不符")
    if WageReport.objects.filter(application=application).exists():
        raise Conflict("already_reported", "你已反馈过该岗位的工资问题，平台正在处理")
    if actual_wage is None or actual_wage < 0:
        raise field_error("actual_wage", "range", "请填写实际工资")
    text = (description or "").strip()
    post = application.post
    unit = post.get_wage_unit_display() if post.wage_unit else ""
    posted = f"{post.wage_amount}{unit}" if post.wage_amount is not None else "未注明"
    assert _wage_complaint_filer is not None, "support registers the wage-complaint filer in its AppConfig.ready"
    complaint = _wage_complaint_filer(
        complainant=worker,
        post_id=post.pk,
        description=f"【工资不符】信息写明：{posted}；实际：{actual_wage}{unit}。{text}",
        evidence_ids=evidence_ids,
    )
    return WageReport.objects.create(
        application=application,
        posted_wage=post.wage_amount,
        wage_unit=post.wage_unit,
        actual_wage=actual_wage,
        description=text,
        complaint=complaint,
    )


# --- personal data (R-PLUS-5) --------------------------------------------------------------------


def erase_user_data(user: User) -> None:
    """On cancellation: the worker's snapshots lose what identified them, and applications still
    waiting for a decision are withdrawn so factories do not wait on an account that is gone."""
    for application in Application.objects.filter(worker=user).select_for_update():
        previous = application.status
        application.snapshot = {"name": "已注销用户", "anonymised": True}
        if previous in (ApplicationStatus.NEW, ApplicationStatus.CONTACTED):
            application.status = ApplicationStatus.WITHDRAWN
            _event(application, actor=user, from_status=previous, to_status=ApplicationStatus.WITHDRAWN)
        application.save(update_fields=["snapshot", "status", "updated_at"])
