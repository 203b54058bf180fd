"""Builders over the seeded taxonomy (the seed migration puts it in every test database)."""

from __future__ import annotations

from typing import Any

from taxonomy.models import AttributeGroup, AttributeTag, CategoryTag, Industry, JobType, ProcessType


def industry(code: str = "daily_goods") -> Industry:
    return Industry.objects.get(code=code)


def category(name: str, *, industry_code: str = "daily_goods") -> CategoryTag:
    return CategoryTag.objects.get(industry__code=industry_code, name=name)


def attribute_group(code: str) -> AttributeGroup:
    return AttributeGroup.objects.get(code=code)


def attribute_tag(code: str) -> AttributeTag:
    return AttributeTag.objects.get(code=code)


def job_type(name: str = "普工") -> JobType:
    return JobType.objects.get(name=name)


def process_type(name: str = "注塑") -> ProcessType:
    return ProcessType.objects.get(name=name)


def find(items: list[dict[str, Any]], **match: Any) -> dict[str, Any] | None:
    """The first dict of an API list whose keys equal ``match``."""
    return next((item for item in items if all(item.get(k) == v for k, v in match.items())), None)
