"""Approve / reject from the console (R-ADM-1, R-FLOW-2): the reject form and the decision views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from unfold.decorators import action
from unfold.widgets import UnfoldAdminSelectWidget, UnfoldAdminTextareaWidget

from common.errors import AppError
from listings import selectors, services
from listings.admin.workbench import QUEUE as CLAIM_QUEUE  # batch decisions skip items held in the workbench
from listings.models import Post, ReasonCategory, RejectReasonTemplate
from verification import claims


class RejectForm(forms.Form):
    template = forms.ModelChoiceField(
        label="驳回原因模板",
        queryset=RejectReasonTemplate.objects.none(),
        required=False,
        empty_label="（不使用模板）",
        widget=UnfoldAdminSelectWidget,
    )
    reason = forms.CharField(
        label="补充说明（会与模板一起推送给用户）",
        max_length=500,
        required=False,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 3, "placeholder": "如：请补充产品规格和交货日期"}),
    )
    category = forms.ChoiceField(
        label="违规类别（不选则按模板）",
        choices=[("", "按模板"), *ReasonCategory.choices],
        required=False,
        widget=UnfoldAdminSelectWidget,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = selectors.reason_templates()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("template") and not (data.get("reason") or "").strip():
            raise forms.ValidationError("驳回必须选择原因模板或填写原因")
        return data


class DecisionMixin:
    """Approve / reject actions shared by the queue and the all-posts page."""

    admin_site: Any
    model: Any
    # Provided by ModelAdmin, which follows this mixin in the class bases.
    message_user: Any
    has_change_permission: Any

    @property
    def _url_prefix(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def _unclaimed(self, request: HttpRequest, ids: list[int]) -> list[int]:
        """``ids`` without the items another reviewer holds in the workbench now (issue #14: two reviewers
        never decide the same item at once, in a batch neither); the skipped ones are named."""
        held = claims.claimed_by_others(reviewer=request.user, queue=CLAIM_QUEUE) & set(ids)  # type: ignore[arg-type]
        if held:
            ids_text = "、".join(f"#{pk}" for pk in sorted(held))
            self.message_user(request, f"{ids_text} 正由其他审核员审核，已跳过", messages.WARNING)
        return [pk for pk in ids if pk not in held]

    def _approve_ids(self, request: HttpRequest, ids: list[int]) -> None:
        ids = self._unclaimed(request, ids)
        if not ids:
            return
        try:
            result = services.batch_approve(reviewer=request.user, post_ids=ids)  # type: ignore[arg-type]
        except AppError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        if result.done:
            self.message_user(request, f"已通过 {len(result.done)} 条，已通知发布者", messages.SUCCESS)
        if result.conflicts:
            ids_text = "、".join(f"#{pk}" for pk in result.conflicts)
            self.message_user(request, f"{ids_text} 已被其他审核员处理或已撤回，未重复操作", messages.WARNING)

    @admin.action(description="审核通过所选信息", permissions=["change"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self._approve_ids(request, list(queryset.values_list("pk", flat=True)))

    @admin.action(description="驳回所选信息（选择/填写原因）", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse:
        ids = ",".join(str(pk) for pk in self._unclaimed(request, list(queryset.values_list("pk", flat=True))))
        if not ids:
            return HttpResponseRedirect(reverse(f"admin:{self._url_prefix}_changelist"))
        return HttpResponseRedirect(f"{reverse(f'admin:{self._url_prefix}_reject')}?ids={ids}")

    @action(description="审核通过", url_path="approve", permissions=["change"])
    def approve_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        back = reverse(f"admin:{self._url_prefix}_changelist")
        if request.method == "POST":
            self._approve_ids(request, [int(object_id)])
            return HttpResponseRedirect(back)
        items = list(Post.objects.filter(pk=int(object_id)))
        return self._render(request, mode="approve", items=items, back_url=back)

    @action(description="驳回", url_path="reject", permissions=["change"])
    def reject_detail(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return HttpResponseRedirect(f"{reverse(f'admin:{self._url_prefix}_reject')}?ids={int(object_id)}")

    def decision_urls(self) -> list[Any]:
        return [path("reject/", self.admin_site.admin_view(self.reject_view), name=f"{self._url_prefix}_reject")]

    def reject_view(self, request: HttpRequest) -> HttpResponse:
        """The intermediate page of a (batch) rejection: one reason, from a template and/or typed."""
        if not self.has_change_permission(request):
            raise DjangoPermissionDenied
        raw = request.POST.get("ids") or request.GET.get("ids") or ""
        ids = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        items = list(Post.objects.filter(pk__in=ids).select_related("owner").order_by("pk"))
        back = reverse(f"admin:{self._url_prefix}_changelist")
        if not items:
            self.message_user(request, "请先选择要驳回的信息", messages.WARNING)
            return HttpResponseRedirect(back)
        form = RejectForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            template = form.cleaned_data.get("template")
            try:
                result = services.batch_reject(
                    reviewer=request.user,  # type: ignore[arg-type]
                    post_ids=self._unclaimed(request, [p.pk for p in items]),
                    reason=form.cleaned_data.get("reason") or "",
                    template_id=template.pk if template else None,
                    category=form.cleaned_data.get("category") or None,
                )
            except AppError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return self._render(request, mode="reject", items=items, back_url=back, form=form)
            if result.done:
                self.message_user(request, f"已驳回 {len(result.done)} 条，原因已推送给发布者", messages.SUCCESS)
            if result.conflicts:
                ids_text = "、".join(f"#{pk}" for pk in result.conflicts)
                self.message_user(request, f"{ids_text} 已被其他审核员处理或已撤回，未重复操作", messages.WARNING)
            return HttpResponseRedirect(back)
        return self._render(request, mode="reject", items=items, back_url=back, form=form)

    def _render(
        self, request: HttpRequest, *, mode: str, items: list[Post], back_url: str, form: forms.Form | None = None
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "驳回信息" if mode == "reject" else "确认审核通过",
            "mode": mode,
            "items": items,
            "ids": ",".join(str(p.pk) for p in items),
            "form": form,
            "back_url": back_url,
        }
        return TemplateResponse(request, "admin/listings/decision.html", context)
