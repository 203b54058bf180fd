"""Background effects of moderation: WeChat's image check of user content other than posts (R-OPS-1)."""

from __future__ import annotations

from uuid import UUID

from django.apps import apps

from accounts.models import User
from common.tasks import current_effect, effect
from moderation import pipeline
from moderation.models import MediaCheck
from uploads.models import StoredFile


@effect("moderation.check_images")
def check_images(*, place: str, file_ids: list[str], author_id: int) -> None:
    """Sends the images a pipeline place saw; a retry skips those WeChat already took for this effect."""
    row = current_effect()
    author = User.objects.filter(pk=author_id).first()
    if author is None:
        return
    target = None
    if row.target_type:
        # The target is any model the pipeline screened (message, profile edit, account): a generic
        # reference, as ``MediaCheck`` itself stores it.
        target = apps.get_model(row.target_type).objects.filter(pk=row.target_id).first()
        if target is None:
            return
    ids = [UUID(i) for i in file_ids]
    files = list(StoredFile.objects.filter(pk__in=ids))
    sent = MediaCheck.objects.filter(
        target_type=row.target_type, target_id=row.target_id, file_id__in=ids, created_at__gte=row.created_at
    ).values_list("file_id", flat=True)
    pipeline.send_image_checks(place=place, files=files, author=author, target=target, already_sent=sent)
