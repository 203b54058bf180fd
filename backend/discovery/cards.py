"""What a card shows beside the post or factory it is (R-PLUS-4, R-APP-4, R-APP-5): the reader's
favourite mark and the owner's trust figures, and for favourites / history the target and whether the
reader may still open it. Built by ``discovery.selectors.decorate_posts`` / ``decorate_factories``;
the Out schemas read these fields and everything else from the wrapped model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from common.presentation import Decorated
from discovery.models import Favourite, ViewEvent
from discovery.trust import Responsiveness
from factories.models import FactoryProfile
from listings.models import Post


@dataclass(frozen=True, eq=False)
class PostCard(Decorated):
    wraps: ClassVar[str] = "post"

    post: Post
    favourite_id: int | None = None  # the reader's favourite of it
    trust: Responsiveness | None = None  # the owner's response figures


@dataclass(frozen=True, eq=False)
class FactoryCard(Decorated):
    wraps: ClassVar[str] = "factory"

    factory: FactoryProfile
    # Connections ending in a deal are the live figure; the profile column may lag behind.
    completed_deals: int
    response_rate: float | None = None
    response_minutes: int | None = None
    upheld_complaints: int = 0
    favourite_id: int | None = None


@dataclass(frozen=True, eq=False)
class TargetEntry(Decorated):
    """A favourite or a history entry with what it points at."""

    wraps: ClassVar[str] = "entry"

    entry: Favourite | ViewEvent
    type: Literal["post", "factory"]
    available: bool  # the reader may still open it
    target_post: PostCard | None = None
    target_factory: FactoryCard | None = None
