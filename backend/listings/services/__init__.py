"""Writes of the boards, by concern: ``content`` (drafts, validation, derived columns), ``lifecycle``
(the owner's actions and counters), ``review`` (the human review and operators' take-downs) and
``expiry``. The public names are re-exported so ``from listings.services import X`` keeps working."""

from listings.services.appeals import appeal_rejection
from listings.services.content import CheckResult, create_post, update_post
from listings.services.expiry import REMIND_DAYS_BEFORE, ExpiryResult, expire_posts
from listings.services.lifecycle import (
    REFRESH_INTERVAL,
    delete_draft,
    record_contact,
    record_view,
    refresh,
    relist,
    request_image_checks,
    set_hired_count,
    submit_post,
    take_down,
)
from listings.services.review import (
    BatchResult,
    approve,
    batch_approve,
    batch_reject,
    on_risky_image,
    reject,
    take_down_by_operator,
)

__all__ = [
    "REFRESH_INTERVAL",
    "REMIND_DAYS_BEFORE",
    "BatchResult",
    "CheckResult",
    "ExpiryResult",
    "appeal_rejection",
    "approve",
    "batch_approve",
    "batch_reject",
    "create_post",
    "delete_draft",
    "expire_posts",
    "on_risky_image",
    "record_contact",
    "record_view",
    "refresh",
    "reject",
    "relist",
    "request_image_checks",
    "set_hired_count",
    "submit_post",
    "take_down",
    "take_down_by_operator",
    "update_post",
]
