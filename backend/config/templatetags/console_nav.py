"""Breadcrumbs that name a page the way the sidebar does (issue #14 item 6)."""

from __future__ import annotations

from typing import Any

from django import template

from config.unfold import group_of

register = template.Library()


@register.simple_tag
def console_crumbs(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """unfold's header parts with the first (the Django app, e.g. 信息发布与审核) replaced by the page's
    sidebar group (信息审核); the group is a heading, not a page, so it has no link."""
    if len(parts) > 1 and parts[1].get("link"):
        group = group_of(str(parts[1]["link"]))
        if group:
            return [{"title": group, "link": ""}, *parts[1:]]
    return parts
