"""The user page's tabs and the account lists' qualification columns (issue #14 item 5).

accounts cannot import the apps that hold an account's posts, qualifications, connections and complaints,
so the top layer (config) builds those pieces and hands them to accounts' hooks
(`accounts.admin.register_user_tab` / `register_user_column`)."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from unfold.admin import TabularInline

from accounts.admin import UserColumn, register_user_column, register_user_tab
from accounts.models import User
from listings.models import Post
from messaging.models import Connection
from support.models import Complaint
from verification.models import Qualification, QualificationKind, QualificationStatus


class ReadOnlyTab(TabularInline):
    """A tab listing the account's rows, each linked to its own page; nothing is edited here."""

    extra = 0
    can_delete = False
    tab = True
    per_page = 10
    show_change_link = True

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields or ()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PostsTab(ReadOnlyTab):
    model = Post
    fk_name = "owner"
    fields = ("title", "kind", "status", "submitted_at", "valid_until")
    verbose_name = "发布信息"
    verbose_name_plural = "发布信息"
    ordering = ("-created_at",)


class QualificationsTab(ReadOnlyTab):
    model = Qualification
    fk_name = "user"
    fields = ("kind", "status", "company_name", "submitted_at", "valid_until", "reject_reason")
    verbose_name = "资质认证"
    verbose_name_plural = "资质认证"
    ordering = ("-submitted_at",)


class ConnectionsTab(ReadOnlyTab):
    model = Connection
    fk_name = "initiator"
    fields = ("counterpart", "post", "status", "created_at", "deal_at")
    verbose_name = "发起的对接"
    verbose_name_plural = "发起的对接"


class ReceivedConnectionsTab(ConnectionsTab):
    fk_name = "counterpart"
    fields = ("initiator", "post", "status", "created_at", "deal_at")
    verbose_name = "收到的对接"
    verbose_name_plural = "收到的对接"


class ComplaintsTab(ReadOnlyTab):
    model = Complaint
    fk_name = "target_user"
    fields = ("complainant", "category", "status", "created_at")
    verbose_name = "被投诉"
    verbose_name_plural = "被投诉"
    ordering = ("-created_at",)


for tab in (PostsTab, QualificationsTab, ConnectionsTab, ReceivedConnectionsTab, ComplaintsTab):
    register_user_tab(tab)


def _latest_qualification() -> QuerySet[Qualification]:
    return Qualification.objects.filter(user=OuterRef("pk")).order_by("-submitted_at", "-pk")


def _licence() -> QuerySet[Qualification]:
    return Qualification.objects.filter(
        user=OuterRef("pk"), kind=QualificationKind.BUSINESS_LICENCE, status=QualificationStatus.APPROVED
    ).order_by("-reviewed_at", "-pk")


def annotate_qualification(qs: QuerySet[User]) -> QuerySet[User]:
    """Latest qualification status, and the approved licence's expiry, in the list's one query."""
    return qs.annotate(
        _qualification_status=Subquery(_latest_qualification().values("status")[:1]),
        _licence_until=Subquery(_licence().values("valid_until")[:1]),
        _licence_long_term=Subquery(_licence().values("is_long_term")[:1]),
        _licence_id=Subquery(_licence().values("pk")[:1]),
    )


def qualification_status(obj: Any) -> str:
    status = getattr(obj, "_qualification_status", None)
    if not status:
        return "未提交"
    url = reverse("admin:verification_qualification_changelist")
    return format_html(
        '<a class="underline" href="{}?user__id__exact={}">{}</a>', url, obj.pk, QualificationStatus(status).label
    )


def licence_expiry(obj: Any) -> str:
    if not getattr(obj, "_licence_id", None):
        return "—"
    if getattr(obj, "_licence_long_term", False) or not obj._licence_until:
        return "长期有效"
    return f"{obj._licence_until:%Y-%m-%d}"


register_user_column(UserColumn("qualification", "资质状态", annotate_qualification, qualification_status))
register_user_column(UserColumn("licence_until", "执照有效期至", lambda qs: qs, licence_expiry))
