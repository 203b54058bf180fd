"""Keeps the search index current when posts and factories change (R-APP-1).

Each change enqueues a re-index effect (``search.tasks``), coalesced: one per post or factory per
transaction however many saves and m2m changes it made (a draft's create is a save plus two m2m
changes), run by a worker after commit on the rows as committed.

An owner's account save that may change who sees them (status, its end, active, cancelled) re-marks
their documents (``search.index_owner``). Saves that bypass signals (queryset ``update()``) are covered
for what a page shows: validity is compared with today, and every returned page is re-checked against
the source rows by their own rules, so an expired or taken-down post never shows even if its document
lingers (it may be counted in a facet until the next save or rebuild).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from accounts.models import User
from common.tasks import enqueue_coalesced
from factories.models import FactoryProfile
from listings.models import Post


def reindex_post(post_id: int) -> None:
    enqueue_coalesced("search.index_post", key=f"search.index_post:{post_id}", post_id=post_id)


def reindex_factory(factory_id: int) -> None:
    enqueue_coalesced("search.index_factory", key=f"search.index_factory:{factory_id}", factory_id=factory_id)


@receiver(post_save, sender=Post, dispatch_uid="search.index_post")
def _post_saved(sender: Any, instance: Post, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    reindex_post(instance.pk)


@receiver(m2m_changed, sender=Post.process_types.through, dispatch_uid="search.index_post_processes")
def _post_processes_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and isinstance(instance, Post):
        reindex_post(instance.pk)


@receiver(post_save, sender=FactoryProfile, dispatch_uid="search.index_factory")
def _factory_saved(sender: Any, instance: FactoryProfile, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    reindex_factory(instance.pk)


@receiver(m2m_changed, sender=FactoryProfile.categories.through, dispatch_uid="search.index_factory_categories")
@receiver(m2m_changed, sender=FactoryProfile.attributes.through, dispatch_uid="search.index_factory_attributes")
def _factory_tags_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and isinstance(instance, FactoryProfile):
        reindex_factory(instance.pk)


# The fields ``accounts.visibility`` reads: a save naming none of them (a login, a profile edit) is skipped.
OWNER_VISIBILITY_FIELDS = frozenset({"status", "status_until", "is_active", "deleted_at"})


@receiver(post_save, sender=User, dispatch_uid="search.index_owner")
def _owner_saved(
    sender: Any, instance: User, created: bool, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    if raw or created or (update_fields is not None and not OWNER_VISIBILITY_FIELDS & set(update_fields)):
        return
    enqueue_coalesced("search.index_owner", key=f"search.index_owner:{instance.pk}", user_id=instance.pk)
