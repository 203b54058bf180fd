"""The review workbench for qualifications (issue #14 item 1): the licence or ID image beside the fields
the applicant typed, the credit-code checksum (GB 32100-2015) and whether the company name matches the
account, the applicant's card, one-step decisions through ``verification.services`` that open the next
submission (overdue first, then oldest), and claims so two reviewers never hold the same submission."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from common.console_permissions import ConsolePermission, has_console_permission
from common.errors import AppError, Conflict
from uploads.links import file_url
from verification import claims, services
from verification.appeals import is_open_appeal
from verification.complaint_counts import complaints_about
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.policy import current_licence
from verification.validators import is_valid_id_number, is_valid_uscc

QUEUE = "qualification"

# What reviewers most often tell applicants; keys 1–9 choose one.
REJECT_TEMPLATES = (
    ("照片模糊", "证照照片模糊或不完整，请在光线充足处重新拍摄完整的证照上传"),
    ("名称不一致", "填写的企业名称与营业执照上的名称不一致，请按执照填写"),
    ("代码不一致", "填写的统一社会信用代码与营业执照不一致，请核对后重新提交"),
    ("执照过期", "营业执照已过营业期限或已注销，请上传有效的营业执照"),
    ("非原件", "请上传营业执照原件（正本或副本）的照片，不接受截图或复印件"),
    ("证件不符", "姓名或身份证号与证件照片不一致，请核对后重新提交"),
)


def _plain(name: str) -> str:
    """Company names compared without spaces, brackets' width or punctuation."""
    return re.sub(r"[\s()（）·.,，、\-]", "", name or "").lower()


def name_match(qualification: Qualification) -> tuple[bool, str]:
    account_name = qualification.user.display_name or ""
    if not account_name:
        return False, "账号未填写名称，无法比对"
    if _plain(account_name) == _plain(qualification.company_name):
        return True, f"与账号名称「{account_name}」一致"
    return False, f"与账号名称「{account_name}」不一致"


def ordered_queue(reviewer: Any) -> QuerySet[Qualification]:
    now = timezone.now()
    return (
        Qualification.objects.filter(status=QualificationStatus.PENDING)
        .exclude(Q(appealed_at__isnull=False) & Q(appeal_excluded_reviewer=reviewer))
        .select_related("user")
        .annotate(
            overdue=Case(When(review_due_at__lt=now, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("overdue", "submitted_at", "id")
    )


def next_item_id(reviewer: Any, *, after: int | None = None, before: int | None = None) -> int | None:
    ids = list(ordered_queue(reviewer).values_list("pk", flat=True)[:2000])
    taken = claims.claimed_by_others(reviewer=reviewer, queue=QUEUE)
    free = [pk for pk in ids if pk not in taken]
    if before is not None and before in ids:
        earlier = [pk for pk in ids[: ids.index(before)] if pk not in taken]
        return earlier[-1] if earlier else None
    if after is not None and after in ids:
        later = [pk for pk in ids[ids.index(after) + 1 :] if pk not in taken]
        return later[0] if later else None
    return free[0] if free else None


class QualificationWorkbenchMixin:
    admin_site: Any
    model: Any
    message_user: Any

    def workbench_urls(self) -> list[Any]:
        view = self.admin_site.admin_view
        return [
            path("workbench/", view(self.workbench_next), name="verification_qualification_workbench_next"),
            path("workbench/<int:item_id>/", view(self.workbench_view), name="verification_qualification_workbench"),
            path(
                "workbench/<int:item_id>/release/",
                view(self.workbench_release),
                name="verification_qualification_workbench_release",
            ),
        ]

    def workbench_release(self, request: HttpRequest, item_id: int) -> HttpResponse:
        """The reviewer left without deciding (``pagehide`` beacon): their claim ends at once."""
        self._require_reviewer(request)
        if request.method != "POST":
            return HttpResponse(status=405)
        claims.release(reviewer=request.user, queue=QUEUE, item_id=item_id)  # type: ignore[arg-type]
        return HttpResponse(status=204)

    def _require_reviewer(self, request: HttpRequest) -> None:
        if not has_console_permission(request.user, ConsolePermission.REVIEW_QUALIFICATIONS):  # type: ignore[arg-type]
            raise DjangoPermissionDenied

    @staticmethod
    def _url(item_id: int | None) -> str:
        return reverse("admin:verification_qualification_workbench", args=[item_id]) if item_id else ""

    def _go(self, item_id: int | None) -> HttpResponse:
        if item_id is None:
            return HttpResponseRedirect(reverse("admin:verification_qualification_workbench_next") + "?empty=1")
        return HttpResponseRedirect(self._url(item_id))

    def workbench_next(self, request: HttpRequest) -> HttpResponse:
        self._require_reviewer(request)
        item_id = None if request.GET.get("empty") else next_item_id(request.user)
        if item_id is not None:
            return self._go(item_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "资质审核工作台",
            "empty": True,
            "queue_url": reverse("admin:verification_qualification_changelist") + "?status__exact=pending",
        }
        return TemplateResponse(request, "admin/verification/qualification/workbench.html", context)

    def workbench_view(self, request: HttpRequest, item_id: int) -> HttpResponse:
        self._require_reviewer(request)
        reviewer: Any = request.user
        if request.method == "POST":
            return self._decide(request, reviewer, item_id)
        item = ordered_queue(reviewer).filter(pk=item_id).prefetch_related("files").first()
        if item is None:
            self.message_user(request, "该资质已被处理或不在待审核队列中，已为您打开下一项", messages.INFO)
            return self._go(next_item_id(reviewer))
        claim = claims.claim(reviewer=reviewer, queue=QUEUE, item_id=item.pk)
        return TemplateResponse(
            request, "admin/verification/qualification/workbench.html", self._context(request, item, claim)
        )

    def _decide(self, request: HttpRequest, reviewer: Any, item_id: int) -> HttpResponse:
        if not ordered_queue(reviewer).filter(pk=item_id).exists():
            self.message_user(request, "该资质已被处理，或是您驳回后的申诉（须由其他审核员复审）", messages.WARNING)
            return self._go(next_item_id(reviewer))
        claim = claims.claim(reviewer=reviewer, queue=QUEUE, item_id=item_id)
        if not claim.mine:
            self.message_user(request, f"该资质正由 {claim.holder_name} 审核，未作处理", messages.WARNING)
            return self._go(next_item_id(reviewer, after=item_id))
        qualification = Qualification.objects.filter(pk=item_id).first()
        if qualification is None:
            return self._go(next_item_id(reviewer))
        try:
            if request.POST.get("decision") == "approve":
                services.approve(qualification=qualification, reviewer=reviewer)
                self.message_user(request, f"已通过「{qualification}」，已通知申请人", messages.SUCCESS)
            else:
                template = request.POST.get("template") or ""
                chosen = (
                    REJECT_TEMPLATES[int(template) - 1][1]
                    if template.isdigit() and 0 < int(template) <= len(REJECT_TEMPLATES)
                    else ""
                )
                reason = "；".join(p for p in (chosen, request.POST.get("reason", "").strip()) if p)
                services.reject(qualification=qualification, reviewer=reviewer, reason=reason)
                self.message_user(request, f"已驳回「{qualification}」，原因已推送给申请人", messages.SUCCESS)
        except Conflict as exc:
            self.message_user(request, exc.message, messages.WARNING)
        except AppError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return self._go(item_id)
        claims.release(reviewer=reviewer, queue=QUEUE, item_id=item_id)
        return self._go(next_item_id(reviewer, after=item_id))

    def _context(self, request: HttpRequest, item: Qualification, claim: claims.ClaimResult) -> dict[str, Any]:
        is_licence = item.kind == QualificationKind.BUSINESS_LICENCE
        matches, match_text = name_match(item) if is_licence else (True, "")
        uscc_ok = is_valid_uscc(item.credit_code) if item.credit_code else False
        queue_ids = list(ordered_queue(request.user).values_list("pk", flat=True)[:2000])
        verified = current_licence(item.user)
        user = item.user
        previous = Qualification.objects.filter(user=user).exclude(pk=item.pk)
        files = [
            {
                "kind": "image" if f.kind == "image" else "pdf" if f.content_type == "application/pdf" else "file",
                "url": file_url(f),
                "name": f.original_name or "证照文件",
            }
            for f in item.files.all()
        ]
        complaints, upheld = complaints_about(user.pk)
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "资质审核工作台",
            "item": item,
            "complaints": complaints,
            "upheld_complaints": upheld,
            "is_licence": is_licence,
            "is_appeal": is_open_appeal(item),
            "uscc_ok": uscc_ok,
            "id_ok": is_valid_id_number(item.id_number) if item.id_number else False,
            "name_matches": matches,
            "name_match_text": match_text,
            "files": files,
            "account_age_days": (timezone.now() - user.date_joined).days,
            "verified_since": verified.reviewed_at if verified else None,
            "previous_approved": previous.filter(status=QualificationStatus.APPROVED).count(),
            "previous_rejected": previous.filter(status=QualificationStatus.REJECTED).count(),
            "claim": claim,
            "templates": [{"value": n, "title": title} for n, (title, _text) in enumerate(REJECT_TEMPLATES, start=1)],
            "position": queue_ids.index(item.pk) + 1 if item.pk in queue_ids else None,
            "queue_size": len(queue_ids),
            "overdue": item.review_due_at < timezone.now(),
            "decide_url": self._url(item.pk),
            "release_url": reverse("admin:verification_qualification_workbench_release", args=[item.pk]),
            "next_url": self._url(next_item_id(request.user, after=item.pk)),
            "prev_url": self._url(next_item_id(request.user, before=item.pk)),
            "queue_url": reverse("admin:verification_qualification_changelist") + "?status__exact=pending",
        }
