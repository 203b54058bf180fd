"""Shared pieces of the support console: status colours, evidence thumbnails, the acting operator."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from support.models import ComplaintStatus
from uploads.links import file_url, thumbnail_url

STATUS_COLOURS: dict[str, str] = {
    ComplaintStatus.SUBMITTED: "#d97706",
    ComplaintStatus.PROCESSING: "#2563eb",
    ComplaintStatus.RESOLVED: "#16a34a",
    ComplaintStatus.DISMISSED: "#6b7280",
}


def _files_html(files: list[Any]) -> SafeString | str:
    """Evidence / screenshots: signed links (the console has no bearer token, and <img> sends none)."""
    if not files:
        return "—"
    return format_html_join(
        " ",
        '<a href="{}" target="_blank" rel="noopener"><img src="{}" alt="证据" '
        'style="max-height:160px;max-width:240px;border:1px solid #ddd;border-radius:6px;margin:4px"></a>',
        ((file_url(f), thumbnail_url(f) or file_url(f)) for f in files if f.kind == "image"),
    ) + format_html_join(
        " ",
        '<a href="{}" target="_blank" rel="noopener">下载文件（{}）</a>',
        ((file_url(f), f.extension.upper()) for f in files if f.kind != "image"),
    )


def _operator(request: HttpRequest) -> Any:
    return request.user
