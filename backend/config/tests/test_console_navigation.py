"""Console navigation (issue #14 item 6): one name per page in the sidebar, the breadcrumbs and the
title; each operator sees the groups of their work; the technical tables sit under 系统, for admins only."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from accounts.roles import Role
from accounts.tests.factories import make_staff

pytestmark = pytest.mark.django_db

TECHNICAL = ("组", "行政区划", "上传文件", "后台任务", "操作日志", "站内通知")


def console(role: Role | None = None, superuser: bool = False) -> Client:
    client = Client()
    client.force_login(make_staff(groups=(role.value,) if role else (), superuser=superuser))
    return client


def sidebar(html: str) -> dict[str, list[tuple[str, str]]]:
    """{group: [(page name, link)]} read from the rendered sidebar."""
    nav = html.split('id="nav-sidebar-inner"')[1].split("</nav>")[0]
    groups: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for heading, link, title in re.findall(
        r"<h2[^>]*>\s*([^<]+?)\s*<|<a href=\"([^\"]+)\"[^>]*>(?:(?!</a>).)*?<span>([^<]+)</span>", nav, re.S
    ):
        if heading:
            current = heading
            groups[current] = []
        elif current:
            groups[current].append((title.strip(), link.replace("&amp;", "&")))
    return groups


def crumbs(html: str) -> list[str]:
    return [re.sub(r"\s+", "", c) for c in re.findall(r"data-crumb>\s*([^<]+?)\s*<", html)]


def test_every_sidebar_page_has_the_same_name_in_breadcrumbs_and_title_issue_14() -> None:
    client = console(superuser=True)
    groups = sidebar(client.get("/admin/").content.decode())
    assert list(groups) == ["信息审核", "用户管理", "投诉与反馈", "数据看板", "运营设置", "系统"]
    for group, pages in groups.items():
        for name, link in pages:
            page = client.get(link)
            assert page.status_code == 200, link
            html = page.content.decode()
            assert crumbs(html)[:2] == [group, name], (link, crumbs(html))
            title = re.search(r"<title>(.*?)</title>", html, re.S)
            assert title and name in title.group(1), (link, title)


def test_reviewer_sees_only_the_review_groups_and_no_system_tables_R_ROLE_4_issue_14() -> None:
    groups = sidebar(console(Role.REVIEWER).get("/admin/").content.decode())
    assert "信息审核" in groups and "系统" not in groups
    assert not {"投诉与反馈", "数据看板"} & set(groups)
    names = {name for pages in groups.values() for name, _ in pages}
    assert not set(TECHNICAL) & names


def test_support_sees_complaints_not_review_tools_or_system_R_ROLE_4_issue_14() -> None:
    groups = sidebar(console(Role.SUPPORT).get("/admin/").content.decode())
    assert "投诉与反馈" in groups and "系统" not in groups and "运营设置" not in groups
    names = {name for pages in groups.values() for name, _ in pages}
    assert "驳回原因模板" not in names


def test_admin_finds_the_technical_tables_under_system_only_issue_14() -> None:
    groups = sidebar(console(Role.ADMIN).get("/admin/").content.decode())
    system = [name for name, _ in groups["系统"]]
    for name in ("行政区划", "上传文件", "后台任务", "操作日志"):
        assert name in system
    elsewhere = {name for group, pages in groups.items() if group != "系统" for name, _ in pages}
    assert not set(TECHNICAL) & elsewhere
