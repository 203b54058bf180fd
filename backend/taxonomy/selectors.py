"""Reads of the taxonomy: the whole tree for forms, its version, and the checks other apps run on the
ids a user submits (only active rows are valid choices)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch

from common.errors import field_error
from taxonomy.models import AttributeGroup, AttributeTag, CategoryTag, Industry, JobType, ProcessType, TaxonomyVersion

ORDER = ("sort_order", "id")


def current_version() -> int:
    version = TaxonomyVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return int(version or 1)


_memo: dict[type[Any], dict[int, Any]] = {}
_memo_stamp: list[Any] = [None]
_memo_lock = threading.Lock()


def tags_by_id(wanted: dict[type[Any], Iterable[int | None]]) -> dict[type[Any], dict[int, Any]]:
    """Taxonomy rows by id for each model of ``wanted`` (issue #13: list cards take their industry, category
    and job type from here rather than from three more joins a page). Rows are kept in the process while
    the taxonomy's version row is unchanged: one small query a call, so a renamed tag shows at the next
    read in every process. Its ``updated_at`` is part of the stamp, so a version number seen again after a
    rolled-back change cannot bring back rows of that change. Rows read from here are shared: read only."""
    stamp = TaxonomyVersion.objects.filter(pk=1).values_list("version", "updated_at").first()
    with _memo_lock:
        if _memo_stamp[0] != stamp:
            _memo.clear()
            _memo_stamp[0] = stamp
        memos = {model: _memo.setdefault(model, {}) for model in wanted}
    found: dict[type[Any], dict[int, Any]] = {}
    for model, ids in wanted.items():
        memo, keys = memos[model], {pk for pk in ids if pk is not None}
        missing = keys - memo.keys()
        if missing:
            memo.update(model.objects.in_bulk(missing))
        found[model] = {pk: memo[pk] for pk in keys if pk in memo}
    return found


def etag_for(version: int) -> str:
    return f'W/"taxonomy-{version}"'


def taxonomy_tree(*, version: int | None = None) -> dict[str, Any]:
    """Every active item, in console order, in seven queries (version included) whatever the number of tags.

    The version is read before the rows (pass it in if already read), so the tree is never older than
    the version it is labelled with.
    """
    if version is None:
        version = current_version()
    industries = (
        Industry.objects.filter(is_active=True)
        .order_by(*ORDER)
        .prefetch_related(
            Prefetch(
                "categories",
                queryset=CategoryTag.objects.filter(is_active=True).order_by(*ORDER).only("id", "name", "industry_id"),
                to_attr="active_categories",
            )
        )
    )
    groups = (
        AttributeGroup.objects.filter(is_active=True)
        .order_by(*ORDER)
        .prefetch_related(
            Prefetch(
                "tags",
                queryset=AttributeTag.objects.filter(is_active=True)
                .order_by(*ORDER)
                .only("id", "code", "name", "group_id"),
                to_attr="active_tags",
            )
        )
    )
    return {
        "version": version,
        "industries": [
            {
                "id": industry.pk,
                "code": industry.code,
                "name": industry.name,
                "categories": [{"id": c.pk, "name": c.name} for c in industry.active_categories],  # type: ignore[attr-defined]
            }
            for industry in industries
        ],
        "attribute_groups": [
            {
                "id": group.pk,
                "code": group.code,
                "name": group.name,
                "tags": [{"id": t.pk, "code": t.code, "name": t.name} for t in group.active_tags],  # type: ignore[attr-defined]
            }
            for group in groups
        ],
        "job_types": [
            {"id": pk, "name": name}
            for pk, name in JobType.objects.filter(is_active=True).order_by(*ORDER).values_list("id", "name")
        ],
        "process_types": [
            {"id": pk, "name": name, "industry_id": industry_id}
            for pk, name, industry_id in ProcessType.objects.filter(is_active=True)
            .order_by(*ORDER)
            .values_list("id", "name", "industry_id")
        ],
    }


def _unique_ids(ids: Iterable[int] | None) -> list[int]:
    seen: list[int] = []
    for value in ids or ():
        if value not in seen:
            seen.append(value)
    return seen


def validate_industry_and_categories(
    *, industry_id: int | None, category_ids: Iterable[int] | None, field_prefix: str = ""
) -> tuple[Industry, list[CategoryTag]]:
    """The chosen industry and its chosen category tags (R-TAX-1, R-TAX-2), or a field error.

    Fields are named ``<prefix>industry_id`` and ``<prefix>category_ids``; categories come back in the
    order the user gave them, duplicates dropped.
    """
    industry = Industry.objects.filter(pk=industry_id, is_active=True).first() if industry_id else None
    if industry is None:
        raise field_error(f"{field_prefix}industry_id", "invalid_choice", "请选择有效的一级行业")
    ids = _unique_ids(category_ids)
    if not ids:
        raise field_error(f"{field_prefix}category_ids", "required", "请至少选择一个二级品类")
    found = {c.pk: c for c in CategoryTag.objects.filter(pk__in=ids, industry=industry, is_active=True)}
    if len(found) != len(ids):
        raise field_error(
            f"{field_prefix}category_ids", "invalid_choice", f"所选品类不属于“{industry.name}”或已停用，请重新选择"
        )
    return industry, [found[pk] for pk in ids]


def validate_attribute_tags(
    *, tag_ids: Iterable[int] | None, field: str = "attribute_tag_ids", required: bool = False
) -> list[AttributeTag]:
    """The chosen attribute tags (R-TAX-3), all active, or a field error naming ``field``."""
    ids = _unique_ids(tag_ids)
    if not ids:
        if required:
            raise field_error(field, "required", "请至少选择一个属性标签")
        return []
    found = {t.pk: t for t in AttributeTag.objects.filter(pk__in=ids, is_active=True, group__is_active=True)}
    if len(found) != len(ids):
        raise field_error(field, "invalid_choice", "所选属性标签不存在或已停用，请重新选择")
    return [found[pk] for pk in ids]


def active_job_type(job_type_id: int | None, *, field: str = "job_type_id") -> JobType:
    job_type = JobType.objects.filter(pk=job_type_id, is_active=True).first() if job_type_id else None
    if job_type is None:
        raise field_error(field, "invalid_choice", "请选择有效的工种")
    return job_type


def active_process_types(
    process_type_ids: Iterable[int] | None, *, field: str = "process_type_ids", required: bool = False
) -> list[ProcessType]:
    ids = _unique_ids(process_type_ids)
    if not ids:
        if required:
            raise field_error(field, "required", "请至少选择一种加工工艺")
        return []
    found = {p.pk: p for p in ProcessType.objects.filter(pk__in=ids, is_active=True)}
    if len(found) != len(ids):
        raise field_error(field, "invalid_choice", "所选加工工艺不存在或已停用，请重新选择")
    return [found[pk] for pk in ids]


def attribute_tag_by_code(code: str) -> AttributeTag | None:
    """For rules keyed on a tag's stable code (e.g. matching on ``urgent_orders``)."""
    return AttributeTag.objects.filter(code=code).first()
