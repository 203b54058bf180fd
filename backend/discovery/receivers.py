"""What discovery hooks into the lower layers (connected in ``DiscoveryConfig.ready``; docs/architecture.md,
Cross-app hooks): factory pages get trust signals and favourite marks, a post's page its viewer block."""

from __future__ import annotations

from discovery.selectors import decorate_factories, post_favourite_ids
from factories.selectors import register_card_decorator
from listings.selectors import register_viewer_part


def connect() -> None:
    register_card_decorator(decorate_factories)
    register_viewer_part(post_favourite_ids)
