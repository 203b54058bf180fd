"""The board registry: one ``BoardSpec`` per post kind owns everything kind-specific (issue #10).

The five kinds are registered by ``listings.boards`` (loaded in ``ListingsConfig.ready``); every other
module asks ``get(kind)`` / ``all()``. A kind unknown to the registry is a 422 naming the field
(``require_kind``). Upper apps attach behaviour by key: the spec names its matcher (``matcher``), the
matching app maps keys to functions, so this app imports nothing above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from accounts.models import AccountType
from common.errors import field_error

if TYPE_CHECKING:
    from listings.models import Post
    from listings.schemas import PostBaseIn


@dataclass(frozen=True)
class SortSpec:
    key: str
    label: str
    # ``order_by`` arguments; empty means the board's default (newest first).
    ordering: tuple[Any, ...] = ()
    needs_location: bool = False


@dataclass(frozen=True)
class FilterSpec:
    """A filter the board offers: ``name`` is the query parameter ``discovery.filters.BoardFilters``
    accepts; ``type`` tells the client which control to show (region, industry, category, select,
    boolean, range, job_type, process_type, certification); ``options`` for a fixed select."""

    name: str
    label: str
    type: str
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    fields: tuple[str, ...]


MatchSide = Literal["demand", "supply"]
MatchFit = Literal["category", "process", "job"]


@dataclass(frozen=True)
class BoardSpec:
    kind: str
    label: str  # 采购需求
    short_name: str  # 采购 (search facets)
    board_name: str  # 采购需求 / 库存信息 (home entry, publish choice)
    icon: str  # icon key the client maps to an image
    publisher: AccountType
    input_schema: type[PostBaseIn]
    fields: tuple[str, ...]  # fields beyond the common ones, in form order
    required: tuple[str, ...]
    steps: tuple[Step, ...]
    title: Callable[[Post, list[str]], str]  # automatic title from the content and process names
    summary: Callable[[Post, list[str]], list[str]]  # card-summary parts
    sorts: tuple[SortSpec, ...]
    # Extra derived columns of this kind, set after the shared ones (wage per day, capacity per day,
    # certification codes, 已招满) that every kind with those fields gets.
    derive: Callable[[Post], None] | None = None
    filters: tuple[FilterSpec, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)  # field labels that differ on this board
    extra_field_meta: dict[str, Any] = field(default_factory=dict)  # fields of this kind only (in details)
    media_accept: tuple[str, ...] = ("image", "video")
    notice: str = ""  # shown on the publish form
    detail_notice: str = ""  # shown on the detail page
    search_text_fields: tuple[str, ...] = ()  # ``details`` fields that go into the search text
    matcher: str | None = None  # key of the matcher the matching app runs on approval
    match_notice: str = "有新的信息适合您"
    # What the matchers pair (R-BOARD-4, R-PLUS-1), so no matcher names a kind. ``match_side``: a
    # "demand" asks, a "supply" offers (its processes and capacity also count for its owner's factory).
    # ``match_fit``: what a demand is fitted on — "category" (category / industry; factories answer it),
    # "process" (process types) or "job" (job type and region; workers answer it).
    # ``counterpart_kinds``: the post kinds it is matched against (none when factories or workers are).
    match_side: MatchSide | None = None
    match_fit: MatchFit | None = None
    counterpart_kinds: tuple[str, ...] = ()
    # Whose 接单量 a deal adds to: "owner" (a supply post), "initiator" (a demand) or None (not an order).
    supplier: str | None = None
    # Kinds sharing a group share one home entry (board tabs) and a dashboard section ("processing":
    # 代加工专项); group_label names it.
    group: str = ""
    group_label: str = ""
    hint: str = ""  # one line shown when choosing what to publish
    accepts_applications: bool = False  # workers apply to it (headcount, 已招满)
    retained: bool = False  # kept (anonymised) after cancellation: online-recruitment rules
    # A post asking workers / processors for money (押金, 培训费 …) is held for review with the reason (anti-scam).
    screen_fee_requests: bool = False
    on_home: bool = True
    # Whose home page recommends this board's posts when they have no browsing history (R-ROLE-1..3).
    recommended_to: tuple[AccountType, ...] = ()

    def label_for(self, name: str, default: str) -> str:
        return self.labels.get(name) or default

    def sort(self, key: str) -> SortSpec | None:
        return next((s for s in self.sorts if s.key == key), None)


_REGISTRY: dict[str, BoardSpec] = {}


def register(spec: BoardSpec) -> BoardSpec:
    _REGISTRY[spec.kind] = spec
    return spec


def unregister(kind: str) -> None:
    _REGISTRY.pop(kind, None)


def get(kind: str) -> BoardSpec:
    """The spec of a kind; ``KeyError`` for an unknown one (use ``require_kind`` on input)."""
    return _REGISTRY[kind]


def all() -> list[BoardSpec]:
    return list(_REGISTRY.values())


def kinds() -> list[str]:
    return list(_REGISTRY)


def exists(kind: str) -> bool:
    return kind in _REGISTRY


def label(kind: str) -> str:
    spec = _REGISTRY.get(kind)
    return spec.label if spec else kind


def recommended_to(account_type: str) -> list[BoardSpec]:
    return [spec for spec in _REGISTRY.values() if account_type in spec.recommended_to]


def published_by(account_type: str) -> list[BoardSpec]:
    return [spec for spec in _REGISTRY.values() if spec.publisher == account_type]


def matched_kinds(*, side: MatchSide, fit: MatchFit | None = None) -> list[str]:
    """Kinds standing on ``side`` of a match (and fitted on ``fit`` when given)."""
    return [
        spec.kind for spec in _REGISTRY.values() if spec.match_side == side and (fit is None or spec.match_fit == fit)
    ]


def choices() -> list[tuple[str, str]]:
    """``Post.kind`` choices, read lazily, so a new kind needs no migration."""
    return [(spec.kind, spec.label) for spec in _REGISTRY.values()]


def require_kind(kind: str | None, *, field_name: str = "kind") -> BoardSpec:
    spec = _REGISTRY.get(kind or "")
    if spec is None:
        allowed = "、".join(s.label for s in _REGISTRY.values())
        raise field_error(field_name, "enum", f"信息类型无效，可选：{allowed}")
    return spec
