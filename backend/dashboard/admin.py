"""数据看板 in the console (R-ADM-3, issue #14 item 4): headline cards against the previous period, then
charts, tables folded below them; the Excel export is laid out the same way."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from unfold.admin import ModelAdmin
from unfold.widgets import UnfoldAdminDateWidget, UnfoldAdminSelectWidget

from dashboard.export import workbook_bytes
from dashboard.models import DailyMetric
from dashboard.selectors import GRANULARITIES, figures, headline, previous_period
from dashboard.services import request_refresh


class RangeForm(forms.Form):
    start = forms.DateField(label="开始日期", widget=UnfoldAdminDateWidget)
    end = forms.DateField(label="结束日期", widget=UnfoldAdminDateWidget)
    granularity = forms.ChoiceField(
        label="统计粒度", choices=list(GRANULARITIES.items()), widget=UnfoldAdminSelectWidget
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end"):
            if data["end"] < data["start"]:
                raise forms.ValidationError("结束日期不能早于开始日期")
            if (data["end"] - data["start"]).days > 366 * 3:
                raise forms.ValidationError("一次最多查看 3 年")
        return data


@admin.register(DailyMetric)
class DashboardAdmin(ModelAdmin):
    """The model list is replaced by the dashboard itself; the rows are an implementation detail."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        today = timezone.localdate()
        initial = {"start": today - timedelta(days=29), "end": today, "granularity": "day"}
        form = RangeForm(request.GET or None, initial=initial)
        if form.is_bound and form.is_valid():
            start: date = form.cleaned_data["start"]
            end: date = form.cleaned_data["end"]
            granularity: str = form.cleaned_data["granularity"]
        else:
            start, end, granularity = initial["start"], initial["end"], initial["granularity"]  # type: ignore[assignment]
        request_refresh()
        sections = figures(start=start, end=end, granularity=granularity)
        cards = headline(start=start, end=end)
        if request.GET.get("export") == "xlsx":
            content = workbook_bytes(sections=sections, cards=cards, start=start, end=end, granularity=granularity)
            response = HttpResponse(
                content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
            response["Content-Disposition"] = f'attachment; filename="dashboard-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
            return response
        charts = {
            s.key: {
                "periods": s.periods,
                "series": [{"name": x.label, "data": x.values} for x in s.series if ":" not in x.key],
            }
            for s in sections
        }
        query = request.GET.copy()
        query["export"] = "xlsx"
        context = {
            **self.admin_site.each_context(request),
            "title": "数据看板",
            "form": form,
            "sections": sections,
            "cards": cards,
            "previous": previous_period(start, end),
            "charts": charts,
            "export_query": query.urlencode(),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "dashboard/dashboard.html", context)
