"""Console theme (django-unfold) and its navigation, in Chinese, grouped the way operators work:
审核中心, 用户管理, 纠纷处理, 数据看板, 系统设置. Each link shows only to those who may open it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse_lazy


def can(*perms: str) -> Callable[[Any], bool]:
    def check(request: Any) -> bool:
        return any(request.user.has_perm(p) for p in perms)

    return check


def link(app: str, model: str, query: str = "") -> Any:
    url = reverse_lazy(f"admin:{app}_{model}_changelist")
    return (lambda request: f"{url}?{query}") if query else url


def item(title: str, icon: str, app: str, model: str, query: str = "") -> dict[str, Any]:
    return {"title": title, "icon": icon, "link": link(app, model, query), "permission": can(f"{app}.view_{model}")}


UNFOLD = {
    "SITE_TITLE": "厂贸通运营后台",
    "SITE_HEADER": "厂贸通",
    "SITE_SUBHEADER": "工厂 · 外贸 · 用工 供需对接平台",
    "SHOW_HISTORY": True,
    "SHOW_VIEW_ON_SITE": False,
    "DASHBOARD_CALLBACK": "config.console_home.dashboard_callback",
    "SIDEBAR": {
        "show_search": True,
        "show_all_applications": True,
        "navigation": [
            {
                "title": "审核中心",
                "separator": True,
                "items": [
                    item("信息审核队列", "fact_check", "listings", "reviewqueueitem"),
                    item("资质认证", "verified_user", "verification", "qualification", "status__exact=pending"),
                    item("工厂资料修改", "edit_note", "factories", "factoryprofileedit", "status__exact=pending"),
                    item("全部发布信息", "article", "listings", "post"),
                    item("审核记录", "history", "listings", "reviewdecision"),
                    item("驳回原因模板", "rule", "listings", "rejectreasontemplate"),
                ],
            },
            {
                "title": "用户管理",
                "separator": True,
                "items": [
                    item("外贸公司", "business", "accounts", "tradecompanyaccount"),
                    item("工厂账号", "factory", "accounts", "factoryaccount"),
                    item("临时工人", "engineering", "accounts", "workeraccount"),
                    item("工厂名录", "storefront", "factories", "factoryprofile"),
                    item("对接记录", "handshake", "messaging", "connection"),
                    item("应聘申请", "badge", "applications", "application"),
                ],
            },
            {
                "title": "纠纷处理",
                "separator": True,
                "items": [
                    item("投诉与纠纷", "gavel", "support", "complaint"),
                    item("意见反馈", "feedback", "support", "feedback"),
                ],
            },
            {
                "title": "数据看板",
                "separator": True,
                "items": [item("数据看板", "monitoring", "dashboard", "dailymetric")],
            },
            {
                "title": "系统设置",
                "separator": True,
                "items": [
                    item("公告管理", "campaign", "discovery", "announcement"),
                    item("违禁词", "block", "moderation", "bannedkeyword"),
                    item("一级行业", "category", "taxonomy", "industry"),
                    item("二级品类", "label", "taxonomy", "categorytag"),
                    item("属性标签", "sell", "taxonomy", "attributetag"),
                    item("工种", "work", "taxonomy", "jobtype"),
                    item("加工工艺", "precision_manufacturing", "taxonomy", "processtype"),
                    {
                        "title": "运营人员",
                        "icon": "admin_panel_settings",
                        "link": link("accounts", "operatoraccount"),
                        "permission": lambda request: request.user.is_superuser,
                    },
                    item("操作日志", "receipt_long", "common", "auditentry"),
                    item("后台任务", "schedule_send", "common", "effect"),
                ],
            },
        ],
    },
}
