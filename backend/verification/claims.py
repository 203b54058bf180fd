"""Short claims on review items (issue #14 item 1): two reviewers are never given the same item at once.

Opening an item in a workbench claims it for ``CLAIM_MINUTES`` (a row per item in ``ReviewClaim``, so every
process and machine sees it). A reviewer holds one claim per queue (``post:`` / ``qualification:``): opening
the next item gives up the previous one; a decision releases it. An expired claim counts as free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from verification.models import ReviewClaim

if TYPE_CHECKING:
    from accounts.models import User

CLAIM_MINUTES = 5


@dataclass(frozen=True)
class ClaimResult:
    mine: bool
    holder_name: str = ""
    expires_at: datetime | None = None


def claim_key(queue: str, item_id: int) -> str:
    return f"{queue}:{item_id}"


@transaction.atomic
def claim(*, reviewer: User, queue: str, item_id: int) -> ClaimResult:
    """Claims the item for ``reviewer`` unless another reviewer's claim is still running."""
    key = claim_key(queue, item_id)
    now = timezone.now()
    expires = now + timedelta(minutes=CLAIM_MINUTES)
    current = ReviewClaim.objects.select_for_update().select_related("holder").filter(key=key).first()
    if current is not None and current.holder_id != reviewer.pk and current.expires_at > now:
        return ClaimResult(mine=False, holder_name=str(current.holder), expires_at=current.expires_at)
    ReviewClaim.objects.filter(holder=reviewer, key__startswith=f"{queue}:").exclude(key=key).delete()
    if current is not None:
        current.holder = reviewer
        current.expires_at = expires
        current.save(update_fields=["holder", "expires_at"])
    else:
        try:
            with transaction.atomic():
                ReviewClaim.objects.create(key=key, holder=reviewer, expires_at=expires)
        except IntegrityError:  # another reviewer claimed it in the same instant
            other = ReviewClaim.objects.select_related("holder").get(key=key)
            return ClaimResult(mine=False, holder_name=str(other.holder), expires_at=other.expires_at)
    return ClaimResult(mine=True, expires_at=expires)


def release(*, reviewer: User, queue: str, item_id: int) -> None:
    ReviewClaim.objects.filter(key=claim_key(queue, item_id), holder=reviewer).delete()


def claimed_by_others(*, reviewer: User, queue: str) -> set[int]:
    """Ids of the queue's items another reviewer holds right now."""
    keys = (
        ReviewClaim.objects.filter(key__startswith=f"{queue}:", expires_at__gt=timezone.now())
        .exclude(holder=reviewer)
        .values_list("key", flat=True)
    )
    return {int(key.split(":", 1)[1]) for key in keys}


def holder_subquery(*, queue: str) -> Subquery:
    """An annotation for a queue's rows: the username of the reviewer holding the row now, or None."""
    key = Concat(Value(f"{queue}:"), Cast(OuterRef("pk"), CharField()))
    return Subquery(ReviewClaim.objects.filter(key=key, expires_at__gt=timezone.now()).values("holder__username")[:1])
