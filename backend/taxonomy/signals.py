"""Every saved or deleted taxonomy row bumps ``TaxonomyVersion``.

Signals (rather than only the services) because the console edits these tables through the ORM — add
forms, inline rows, list_editable, bulk delete — and each of those must change the ETag so the user
side's publish forms see a new tag at once (R-ADM-4). Bulk writes that skip signals
(``QuerySet.update``, ``bulk_update``) must call ``services.bump_version`` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from taxonomy.models import AttributeGroup, AttributeTag, CategoryTag, Industry, JobType, ProcessType

VERSIONED_MODELS = (Industry, CategoryTag, AttributeGroup, AttributeTag, JobType, ProcessType)


def _on_change(**_: Any) -> None:
    from taxonomy.services import bump_version

    bump_version()


def connect_version_signals() -> None:
    for model in VERSIONED_MODELS:
        uid = f"taxonomy.version.{model.__name__}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + ".delete")
