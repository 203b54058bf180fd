"""资质认证 console page (R-ADM-1, R-FLOW-1, R-OPS-2): the review queue, approve / reject, re-review.

Every decision goes through ``verification.services`` so the applicant is notified and the decision is
audited exactly as through the API; the row lock there makes a second reviewer's click a clear error.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from unfold.admin import ModelAdmin
from unfold.decorators import action
from unfold.widgets import UnfoldAdminTextareaWidget

from accounts.admin import register_user_list_filter
from accounts.models import User
from common.errors import AppError
from uploads.links import file_url
from verification import selectors, services
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.validators import is_valid_id_number, is_valid_uscc
from verification.workbench import QualificationWorkbenchMixin


class QualificationStatusFilter(admin.SimpleListFilter):
    title = "资质状态"
    parameter_name = "qualification"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*QualificationStatus.choices, ("none", "未提交")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> QuerySet[User]:
        value = self.value()
        if not value:
            return queryset
        if value == "none":
            return queryset.filter(qualifications__isnull=True)
        return queryset.filter(qualifications__status=value).distinct()


register_user_list_filter(QualificationStatusFilter)


class OverdueFilter(admin.SimpleListFilter):
    title = "审核时效"
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "已超时未审"), ("no", "未超时")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Qualification]) -> QuerySet[Qualification]:
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(status=QualificationStatus.PENDING, review_due_at__lt=now)
        if self.value() == "no":
            return queryset.filter(status=QualificationStatus.PENDING, review_due_at__gte=now)
        return queryset


class RereviewFilter(admin.SimpleListFilter):
    title = "复审提醒"
    parameter_name = "rereview"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("soon", "30 天内到期"), ("all", "已过期或即将到期")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Qualification]) -> QuerySet[Qualification]:
        if self.value() == "soon":
            return queryset.filter(pk__in=selectors.expiring_within(30).values("pk"))
        if self.value() == "all":
            return queryset.filter(pk__in=selectors.rereview_list().values("pk"))
        return queryset


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="驳回原因（会推送给用户）",
        max_length=500,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 4, "placeholder": "如：营业执照照片模糊，请重新拍摄上传"}),
        error_messages={"required": "请填写驳回原因"},
    )


@admin.register(Qualification)
class QualificationAdmin(QualificationWorkbenchMixin, ModelAdmin):
    list_display = (
        "id",
        "applicant",
        "kind",
        "subject",
        "status_badge",
        "submitted_at",
        "due_display",
        "reviewer",
        "workbench_link",
    )
    list_display_links = ("id", "applicant")
    list_filter = ("status", "kind", OverdueFilter, RereviewFilter)
    search_fields = ("company_name", "user__display_name", "user__username")
    list_select_related = ("user", "reviewer")
    ordering = ("-submitted_at",)
    list_per_page = 50
    actions = ["approve_selected", "reject_selected"]
    actions_detail = ["approve_detail", "reject_detail"]
    actions_list = ["open_workbench"]
    fieldsets = (
        ("申请", {"fields": ("user", "kind", "status", "submitted_at", "review_due_at")}),
        (
            "营业执照",
            {
                "fields": (
                    "company_name",
                    "credit_code_full",
                    "legal_representative_full",
                    "registered_address",
                    "validity",
                    "file_previews",
                )
            },
        ),
        ("实名信息", {"fields": ("real_name_full", "id_number_full")}),
        ("审核结果", {"fields": ("reviewer", "reviewed_at", "reject_reason")}),
    )
    readonly_fields = (
        "user",
        "kind",
        "status",
        "submitted_at",
        "review_due_at",
        "company_name",
        "credit_code_full",
        "legal_representative_full",
        "registered_address",
        "validity",
        "file_previews",
        "real_name_full",
        "id_number_full",
        "reviewer",
        "reviewed_at",
        "reject_reason",
    )

    # A submission is the applicant's statement; operators decide on it, they do not edit or add one.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and obj.kind == QualificationKind.PERSONAL_ID:
            return (
                self.fieldsets[0],
                ("实名信息", {"fields": ("real_name_full", "id_number_full", "file_previews")}),
                self.fieldsets[3],
            )
        return (self.fieldsets[0], self.fieldsets[1], self.fieldsets[3])

    def get_actions_detail(self, request: HttpRequest, object_id: Any) -> list[Any]:
        # Decided submissions offer no decision buttons; the service would refuse them anyway.
        if not Qualification.objects.filter(pk=object_id, status=QualificationStatus.PENDING).exists():
            return []
        return super().get_actions_detail(request, object_id)

    def changeform_view(
        self, request: HttpRequest, object_id: str | None = None, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        # Everything on the page is read-only: decisions happen through the buttons, not "保存".
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    @action(description="进入资质审核工作台", url_path="open-workbench", permissions=["change"])
    def open_workbench(self, request: HttpRequest) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:verification_qualification_workbench_next"))

    # --- list columns ---
    @admin.display(description="审核")
    def workbench_link(self, obj: Qualification) -> str:
        if obj.status != QualificationStatus.PENDING:
            return "—"
        url = reverse("admin:verification_qualification_workbench", args=[obj.pk])
        return format_html('<a href="{}" style="font-weight:600">进入工作台审核</a>', url)

    @admin.display(description="申请人", ordering="user__display_name")
    def applicant(self, obj: Qualification) -> str:
        return str(obj.user)

    @admin.display(description="企业 / 姓名")
    def subject(self, obj: Qualification) -> str:
        if obj.kind == QualificationKind.BUSINESS_LICENCE:
            return obj.company_name
        name = obj.real_name or ""
        return name[:1] + "*" * (len(name) - 1)

    @admin.display(description="状态", ordering="status")
    def status_badge(self, obj: Qualification) -> str:
        colours: dict[str, str] = {
            QualificationStatus.PENDING: "#d97706",
            QualificationStatus.APPROVED: "#16a34a",
            QualificationStatus.REJECTED: "#dc2626",
            QualificationStatus.EXPIRED: "#6b7280",
        }
        return format_html(
            '<span style="color:{};font-weight:600">{}</span>',
            colours.get(obj.status, "inherit"),
            obj.get_status_display(),
        )

    @admin.display(description="审核截止", ordering="review_due_at")
    def due_display(self, obj: Qualification) -> str:
        text = f"{timezone.localtime(obj.review_due_at):%Y-%m-%d %H:%M}"
        if obj.status == QualificationStatus.PENDING and obj.review_due_at < timezone.now():
            return format_html('<span class="overdue" style="color:#dc2626;font-weight:700">{}（已超时）</span>', text)
        return text

    # --- detail fields: reviewers see the full personal data they must check ---
    @admin.display(description="统一社会信用代码")
    def credit_code_full(self, obj: Qualification) -> str:
        if not obj.credit_code:
            return "—"
        check = "校验通过" if is_valid_uscc(obj.credit_code) else "校验不通过"
        return format_html('<code style="font-size:1.1em">{}</code>（{}）', obj.credit_code, check)

    @admin.display(description="法定代表人")
    def legal_representative_full(self, obj: Qualification) -> str:
        return obj.legal_representative or "—"

    @admin.display(description="营业期限")
    def validity(self, obj: Qualification) -> str:
        if obj.is_long_term:
            return "长期"
        return f"至 {obj.valid_until:%Y-%m-%d}" if obj.valid_until else "—"

    @admin.display(description="真实姓名")
    def real_name_full(self, obj: Qualification) -> str:
        return obj.real_name or "—"

    @admin.display(description="身份证号")
    def id_number_full(self, obj: Qualification) -> str:
        if not obj.id_number:
            return "—"
        check = "校验通过" if is_valid_id_number(obj.id_number) else "校验不通过"
        return format_html("<code>{}</code>（{}）", obj.id_number, check)

    @admin.display(description="证照图片")
    def file_previews(self, obj: Qualification) -> str:
        files = list(obj.files.all())
        if not files:
            return "—"
        # Signed links: the console page is staff-only, and <img> cannot send a bearer token.
        return format_html_join(
            " ",
            '<a href="{}" target="_blank" rel="noopener"><img src="{}" alt="证照图片" '
            'style="max-height:320px;max-width:480px;border:1px solid #ddd;border-radius:6px;margin:4px"></a>',
            ((file_url(f), file_url(f)) for f in files if f.kind == "image"),
        ) or format_html_join(" ", '<a href="{}" target="_blank">查看文件</a>', ((file_url(f),) for f in files))

    # --- decisions ---
    def _approve(self, request: HttpRequest, qualifications: list[Qualification]) -> int:
        done = 0
        for qualification in qualifications:
            try:
                services.approve(qualification=qualification, reviewer=request.user)  # type: ignore[arg-type]
                done += 1
            except AppError as exc:
                self.message_user(request, f"#{qualification.pk} {qualification}：{exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"已审核通过 {done} 项资质，已通知申请人", messages.SUCCESS)
        return done

    @admin.action(description="审核通过所选资质", permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Qualification]) -> None:
        self._approve(request, list(queryset))

    @admin.action(description="驳回所选资质（填写原因）", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Qualification]) -> HttpResponse:
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return HttpResponseRedirect(f"{reverse('admin:verification_qualification_reject')}?ids={ids}")

    @action(description="审核通过", url_path="approve", permissions=["change"])
    def approve_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        qualification = self.get_object(request, object_id)
        if qualification is None:
            return HttpResponseRedirect(reverse("admin:verification_qualification_changelist"))
        change_url = reverse("admin:verification_qualification_change", args=[qualification.pk])
        if request.method == "POST":
            self._approve(request, [qualification])
            return HttpResponseRedirect(change_url)
        # A GET only asks for confirmation: a link alone must never approve anything.
        return self._render_decision(request, mode="approve", items=[qualification], back_url=change_url)

    @action(description="驳回", url_path="reject", permissions=["change"])
    def reject_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return HttpResponseRedirect(f"{reverse('admin:verification_qualification_reject')}?ids={int(object_id)}")

    def get_urls(self) -> list[Any]:
        custom = [
            *self.workbench_urls(),
            path("reject/", self.admin_site.admin_view(self.reject_view), name="verification_qualification_reject"),
        ]
        return custom + super().get_urls()

    def reject_view(self, request: HttpRequest) -> HttpResponse:
        """The intermediate page of 驳回: one reason for every selected submission."""
        if not self.has_change_permission(request):
            raise DjangoPermissionDenied
        raw_ids = request.POST.get("ids") or request.GET.get("ids") or ""
        ids = [int(part) for part in raw_ids.split(",") if part.strip().isdigit()]
        items = list(Qualification.objects.filter(pk__in=ids).select_related("user").order_by("pk"))
        changelist = reverse("admin:verification_qualification_changelist")
        if not items:
            self.message_user(request, "请先选择要驳回的资质", messages.WARNING)
            return HttpResponseRedirect(changelist)
        back_url = (
            reverse("admin:verification_qualification_change", args=[items[0].pk]) if len(items) == 1 else changelist
        )
        form = RejectForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            done = 0
            for qualification in items:
                try:
                    services.reject(
                        qualification=qualification,
                        reviewer=request.user,  # type: ignore[arg-type]
                        reason=form.cleaned_data["reason"],
                    )
                    done += 1
                except AppError as exc:
                    self.message_user(request, f"#{qualification.pk} {qualification}：{exc.message}", messages.ERROR)
            if done:
                self.message_user(request, f"已驳回 {done} 项资质，原因已推送给申请人", messages.SUCCESS)
            return HttpResponseRedirect(back_url)
        return self._render_decision(request, mode="reject", items=items, back_url=back_url, form=form)

    def _render_decision(
        self,
        request: HttpRequest,
        *,
        mode: str,
        items: list[Qualification],
        back_url: str,
        form: forms.Form | None = None,
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "驳回资质" if mode == "reject" else "确认审核通过",
            "mode": mode,
            "items": items,
            "ids": ",".join(str(q.pk) for q in items),
            "form": form,
            "back_url": back_url,
        }
        return TemplateResponse(request, "admin/verification/qualification/decision.html", context)
