"""Background effects of listings: WeChat's image check of a submitted post (R-OPS-1)."""

from __future__ import annotations

from common.tasks import effect
from listings.services import request_image_checks


@effect("listings.request_image_checks")
def request_image_checks_effect(*, post_id: int, owner_id: int) -> None:
    request_image_checks(post_id=post_id, owner_id=owner_id)
