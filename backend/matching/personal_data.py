"""matching's models in the personal-data registry (R-PLUS-5): favourites, browsing history, the
worker's job wishes, the search index. Registration only, so the module moves with the models
(``discovery`` / ``search``) in one piece.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import register
from matching.models import Favourite, SearchDocument, ViewEvent, WorkerPreference

if TYPE_CHECKING:
    from accounts.models import User


def _target(row: Any) -> dict[str, Any]:
    """What was favourited or viewed: public facts only (title or factory name), never a contact."""
    if row.post_id:
        return {"对象": "信息", "编号": row.post_id, "标题": row.post.title, "类型": row.post.get_kind_display()}
    return {"对象": "工厂", "编号": row.factory_id, "名称": row.factory.name}


def export_favourites(user: User) -> list[dict[str, Any]]:
    rows = Favourite.objects.filter(user=user).select_related("post", "factory").order_by("created_at", "id")
    return [{**_target(f), "收藏时间": f.created_at.isoformat()} for f in rows]


def export_history(user: User) -> list[dict[str, Any]]:
    rows = ViewEvent.objects.filter(user=user).select_related("post", "factory").order_by("at", "id")
    return [{**_target(v), "浏览时间": v.at.isoformat()} for v in rows]


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


def erase_favourites(user: User) -> None:
    Favourite.objects.filter(user=user).delete()


def erase_history(user: User) -> None:
    ViewEvent.objects.filter(user=user).delete()


def erase_preference(user: User) -> None:
    WorkerPreference.objects.filter(user=user).delete()


def erase_search_documents(user: User) -> None:
    SearchDocument.objects.filter(owner=user).delete()


def register_all() -> None:
    register(Favourite, section="收藏", exporter=export_favourites, eraser=erase_favourites)
    register(ViewEvent, section="浏览记录", exporter=export_history, eraser=erase_history)
    register(WorkerPreference, section="求职意向", exporter=export_preference, eraser=erase_preference)
    # A copy of the user's posts and factory for the keyword search: exported as 发布的信息 / 工厂资料.
    register(SearchDocument, eraser=erase_search_documents, part_of="listings.Post")
