"""公告 (R-ADM-4 settings) in the console."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from unfold.admin import ModelAdmin

from discovery.models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(ModelAdmin):
    list_display = ("title", "pinned", "is_active", "starts_at", "ends_at", "showing_now", "updated_at")
    list_filter = ("is_active", "pinned")
    list_editable = ("pinned", "is_active")
    search_fields = ("title", "body")
    fields = ("title", "body", "link", "starts_at", "ends_at", "pinned", "is_active")
    ordering = ("-pinned", "-starts_at", "-id")

    @admin.display(description="正在展示", boolean=True)
    def showing_now(self, obj: Announcement) -> bool:
        now = timezone.now()
        return (
            obj.is_active
            and (obj.starts_at is None or obj.starts_at <= now)
            and (obj.ends_at is None or obj.ends_at > now)
        )
