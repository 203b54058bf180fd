"""What discovery hooks into the lower layers (connected in ``DiscoveryConfig.ready``; docs/architecture.md,
Cross-app hooks): factory pages get trust signals and favourite marks, a post's page its viewer block, and
every change a board card or its visibility depends on forgets the cached board answers (``board_cache``)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.models import User
from discovery import board_cache
from discovery.selectors import decorate_factories, post_favourite_ids
from factories.models import FactoryProfile
from factories.selectors import register_card_decorator
from listings.models import Post, PostMedia, RecruitmentLicence
from listings.selectors import register_viewer_part
from taxonomy.models import CategoryTag, Industry, JobType, ProcessType

# Saves of only these account fields change nothing a board shows (a sign-in, a new password).
_QUIET_USER_FIELDS = frozenset({"last_login", "password"})


def _post_changed(sender: Any, instance: Post, **_: Any) -> None:
    board_cache.bump(instance.kind)


def _media_changed(sender: Any, instance: PostMedia, **_: Any) -> None:
    kind = Post.objects.filter(pk=instance.post_id).values_list("kind", flat=True).first()
    board_cache.bump(kind)  # the post is gone already: every board


def _process_types_changed(sender: Any, instance: Any, action: str, **_: Any) -> None:
    if action.startswith("post_"):
        board_cache.bump(instance.kind if isinstance(instance, Post) else None)


def _user_changed(sender: Any, instance: User, update_fields: Any = None, **_: Any) -> None:
    if update_fields is not None and set(update_fields) <= _QUIET_USER_FIELDS:
        return
    board_cache.bump()


def _everything_changed(sender: Any, **_: Any) -> None:
    board_cache.bump()


def connect() -> None:
    register_card_decorator(decorate_factories)
    register_viewer_part(post_favourite_ids)
    for signal in (post_save, post_delete):
        signal.connect(_post_changed, sender=Post, dispatch_uid="discovery-board-post")
        signal.connect(_media_changed, sender=PostMedia, dispatch_uid="discovery-board-media")
        signal.connect(_user_changed, sender=User, dispatch_uid="discovery-board-user")
        # A card names its industry, category, job type and process types: a rename shows at once.
        for model in (FactoryProfile, RecruitmentLicence, Industry, CategoryTag, JobType, ProcessType):
            signal.connect(_everything_changed, sender=model, dispatch_uid=f"discovery-board-{model.__name__}")
    m2m_changed.connect(
        _process_types_changed, sender=Post.process_types.through, dispatch_uid="discovery-board-process-types"
    )
