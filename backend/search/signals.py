"""Keeps the search index current when posts and factories change (R-APP-1).

Saves that bypass signals (queryset ``update()``) are covered at query time: the owner's account is
joined live, validity is compared with today, and every returned page is re-checked against the source
rows, so an expired or taken-down post never shows even if its document lingers; the approve flow also
calls ``notify_matches_for_post``, which re-indexes the post.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from factories.models import FactoryProfile
from listings.models import Post
from search import services


@receiver(post_save, sender=Post, dispatch_uid="search.index_post")
def _post_saved(sender: Any, instance: Post, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    services.index_post(instance)


@receiver(m2m_changed, sender=Post.process_types.through, dispatch_uid="search.index_post_processes")
def _post_processes_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and isinstance(instance, Post):
        services.index_post(instance)


@receiver(post_save, sender=FactoryProfile, dispatch_uid="search.index_factory")
def _factory_saved(sender: Any, instance: FactoryProfile, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    services.index_factory(instance)


@receiver(m2m_changed, sender=FactoryProfile.categories.through, dispatch_uid="search.index_factory_categories")
@receiver(m2m_changed, sender=FactoryProfile.attributes.through, dispatch_uid="search.index_factory_attributes")
def _factory_tags_changed(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and isinstance(instance, FactoryProfile):
        services.index_factory(instance)
