"""Console theme (django-unfold) and its navigation, in Chinese, grouped the way operators work
(issue #14 item 6): 信息审核, 用户管理, 投诉与反馈, 数据看板, 运营设置, and 系统 (technical tables, admins
only). A page has one name: its model's ``verbose_name_plural``, read here for the sidebar, by Django for
titles, and by the breadcrumbs (``templates/unfold/helpers/header_title.html``), whose first step is the
sidebar group below. Each link shows only to those who may open it; a group with no link is left out."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

Item = tuple[str, str, str, str]  # icon, app label, model name, query

NAVIGATION: list[tuple[str, list[Item]]] = [
    (
        "信息审核",
        [
            ("fact_check", "listings", "reviewqueueitem", ""),
            ("verified_user", "verification", "qualification", "status__exact=pending"),
            ("edit_note", "factories", "factoryprofileedit", "status__exact=pending"),
            ("mark_chat_unread", "messaging", "heldmessage", ""),
            ("article", "listings", "post", ""),
            ("history", "listings", "reviewdecision", ""),
            ("rule", "listings", "rejectreasontemplate", ""),
        ],
    ),
    (
        "用户管理",
        [
            ("business", "accounts", "tradecompanyaccount", ""),
            ("factory", "accounts", "factoryaccount", ""),
            ("engineering", "accounts", "workeraccount", ""),
            ("storefront", "factories", "factoryprofile", ""),
            ("handshake", "messaging", "connection", ""),
            ("badge", "applications", "application", ""),
        ],
    ),
    (
        "投诉与反馈",
        [
            ("gavel", "support", "complaint", ""),
            ("feedback", "support", "feedback", ""),
            ("payments", "applications", "wagereport", ""),
        ],
    ),
    ("数据看板", [("monitoring", "dashboard", "dailymetric", "")]),
    (
        "运营设置",
        [
            ("campaign", "discovery", "announcement", ""),
            ("block", "moderation", "bannedkeyword", ""),
            ("workspace_premium", "listings", "recruitmentlicence", ""),
            ("category", "taxonomy", "industry", ""),
            ("label", "taxonomy", "categorytag", ""),
            ("sell", "taxonomy", "attributegroup", ""),
            ("sell", "taxonomy", "attributetag", ""),
            ("work", "taxonomy", "jobtype", ""),
            ("precision_manufacturing", "taxonomy", "processtype", ""),
        ],
    ),
]

# Technical tables: one group, for 运营管理员 and superusers only.
SYSTEM_GROUP = "系统"
SYSTEM_ITEMS: list[Item] = [
    ("admin_panel_settings", "accounts", "operatoraccount", ""),
    ("group", "auth", "group", ""),
    ("schedule_send", "common", "effect", ""),
    ("receipt_long", "common", "auditentry", ""),
    ("image_search", "moderation", "mediacheck", ""),
    ("notifications", "notifications", "notification", ""),
    ("mark_email_read", "notifications", "subscriptiongrant", ""),
    ("map", "regions", "region", ""),
    ("folder", "uploads", "storedfile", ""),
    ("tune", "matching", "workerpreference", ""),
    ("sync", "taxonomy", "taxonomyversion", ""),
]


# Who works in a group: a group shows to an operator holding one of these (besides the page's own view
# permission), so support, who may read posts for a complaint, is not shown the review tools.
GROUP_USERS: dict[str, tuple[str, ...]] = {
    "信息审核": (
        "listings.change_post",
        "verification.change_qualification",
        "factories.change_factoryprofileedit",
        "messaging.change_heldmessage",
    ),
    "投诉与反馈": ("support.change_complaint", "support.change_feedback"),
    # Settings are for those who change them; others may read some (e.g. the licence) but do not work there.
    "运营设置": (
        "discovery.change_announcement",
        "moderation.change_bannedkeyword",
        "listings.add_recruitmentlicence",
        "taxonomy.change_industry",
    ),
}


def is_console_admin(user: Any) -> bool:
    """运营管理员 (who alone may manage accounts) or a superuser."""
    return bool(user.is_superuser or user.has_perm("accounts.change_user"))


def page_name(app: str, model: str) -> str:
    from django.apps import apps

    return str(apps.get_model(app, model)._meta.verbose_name_plural)


def _may_open(request: Any, app: str, model: str) -> bool:
    from django.apps import apps
    from django.contrib import admin

    model_admin = admin.site._registry.get(apps.get_model(app, model))
    return bool(model_admin and model_admin.has_view_permission(request))


def _item(request: Any, icon: str, app: str, model: str, query: str) -> dict[str, Any] | None:
    if not _may_open(request, app, model):
        return None
    url = reverse(f"admin:{app}_{model}_changelist")
    return {"title": page_name(app, model), "icon": icon, "link": f"{url}?{query}" if query else url}


def groups() -> list[tuple[str, list[Item]]]:
    return [*NAVIGATION, (SYSTEM_GROUP, SYSTEM_ITEMS)]


def navigation(request: Any) -> list[dict[str, Any]]:
    """The sidebar of this operator: their pages only, groups without a page left out."""
    result = []
    for title, entries in groups():
        if title == SYSTEM_GROUP and not is_console_admin(request.user):
            continue
        if title in GROUP_USERS and not any(request.user.has_perm(p) for p in GROUP_USERS[title]):
            continue
        items = [i for i in (_item(request, *entry) for entry in entries) if i]
        if items:
            result.append({"title": title, "separator": True, "items": items})
    return result


def group_of(path: str) -> str | None:
    """The sidebar group of a console page (a changelist URL, with or without its query)."""
    path = str(path).split("?")[0]
    for title, entries in groups():
        for _icon, app, model, _query in entries:
            if reverse(f"admin:{app}_{model}_changelist") == path:
                return title
    return None


UNFOLD = {
    "SITE_TITLE": "厂贸通运营后台",
    "SITE_HEADER": "厂贸通",
    "SITE_SUBHEADER": "工厂 · 外贸 · 用工 供需对接平台",
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": False,
    "DASHBOARD_CALLBACK": "config.console_home.dashboard_callback",
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": False,
        "navigation": navigation,
    },
}
