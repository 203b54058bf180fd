"""discovery's models in the personal-data registry (R-PLUS-5): favourites and browsing history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import register
from discovery.models import Favourite, ViewEvent

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


def erase_favourites(user: User) -> None:
    Favourite.objects.filter(user=user).delete()


def erase_history(user: User) -> None:
    ViewEvent.objects.filter(user=user).delete()


def register_all() -> None:
    register(Favourite, section="收藏", exporter=export_favourites, eraser=erase_favourites)
    register(ViewEvent, section="浏览记录", exporter=export_history, eraser=erase_history)
