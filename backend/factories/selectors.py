"""Reads of factories: the owner's profile, a factory's page and who may be seen (R-APP-3, R-APP-5).

The directory list itself is ``discovery.selectors.directory``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from django.db.models import Prefetch, QuerySet

from common.errors import NotFound
from common.presentation import Decorated
from factories.models import FactoryProfile
from factories.visibility import can_view_factory, visible_factory_q
from taxonomy.models import AttributeTag

if TYPE_CHECKING:
    from accounts.models import User

# Hook (docs/architecture.md, Cross-app hooks): what a factory's page shows beyond the profile (trust
# signals, the reader's favourite mark) is filled in by ``discovery`` in its AppConfig.ready.
CardDecorator = Callable[..., list[Any]]
_card_decorators: list[CardDecorator] = []


def register_card_decorator(decorator: CardDecorator) -> None:
    """``decorator(factories, user=...)`` answers a page of factories as the reader's cards (objects
    that read as the factory plus their figures, e.g. ``discovery.cards.FactoryCard``)."""
    if decorator not in _card_decorators:
        _card_decorators.append(decorator)


def decorate_cards(factories: list[Any], *, user: User | None) -> list[Any]:
    for decorator in _card_decorators:
        factories = decorator(factories, user=user)
    return factories


@dataclass(frozen=True, eq=False)
class FactoryPage(Decorated):
    """A factory's page as one reader sees it: the owner sees the full contact phone and 编辑."""

    wraps: ClassVar[str] = "factory"

    factory: Any  # the FactoryProfile, or the card ``decorate_cards`` made of it
    viewer_is_owner: bool


def page_for(factory: Any, *, user: User | None) -> FactoryPage:
    return FactoryPage(factory=factory, viewer_is_owner=user is not None and factory.owner_id == user.pk)


def _with_relations(qs: QuerySet[FactoryProfile]) -> QuerySet[FactoryProfile]:
    return qs.select_related("industry", "region").prefetch_related(
        "categories",
        Prefetch("attributes", queryset=AttributeTag.objects.select_related("group")),
        "photos",
    )


def my_factory(*, user: User | None) -> FactoryProfile:
    profile = _with_relations(FactoryProfile.objects.filter(owner_id=getattr(user, "pk", None))).first()
    if profile is None:
        raise NotFound("尚未填写工厂入驻信息", code="factory_profile_missing")
    return profile


def get_factory_for(*, user: User | None, factory_id: int) -> FactoryProfile:
    """A factory's page: visible factories (``factories.visibility``) for everyone; an unverified or
    hidden one (owner disabled or cancelled) for its owner only."""
    profile = _with_relations(FactoryProfile.objects.select_related("owner").filter(pk=factory_id)).first()
    if profile is None or not can_view_factory(profile, user=user):
        raise NotFound()
    return profile


def visible_factories() -> QuerySet[FactoryProfile]:
    """The factories anyone may see (``factories.visibility``): verified, owner's account visible.
    The discovery directory, search and matching all start from this rule."""
    return FactoryProfile.objects.filter(visible_factory_q())


def with_relations(qs: QuerySet[FactoryProfile]) -> QuerySet[FactoryProfile]:
    """What a factory card shows, loaded in a fixed number of queries."""
    return _with_relations(qs)
