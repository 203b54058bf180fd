"""系统设置 → 违禁词 (R-OPS-1): the keyword list, import / export, enable / disable, and a 测试文本 page
where an operator pastes text and sees what the automatic check would do with it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from unfold.admin import ModelAdmin
from unfold.decorators import action
from unfold.widgets import UnfoldAdminFileFieldWidget, UnfoldAdminSelectWidget, UnfoldAdminTextareaWidget

from common.errors import AppError
from moderation import keyword_files, services
from moderation.models import BannedKeyword, KeywordAction, KeywordCategory, MediaCheck

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="文件",
        help_text=(
            "支持 .txt（每行一个词，可写成「词,动作,分类,匹配谐音」）和 .csv / .xlsx"
            "（列：词 / 动作 / 分类，可选 启用 / 匹配谐音 / 备注）。"
        ),
        widget=UnfoldAdminFileFieldWidget,
    )
    default_action = forms.ChoiceField(
        label="未写动作时", choices=KeywordAction.choices, initial=KeywordAction.BLOCK, widget=UnfoldAdminSelectWidget
    )
    default_category = forms.ChoiceField(
        label="未写分类时",
        choices=KeywordCategory.choices,
        initial=KeywordCategory.OTHER,
        widget=UnfoldAdminSelectWidget,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".txt", ".csv", ".xlsx")):
            raise forms.ValidationError("只支持 .txt、.csv 或 .xlsx 文件")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("文件不能超过 5 MB")
        return upload


class TestTextForm(forms.Form):
    text = forms.CharField(
        label="待测试文本",
        max_length=20000,
        widget=UnfoldAdminTextareaWidget(attrs={"rows": 8, "placeholder": "粘贴一段帖子或聊天内容…"}),
    )


_VIA_LABELS = {"gap": "间隔", "leet": "数字代字母", "homophone": "谐音"}
_KIND_LABELS = {"phone": "电话", "wechat": "微信号", "qq": "QQ", "url": "网址", "email": "邮箱"}
_MARK_STYLES = {
    "block": "background:#fecaca;color:#991b1b;border-radius:3px;padding:0 2px;",
    "flag": "background:#fde68a;color:#92400e;border-radius:3px;padding:0 2px;",
    "contact": "background:#bfdbfe;color:#1e3a8a;border-radius:3px;padding:0 2px;",
}


def highlight_segments(text: str, result: services.ModerationResult) -> list[dict[str, str]]:
    """Splits the text into plain and marked pieces; where spans overlap the strongest mark wins
    (拦截 over 送审 over 联系方式)."""
    rank = {"block": 3, "flag": 2, "contact": 1}
    marks: list[tuple[int, int, str, str]] = [
        *((h.start, h.end, "block", f"拦截：{h.word}") for h in result.blocked),
        *((h.start, h.end, "flag", f"送审：{h.word}") for h in result.flagged),
        *((h.start, h.end, "contact", _KIND_LABELS.get(h.kind, h.kind)) for h in result.contacts),
    ]
    per_char: list[tuple[str, str] | None] = [None] * len(text)
    for start, end, kind, title in marks:
        for i in range(start, min(end, len(text))):
            current = per_char[i]
            if current is None or rank[kind] > rank[current[0]]:
                per_char[i] = (kind, title)
    segments: list[dict[str, str]] = []
    for i, ch in enumerate(text):
        kind, title = per_char[i] or ("", "")
        if segments and segments[-1]["kind"] == kind and segments[-1]["title"] == title:
            segments[-1]["text"] += ch
        else:
            segments.append({"text": ch, "kind": kind, "title": title, "style": _MARK_STYLES.get(kind, "")})
    return segments


@admin.register(BannedKeyword)
class BannedKeywordAdmin(ModelAdmin):
    list_display = ("word", "action", "category", "is_active", "match_homophones", "note", "created_by", "created_at")
    list_filter = ("action", "category", "is_active", "match_homophones")
    list_filter_submit = True
    search_fields = ("word", "normalised", "note")
    list_per_page = 50
    list_select_related = ("created_by",)
    fields = (
        "word",
        "action",
        "category",
        "is_active",
        "match_homophones",
        "note",
        "normalised",
        "created_by",
        "created_at",
    )
    readonly_fields = ("normalised", "created_by", "created_at")
    actions = ["enable_keywords", "disable_keywords"]
    actions_list = ["test_text_page", "import_page", "export_xlsx", "export_csv", "export_txt"]

    # --- writes go through services (audit + version bump) ---

    def save_model(self, request: HttpRequest, obj: BannedKeyword, form: Any, change: bool) -> None:
        services.save_keyword(keyword=obj, actor=request.user, created=not change)  # type: ignore[arg-type]

    def delete_model(self, request: HttpRequest, obj: BannedKeyword) -> None:
        services.delete_keywords(keywords=[obj], actor=request.user)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[BannedKeyword]) -> None:
        services.delete_keywords(keywords=queryset, actor=request.user)  # type: ignore[arg-type]

    @admin.action(description="启用所选违禁词", permissions=["change"])
    def enable_keywords(self, request: HttpRequest, queryset: QuerySet[BannedKeyword]) -> None:
        count = services.set_keywords_active(
            keyword_ids=queryset.values_list("pk", flat=True),
            active=True,
            actor=request.user,  # type: ignore[arg-type]
        )
        self.message_user(request, f"已启用 {count} 个违禁词", messages.SUCCESS)

    @admin.action(description="停用所选违禁词", permissions=["change"])
    def disable_keywords(self, request: HttpRequest, queryset: QuerySet[BannedKeyword]) -> None:
        count = services.set_keywords_active(
            keyword_ids=queryset.values_list("pk", flat=True),
            active=False,
            actor=request.user,  # type: ignore[arg-type]
        )
        self.message_user(request, f"已停用 {count} 个违禁词", messages.SUCCESS)

    # --- pages above the list ---

    def _page_context(self, request: HttpRequest, title: str, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "changelist_url": reverse("admin:moderation_bannedkeyword_changelist"),
            **extra,
        }

    @action(description="测试文本", url_path="test-text", icon="science", permissions=["view"])
    def test_text_page(self, request: HttpRequest) -> HttpResponse:
        form = TestTextForm(request.POST or None)
        context: dict[str, Any] = {"form": form}
        if request.method == "POST" and form.is_valid():
            text = form.cleaned_data["text"]
            result = services.test_text(text)
            categories = dict(KeywordCategory.choices)
            rows = [
                {
                    "type": label + (f"（{_VIA_LABELS[h.via]}）" if h.via in _VIA_LABELS else ""),
                    "word": h.word,
                    "matched_text": h.matched_text,
                    "category": categories.get(h.category, h.category),
                    "field": h.field,
                    "start": h.start,
                    "end": h.end,
                }
                for label, hits in (("拦截", result.blocked), ("送审标记", result.flagged))
                for h in hits
            ] + [
                {
                    "type": "联系方式",
                    "word": _KIND_LABELS.get(c.kind, c.kind),
                    "matched_text": c.matched_text,
                    "category": "—",
                    "field": c.field,
                    "start": c.start,
                    "end": c.end,
                }
                for c in result.contacts
            ]
            context.update(result=result, segments=highlight_segments(text, result), rows=rows)
        return TemplateResponse(
            request, "moderation/admin/test_text.html", self._page_context(request, "测试文本", **context)
        )

    @action(description="导入", url_path="import", icon="upload", permissions=["add"])
    def import_page(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = upload.read()
                rows = keyword_files.parse_file(upload.name, data)
                report = services.import_keywords(
                    rows=rows,
                    actor=request.user,  # type: ignore[arg-type]
                    default_action=form.cleaned_data["default_action"],
                    default_category=form.cleaned_data["default_category"],
                )
            except AppError as exc:
                form.add_error("file", exc.message)
            else:
                self.message_user(
                    request,
                    f"导入完成：新增 {report.created} 个，更新 {report.updated} 个，未变 {report.unchanged} 个"
                    + (f"，跳过 {len(report.errors)} 行" if report.errors else ""),
                    messages.SUCCESS,
                )
                for error in report.errors[:20]:
                    self.message_user(request, error, messages.WARNING)
                return HttpResponseRedirect(reverse("admin:moderation_bannedkeyword_changelist"))
        return TemplateResponse(
            request, "moderation/admin/import.html", self._page_context(request, "导入违禁词", form=form)
        )

    def _export_name(self, ext: str) -> str:
        return f"banned-keywords-{timezone.localdate():%Y%m%d}.{ext}"

    @action(description="导出 Excel", url_path="export-xlsx", icon="download", permissions=["view"])
    def export_xlsx(self, request: HttpRequest) -> HttpResponse:
        keywords = BannedKeyword.objects.order_by("category", "word")
        response = HttpResponse(
            keyword_files.export_xlsx(keywords),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self._export_name("xlsx")}"'
        return response

    @action(description="导出 CSV", url_path="export-csv", icon="download", permissions=["view"])
    def export_csv(self, request: HttpRequest) -> HttpResponse:
        keywords = BannedKeyword.objects.order_by("category", "word")
        response = HttpResponse(keyword_files.export_csv(keywords), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self._export_name("csv")}"'
        return response

    @action(description="导出 TXT", url_path="export-txt", icon="download", permissions=["view"])
    def export_txt(self, request: HttpRequest) -> HttpResponse:
        keywords = BannedKeyword.objects.order_by("category", "word")
        response = HttpResponse(keyword_files.export_txt(keywords), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self._export_name("txt")}"'
        return response


@admin.register(MediaCheck)
class MediaCheckAdmin(ModelAdmin):
    """Verdicts of WeChat's image check, for reviewers looking at a flagged post."""

    list_display = ("created_at", "target_type", "target_id", "status", "label", "resolved_at")
    list_filter = ("status", "target_type")
    search_fields = ("target_id", "trace_id")
    readonly_fields = ("file", "target_type", "target_id", "trace_id", "status", "label", "created_at", "resolved_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
