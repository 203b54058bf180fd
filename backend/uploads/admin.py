"""上传文件 in the console: read-only, with previews.

The console signs in with a session, not a bearer token, so previews are served by admin views
(``admin:uploads_storedfile_content`` / ``_thumbnail``) that check the console permission; private files
also need ``uploads.view_private_files``. Other apps' admins (e.g. licence review) show files with
``file_preview(stored_file)``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from unfold.admin import ModelAdmin

from common.errors import NotFound
from uploads import access, links
from uploads.models import FileKind, StoredFile
from uploads.serving import file_response


def file_preview(stored: StoredFile | None, *, max_side: int = 120) -> SafeString | str:
    """A thumbnail linking to the full file (images), or a download link (videos, drawings)."""
    if stored is None:
        return "-"
    full = reverse("admin:uploads_storedfile_content", args=[stored.pk])
    if stored.kind == FileKind.IMAGE and stored.thumbnail:
        thumb = reverse("admin:uploads_storedfile_thumbnail", args=[stored.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener"><img src="{}" alt="{}" '
            'style="max-width:{}px;max-height:{}px;border-radius:4px"></a>',
            full,
            thumb,
            stored.original_name,
            max_side,
            max_side,
        )
    label = "播放视频" if stored.kind == FileKind.VIDEO else "下载文件"
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}（{}）</a>', full, label, stored.extension.upper()
    )


@admin.register(StoredFile)
class StoredFileAdmin(ModelAdmin):
    list_display = ("preview", "kind", "purpose", "owner", "original_name", "human_size", "created_at")
    list_filter = ("kind", "purpose", ("created_at", admin.DateFieldListFilter))
    search_fields = ("=id", "=sha256", "owner__username", "owner__display_name", "original_name")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    fields = (
        "large_preview",
        "id",
        "kind",
        "purpose",
        "owner",
        "original_name",
        "content_type",
        "extension",
        "human_size",
        "width",
        "height",
        "sha256",
        "created_at",
    )
    readonly_fields = fields

    @admin.display(description="预览")
    def preview(self, obj: StoredFile) -> SafeString | str:
        return file_preview(obj, max_side=64)

    @admin.display(description="预览")
    def large_preview(self, obj: StoredFile) -> SafeString | str:
        return file_preview(obj, max_side=400)

    @admin.display(description="大小", ordering="size")
    def human_size(self, obj: StoredFile) -> str:
        return filesizeformat(obj.size)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:  # type: ignore[override]
        own = [
            path(
                "<uuid:object_id>/content/",
                self.admin_site.admin_view(self.content_view),
                name="uploads_storedfile_content",
            ),
            path(
                "<uuid:object_id>/thumbnail/",
                self.admin_site.admin_view(self.thumbnail_view),
                name="uploads_storedfile_thumbnail",
            ),
        ]
        return own + super().get_urls()  # type: ignore[return-value]

    def _readable(self, request: HttpRequest, object_id: Any) -> StoredFile:
        stored = StoredFile.objects.filter(pk=object_id).first()
        if stored is None or not self.has_view_permission(request, stored):
            raise NotFound()
        if stored.is_private and not access.is_staff_reader(request.user):
            raise NotFound()
        return stored

    def content_view(self, request: HttpRequest, object_id: Any) -> HttpResponse:
        try:
            return file_response(request, self._readable(request, object_id), links.FILE)
        except NotFound:
            return HttpResponse("文件不存在或无权查看", status=404, content_type="text/plain; charset=utf-8")

    def thumbnail_view(self, request: HttpRequest, object_id: Any) -> HttpResponse:
        try:
            return file_response(request, self._readable(request, object_id), links.THUMBNAIL)
        except NotFound:
            return HttpResponse("文件不存在或无权查看", status=404, content_type="text/plain; charset=utf-8")
