"""matching's models in the personal-data registry (R-PLUS-5): the worker's job wishes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import register
from matching.models import WorkerPreference

if TYPE_CHECKING:
    from accounts.models import User


def export_preference(user: User) -> dict[str, Any] | None:
    preference = (
        WorkerPreference.objects.filter(user=user).select_related("region").prefetch_related("job_types").first()
    )
    if preference is None:
        return None
    return {
        "意向工种": [j.name for j in preference.job_types.all()],
        "意向地区": preference.region.full_name if preference.region else None,
        "可到岗日期": preference.available_from.isoformat() if preference.available_from else None,
        "更新时间": preference.updated_at.isoformat(),
    }


def erase_preference(user: User) -> None:
    WorkerPreference.objects.filter(user=user).delete()


def register_all() -> None:
    register(WorkerPreference, section="求职意向", exporter=export_preference, eraser=erase_preference)
