"""Keeps the keyword list's version token in step with every change, however it is made (console form,
ORM, fixtures), so each process's automaton is rebuilt."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from moderation import engine
from moderation.models import BannedKeyword


@receiver(post_save, sender=BannedKeyword, dispatch_uid="moderation.keyword_saved")
@receiver(post_delete, sender=BannedKeyword, dispatch_uid="moderation.keyword_deleted")
def _keyword_changed(**_: Any) -> None:
    from moderation.services import bump_keyword_version

    bump_keyword_version()


@receiver(post_migrate, dispatch_uid="moderation.tables_reset")
def _tables_reset(**_: Any) -> None:
    # A flush (test teardown, reset of the embedded run) empties the tables without row signals.
    engine.invalidate()
