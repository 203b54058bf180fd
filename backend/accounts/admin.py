"""用户管理 (R-ADM-2, issue #14 item 5): lists per account type, filters, restrict / disable / restore with
reason (bulk on the list, or one account from its page), status history and tabs of the account's records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from unfold.admin import ModelAdmin, TabularInline
from unfold.decorators import action
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm
from unfold.widgets import UnfoldAdminSplitDateTimeWidget, UnfoldAdminTextInputWidget

from accounts import services
from accounts.models import (
    AccountStatus,
    AccountStatusChange,
    AccountType,
    FactoryAccount,
    OperatorAccount,
    TradeCompanyAccount,
    User,
    WorkerAccount,
)
from common.admin import ReasonActionForm
from common.crypto import mask_phone
from common.errors import AppError

admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(ModelAdmin):
    list_display = ("name",)
    filter_horizontal = ("permissions",)


class StatusChangeInline(TabularInline):
    model = AccountStatusChange
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "reason", "until", "operator")
    readonly_fields = fields
    verbose_name_plural = "状态变更记录"
    tab = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# Hook (docs/architecture.md, Cross-app hooks): the apps that know more about an account add their filters
# of the account lists from their own admin.py — verification (qualification status), factories (province,
# industry) — so accounts imports none of them.
_user_list_filters: list[type[admin.SimpleListFilter]] = []


def register_user_list_filter(list_filter: type[admin.SimpleListFilter]) -> None:
    if list_filter not in _user_list_filters:
        _user_list_filters.append(list_filter)


@dataclass(frozen=True)
class UserColumn:
    """A column of the account lists that another app knows (qualification status, licence expiry):
    ``annotate`` adds what it needs to the list's one query, ``display`` reads it from the row."""

    name: str
    description: str
    annotate: Any  # Callable[[QuerySet[User]], QuerySet[User]]
    display: Any  # Callable[[User], str]


_user_columns: dict[str, UserColumn] = {}
_user_tabs: list[type[TabularInline]] = []


def register_user_column(column: UserColumn) -> None:
    _user_columns[column.name] = column


def register_user_tab(inline: type[TabularInline]) -> None:
    """A read-only tab of the user page (posts, qualifications, connections, complaints), from the app
    that owns those rows."""
    if inline not in _user_tabs:
        _user_tabs.append(inline)


class StatusChangeForm(forms.Form):
    reason = forms.CharField(
        label="处理原因（必填，会告知用户）",
        max_length=500,
        widget=UnfoldAdminTextInputWidget(attrs={"placeholder": "例如：多次发布虚假采购信息"}),
    )
    until = forms.SplitDateTimeField(
        label="截止时间（可选，到期自动恢复）", required=False, widget=UnfoldAdminSplitDateTimeWidget
    )

    def __init__(self, *args: Any, restore: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if restore:
            del self.fields["until"]
            self.fields["reason"].label = "恢复原因（必填，会告知用户）"

    def clean_until(self) -> datetime | None:
        until: datetime | None = self.cleaned_data.get("until")
        if until is not None and until <= timezone.now():
            raise forms.ValidationError("截止时间必须晚于当前时间")
        return until


class AppUserAdmin(ModelAdmin):
    """Base for the three app-account lists; each proxy shows one account type."""

    account_type: str = ""
    action_form = ReasonActionForm
    list_display = ("display_name", "phone_masked", "status_badge", "status_reason", "date_joined", "last_active_at")
    list_filter = ("status", ("date_joined", admin.DateFieldListFilter))
    search_fields = ("display_name", "username")
    date_hierarchy = "date_joined"
    ordering = ("-date_joined",)
    inlines = [StatusChangeInline]
    actions = ["restrict_publishing", "disable_accounts", "restore_accounts"]
    actions_detail = ["restrict_one", "disable_one", "restore_one"]
    fields = (
        "display_name",
        "account_type",
        "phone_masked",
        "status",
        "status_reason",
        "status_until",
        "date_joined",
        "last_active_at",
        "privacy_consented_at",
        "related_records",
    )
    readonly_fields = fields

    def get_list_filter(self, request: HttpRequest) -> Any:
        return (*self.list_filter, *_user_list_filters)

    def get_list_display(self, request: HttpRequest) -> Any:
        return (
            *self.list_display,
            *(admin.display(description=c.description)(c.display) for c in _user_columns.values()),
        )

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        return [StatusChangeInline, *_user_tabs]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        qs = super().get_queryset(request).filter(account_type=self.account_type, is_staff=False)
        for column in _user_columns.values():
            qs = column.annotate(qs)
        return qs

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # The page is read-only (status changes go through the actions above it): no 保存 buttons.
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _status_page(self, request: HttpRequest, object_id: str, status: str) -> HttpResponse:
        """One account: a form with the reason (required) and the end time (optional); POST applies it."""
        user = get_object_or_404(self.get_queryset(request), pk=object_id)
        restore = status == AccountStatus.NORMAL
        form = StatusChangeForm(request.POST or None, restore=restore)
        page = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[user.pk])
        if request.method == "POST" and form.is_valid():
            try:
                services.change_status(
                    user=user,
                    status=status,
                    reason=form.cleaned_data["reason"],
                    operator=User.objects.get(pk=request.user.pk or 0),
                    until=form.cleaned_data.get("until"),
                )
            except AppError as exc:
                form.add_error(None, exc.message)
            else:
                self.message_user(request, f"{user}：已{AccountStatus(status).label}，已通知用户", messages.SUCCESS)
                return redirect(page)
        label = {"restricted": "限制发布", "disabled": "禁用账号", "normal": "恢复正常"}[status]
        context = {
            **self.admin_site.each_context(request),
            "title": f"{label}：{user}",
            "heading": f"{label}：{user}",
            "summary": [
                f"当前状态：{self.status_badge(user)}",
                *([f"当前原因：{user.status_reason}"] if user.status_reason else []),
            ],
            "hint": "用户会收到站内通知和订阅消息，内容包含原因和截止时间。",
            "form": form,
            "submit_label": f"确认{label}",
            "back_url": page,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/accounts/status_form.html", context)

    @action(description="限制发布", url_path="restrict", permissions=["change"], icon="block")
    def restrict_one(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._status_page(request, object_id, AccountStatus.RESTRICTED)

    @action(description="禁用账号", url_path="disable", permissions=["change"], icon="person_off")
    def disable_one(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._status_page(request, object_id, AccountStatus.DISABLED)

    @action(description="恢复正常", url_path="restore", permissions=["change"], icon="restart_alt")
    def restore_one(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._status_page(request, object_id, AccountStatus.NORMAL)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="手机号")
    def phone_masked(self, obj: User) -> str:
        return mask_phone(obj.phone) if obj.phone else "—"

    @admin.display(description="相关记录")
    def related_records(self, obj: User) -> str:
        """The account's posts, qualifications, connections and complaints, one click away."""
        links = [
            ("发布信息", "admin:listings_post_changelist", f"owner__id__exact={obj.pk}"),
            ("资质认证", "admin:verification_qualification_changelist", f"user__id__exact={obj.pk}"),
            ("发起的对接", "admin:messaging_connection_changelist", f"initiator__id__exact={obj.pk}"),
            ("收到的对接", "admin:messaging_connection_changelist", f"counterpart__id__exact={obj.pk}"),
            ("被投诉", "admin:support_complaint_changelist", f"target_user__id__exact={obj.pk}"),
            ("发起的投诉", "admin:support_complaint_changelist", f"complainant__id__exact={obj.pk}"),
        ]
        return format_html_join(
            "　", '<a class="text-primary-600 underline" href="{}?{}">{}</a>', ((reverse(n), q, t) for t, n, q in links)
        )

    @admin.display(description="账号状态", ordering="status")
    def status_badge(self, obj: User) -> str:
        label = AccountStatus(obj.effective_status).label
        if obj.status_until and obj.effective_status != AccountStatus.NORMAL:
            return f"{label}（至 {timezone.localtime(obj.status_until):%Y-%m-%d %H:%M}）"
        return label

    def _change_status(self, request: HttpRequest, queryset: QuerySet[User], status: str) -> None:
        reason = (request.POST.get("reason") or "").strip()
        until = None
        if request.POST.get("until_0"):
            form = ReasonActionForm(request.POST)
            form.is_valid()
            until = form.cleaned_data.get("until")
        if status != AccountStatus.NORMAL and not reason:
            self.message_user(request, "请在操作栏填写处理原因后再执行", messages.ERROR)
            return
        done = 0
        operator = User.objects.get(pk=request.user.pk or 0)
        for user in queryset:
            try:
                services.change_status(
                    user=user, status=status, reason=reason or "运营恢复正常", operator=operator, until=until
                )
                done += 1
            except AppError as exc:
                self.message_user(request, f"{user}: {exc.message}", messages.ERROR)
        if done:
            self.message_user(request, f"已处理 {done} 个账号：{AccountStatus(status).label}", messages.SUCCESS)

    @admin.action(description="限制发布（填写原因，可选截止时间）", permissions=["change"])
    def restrict_publishing(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._change_status(request, queryset, AccountStatus.RESTRICTED)

    @admin.action(description="禁用账号（填写原因，可选截止时间）", permissions=["change"])
    def disable_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._change_status(request, queryset, AccountStatus.DISABLED)

    @admin.action(description="恢复正常", permissions=["change"])
    def restore_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._change_status(request, queryset, AccountStatus.NORMAL)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("accounts.change_user")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("accounts.view_user") or request.user.has_perm("accounts.change_user")


@admin.register(TradeCompanyAccount)
class TradeCompanyAdmin(AppUserAdmin):
    account_type = AccountType.TRADE


@admin.register(FactoryAccount)
class FactoryAccountAdmin(AppUserAdmin):
    account_type = AccountType.FACTORY


@admin.register(WorkerAccount)
class WorkerAccountAdmin(AppUserAdmin):
    account_type = AccountType.WORKER


@admin.register(OperatorAccount)
class OperatorAdmin(DjangoUserAdmin, ModelAdmin):
    """Console staff: username + password, roles as groups. Only superusers manage them."""

    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm
    list_display = ("username", "display_name", "is_active", "is_superuser", "last_login")
    list_filter = ("is_active", "is_superuser", "groups")
    search_fields = ("username", "display_name")
    ordering = ("username",)
    filter_horizontal = ("groups",)
    fieldsets = (
        (None, {"fields": ("username", "password", "display_name")}),
        ("角色与权限", {"fields": ("is_active", "is_superuser", "groups")}),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "password1", "password2", "display_name")}),)

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).filter(is_staff=True)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        obj.is_staff = True
        super().save_model(request, obj, form, change)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)
