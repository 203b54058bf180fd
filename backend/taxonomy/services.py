"""Writes to the taxonomy: add, rename, enable/disable, reorder; and the version bump behind the ETag.

Tags are disabled rather than deleted: factories and posts keep pointing at them, and a disabled tag
only disappears from the choices offered in forms (R-ADM-4).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone

from common.errors import Conflict, NotFound, field_error
from taxonomy.models import (
    AttributeGroup,
    AttributeTag,
    CategoryTag,
    Industry,
    JobType,
    OrderedTag,
    ProcessType,
    TaxonomyVersion,
)

T = TypeVar("T", bound=OrderedTag)

NAME_MAX_LENGTH = 32
SORT_STEP = 10
_CODE_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")


def bump_version() -> int:
    """Moves the taxonomy version on by one and answers the new value."""
    with transaction.atomic():
        updated = TaxonomyVersion.objects.filter(pk=1).update(version=F("version") + 1, updated_at=timezone.now())
        if not updated:
            # The seed migration creates the row; this only runs if someone deleted it by hand.
            TaxonomyVersion.objects.get_or_create(pk=1, defaults={"version": 2})
        return TaxonomyVersion.objects.values_list("version", flat=True).get(pk=1)


def _clean_name(name: str, *, field: str = "name") -> str:
    cleaned = (name or "").strip()
    if not cleaned:
        raise field_error(field, "required", "请填写名称")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise field_error(field, "max_length", f"名称不能超过 {NAME_MAX_LENGTH} 个字")
    return cleaned


def _clean_code(code: str) -> str:
    cleaned = (code or "").strip()
    if not _CODE_RE.fullmatch(cleaned):
        raise field_error("code", "invalid", "代码只能由小写字母、数字和下划线组成，且以字母开头，最长 32 位")
    return cleaned


def _next_sort_order(queryset: QuerySet[T]) -> int:
    current = queryset.aggregate(top=Max("sort_order"))["top"]
    return (current or 0) + SORT_STEP


def _siblings(item: OrderedTag) -> QuerySet[Any]:
    """Rows that share a list with ``item`` and so must not share its name."""
    if isinstance(item, CategoryTag):
        return CategoryTag.objects.filter(industry_id=item.industry_id)
    if isinstance(item, AttributeTag):
        return AttributeTag.objects.filter(group_id=item.group_id)
    return type(item)._default_manager.all()


def place_last_if_unset(item: OrderedTag) -> None:
    """A new row left at sort order 0 (the form default) goes to the end of its list, not the top."""
    if item.pk is None and not item.sort_order:
        item.sort_order = _next_sort_order(_siblings(item))


def _ensure_unique_name(item: OrderedTag, name: str) -> None:
    if _siblings(item).filter(name=name).exclude(pk=item.pk).exists():
        raise Conflict("duplicate_name", f"已存在同名标签：{name}", detail={"field": "name"})


def _save_new(item: T) -> T:
    _ensure_unique_name(item, item.name)
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:  # a unique code, or a concurrent add of the same name
        raise Conflict("duplicate", "名称或代码已存在") from exc
    return item


@transaction.atomic
def add_industry(*, code: str, name: str, sort_order: int | None = None) -> Industry:
    item = Industry(code=_clean_code(code), name=_clean_name(name))
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(Industry.objects.all())
    return _save_new(item)


@transaction.atomic
def add_category(*, industry: Industry, name: str, sort_order: int | None = None) -> CategoryTag:
    item = CategoryTag(industry=industry, name=_clean_name(name))
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(industry.categories.all())
    return _save_new(item)


@transaction.atomic
def add_attribute_group(*, code: str, name: str, sort_order: int | None = None) -> AttributeGroup:
    item = AttributeGroup(code=_clean_code(code), name=_clean_name(name))
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(AttributeGroup.objects.all())
    return _save_new(item)


@transaction.atomic
def add_attribute_tag(*, group: AttributeGroup, code: str, name: str, sort_order: int | None = None) -> AttributeTag:
    item = AttributeTag(group=group, code=_clean_code(code), name=_clean_name(name))
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(group.tags.all())
    return _save_new(item)


@transaction.atomic
def add_job_type(*, name: str, sort_order: int | None = None) -> JobType:
    item = JobType(name=_clean_name(name))
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(JobType.objects.all())
    return _save_new(item)


@transaction.atomic
def add_process_type(*, name: str, industry: Industry | None = None, sort_order: int | None = None) -> ProcessType:
    item = ProcessType(name=_clean_name(name), industry=industry)
    item.sort_order = sort_order if sort_order is not None else _next_sort_order(ProcessType.objects.all())
    return _save_new(item)


@transaction.atomic
def rename(*, item: T, name: str) -> T:
    cleaned = _clean_name(name)
    if cleaned == item.name:
        return item
    _ensure_unique_name(item, cleaned)
    item.name = cleaned
    item.save(update_fields=["name"])
    return item


@transaction.atomic
def set_active(*, item: T, active: bool) -> T:
    if item.is_active != active:
        item.is_active = active
        item.save(update_fields=["is_active"])
    return item


def disable(*, item: T) -> T:
    return set_active(item=item, active=False)


def enable(*, item: T) -> T:
    return set_active(item=item, active=True)


@transaction.atomic
def reorder(*, model: type[T], ids: Sequence[int]) -> list[T]:
    """Puts the given rows in the given order (the first gets the smallest sort_order).

    ``ids`` must all be rows of ``model``; rows not named keep their place numbers.
    """
    if len(set(ids)) != len(ids):
        raise field_error("ids", "duplicate", "排序列表中有重复项")
    rows = {row.pk: row for row in model._default_manager.select_for_update().filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in rows]
    if missing:
        raise NotFound("要排序的标签不存在")
    ordered = [rows[pk] for pk in ids]
    for position, row in enumerate(ordered, start=1):
        row.sort_order = position * SORT_STEP
    # bulk_update sends no post_save, so the version is bumped here, once.
    model._default_manager.bulk_update(ordered, ["sort_order"])
    bump_version()
    return ordered
