"""What discovery hooks into the lower layers (connected in ``DiscoveryConfig.ready``; docs/architecture.md,
Cross-app hooks): detail pages feed the browsing history, factory pages get trust signals and favourite marks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discovery.selectors import decorate_factories
from discovery.services import record_view
from factories.models import FactoryProfile
from factories.selectors import register_card_decorator
from factories.signals import factory_viewed
from listings.models import Post
from listings.signals import post_viewed

if TYPE_CHECKING:
    from accounts.models import User


def _post_viewed(sender: Any, *, post: Post, user: User | None, **kwargs: Any) -> None:
    record_view(user=user, post=post)


def _factory_viewed(sender: Any, *, factory: FactoryProfile, user: User | None, **kwargs: Any) -> None:
    record_view(user=user, factory=factory)


def connect() -> None:
    register_card_decorator(decorate_factories)
    post_viewed.connect(_post_viewed, sender=Post, dispatch_uid="discovery.history_post")
    factory_viewed.connect(_factory_viewed, sender=FactoryProfile, dispatch_uid="discovery.history_factory")
