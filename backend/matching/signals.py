"""Keeps the factories' ranking rows (``FactoryRank``) in step with what they are built from (issue #13).

A change of a factory's profile, tags or verified badge, or of one of its owner's posts (capacity comes
from the published supply posts), enqueues a refresh of that owner's rows, coalesced to one per owner
per transaction and run after commit on the rows as committed (effect ``matching.refresh_factory_rank``).
What changes without a save — a post passing its ``valid_until``, a reply ageing into the response rate,
a bulk ``update()`` — is caught by the hourly job ``refresh_factory_ranks``; exact rescoring of the
ranked factories on their live rows keeps a lagging row from ever changing a score shown.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from common.tasks import enqueue_coalesced
from factories.models import FactoryProfile
from listings.models import Post
from verification.models import Qualification
from verification.signals import factory_licence_changed


def refresh_owner(owner_id: int) -> None:
    enqueue_coalesced(
        "matching.refresh_factory_rank", key=f"matching.refresh_factory_rank:{owner_id}", owner_id=owner_id
    )


def _factory_saved(sender: Any, instance: FactoryProfile, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_owner(instance.owner_id)


def _factory_tags_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and isinstance(instance, FactoryProfile):
        refresh_owner(instance.owner_id)


def _post_changed(sender: Any, instance: Post, raw: bool = False, **kwargs: Any) -> None:
    if not raw and instance.capacity_per_day is not None:
        refresh_owner(instance.owner_id)


def _licence_changed(sender: Any, *, user: Any, **kwargs: Any) -> None:
    refresh_owner(user.pk)


def connect() -> None:
    """Connected in ``MatchingConfig.ready``."""
    post_save.connect(_factory_saved, sender=FactoryProfile, dispatch_uid="matching.rank_factory")
    for through in (FactoryProfile.categories.through, FactoryProfile.attributes.through):
        m2m_changed.connect(_factory_tags_changed, sender=through, dispatch_uid=f"matching.rank_{through.__name__}")
    post_save.connect(_post_changed, sender=Post, dispatch_uid="matching.rank_post_saved")
    post_delete.connect(_post_changed, sender=Post, dispatch_uid="matching.rank_post_deleted")
    factory_licence_changed.connect(_licence_changed, sender=Qualification, dispatch_uid="matching.rank_licence")
