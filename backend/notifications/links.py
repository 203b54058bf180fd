"""A notification's link to a public object (a post, a factory) follows that object's visibility
(issue #10 item 3): once the reader may no longer see the target, the notification keeps its place
and generic title but shows 该信息已失效 instead of the target's content and link.

The apps owning the objects register who may still see which targets (``register_target`` in their
``AppConfig.ready``), so notifications, a lower layer, imports none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, overload

from django.db.models import QuerySet

from common.presentation import Decorated
from notifications.models import Notification

GONE_BODY = "该信息已失效"

# target_type (a model's ``label_lower``) → (ids, reader) → the ids the reader may still see.
VisibleIds = Callable[[list[str], Any], set[str]]
_targets: dict[str, VisibleIds] = {}


def register_target(target_type: str, visible_ids: VisibleIds) -> None:
    _targets[target_type] = visible_ids


@dataclass(frozen=True, eq=False)
class MarkedNotification(Decorated):
    """A notification with whether the reader may still open its target."""

    wraps: ClassVar[str] = "notification"

    notification: Notification
    target_gone: bool = False


def mark_gone(rows: list[Notification], *, user: Any) -> list[MarkedNotification]:
    """Marks each row whose target is gone, one query per registered target type on the page."""
    by_type: dict[str, list[Notification]] = defaultdict(list)
    for row in rows:
        if row.target_type in _targets and row.target_id:
            by_type[row.target_type].append(row)
    gone: set[int] = set()
    for target_type, group in by_type.items():
        visible = _targets[target_type]([row.target_id for row in group], user)
        gone |= {row.pk for row in group if row.target_id not in visible}
    return [MarkedNotification(notification=row, target_gone=row.pk in gone) for row in rows]


class MarkedPage(Sequence[MarkedNotification]):
    """A queryset that ``@paginate`` slices; only the page's rows are checked."""

    def __init__(self, qs: QuerySet[Notification], *, user: Any) -> None:
        self.qs = qs
        self.user = user

    def __len__(self) -> int:
        return self.qs.count()

    @overload
    def __getitem__(self, index: int) -> MarkedNotification: ...
    @overload
    def __getitem__(self, index: slice) -> list[MarkedNotification]: ...
    def __getitem__(self, index: int | slice) -> MarkedNotification | list[MarkedNotification]:
        if isinstance(index, slice):
            return mark_gone(list(self.qs[index]), user=self.user)
        return mark_gone([self.qs[index]], user=self.user)[0]
