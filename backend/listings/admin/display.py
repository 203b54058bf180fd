"""The review console's read-only post fields: keyword hits, due time, the submitted content and media."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from listings import kinds
from listings.hits_display import hits_html as _hits_html
from listings.models import Post, PostStatus
from uploads.links import file_url

if TYPE_CHECKING:
    from accounts.models import User


def _due_html(due: Any) -> str:
    if due is None:
        return "—"
    text = f"{timezone.localtime(due):%m-%d %H:%M}"
    if due < timezone.now():
        return format_html('<span class="overdue" style="color:#dc2626;font-weight:700">{}（已超时）</span>', text)
    return text


def _content_html(post: Post, values: dict[str, Any]) -> str:
    """A two-column table of the post's fields with their labels, as the form shows them."""
    rows = []
    for name in kinds.accepted_fields(post.kind):
        value = values.get(name)
        if value in (None, "", []):
            continue
        if name == "media_ids":
            value = f"{len(value)} 个文件"
        elif isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False)
        rows.append((kinds.label_for(post.kind, name), value))
    return format_html(
        '<table style="border-collapse:collapse">{}</table>',
        format_html_join(
            "",
            '<tr><th style="text-align:left;padding:2px 12px 2px 0;white-space:nowrap">{}</th><td>{}</td></tr>',
            rows,
        ),
    )


def _account_admin_url(user: User) -> str:
    """The account page where an operator restricts the user (one console page per account type)."""
    from django.urls import NoReverseMatch

    model = {"trade": "tradecompanyaccount", "factory": "factoryaccount", "worker": "workeraccount"}.get(
        user.account_type, "user"
    )
    try:
        return reverse(f"admin:accounts_{model}_change", args=[user.pk])
    except NoReverseMatch:
        return ""


class ReadOnlyPostFields:
    @admin.display(description="发布者")
    def owner_display(self, obj: Post) -> str:
        return f"{obj.owner}（{obj.owner.get_account_type_display()}）" if obj.owner.account_type else str(obj.owner)

    @admin.display(description="机审命中")
    def hits(self, obj: Post) -> str:
        revision = obj.pending_revision if obj.status != PostStatus.PENDING else None
        return _hits_html(revision.moderation if revision else obj.moderation, kind=obj.kind)

    @admin.display(description="当前展示/提交的内容")
    def content(self, obj: Post) -> str:
        return _content_html(obj, kinds.form_values(obj))

    @admin.display(description="待审核的修改内容")
    def pending_edit(self, obj: Post) -> str:
        revision = obj.pending_revision
        if revision is None:
            return "—"
        current = kinds.form_values(obj)
        changed = {k: v for k, v in revision.data.items() if current.get(k) != v}
        if not changed:
            return "（内容未变化）"
        return _content_html(obj, changed)

    @admin.display(description="图片/图纸")
    def media_previews(self, obj: Post) -> str:
        links = list(obj.media_links.select_related("file"))
        if not links:
            return "—"
        return format_html_join(
            " ",
            '<a href="{}" target="_blank" rel="noopener">'
            '<img src="{}" alt="附件" style="max-height:160px;border:1px solid #ddd;border-radius:6px;margin:4px"></a>',
            ((file_url(link.file), file_url(link.file)) for link in links if link.file.kind == "image"),
        ) or format_html_join(
            " ", '<a href="{}" target="_blank">查看文件</a>', ((file_url(link.file),) for link in links)
        )


POST_READONLY = (
    "kind",
    "status",
    "owner_display",
    "title",
    "content",
    "pending_edit",
    "hits",
    "media_previews",
    "submitted_at",
    "review_due_at",
    "published_at",
    "refreshed_at",
    "valid_until",
    "reject_reason",
    "view_count",
    "contact_count",
)
