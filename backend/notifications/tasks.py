"""Background effects of notifications: WeChat subscription messages (R-APP-6)."""

from __future__ import annotations

from django.db import transaction

from common.tasks import current_effect, effect, save_progress
from notifications import services


@effect("notifications.send_subscription_message")
def send_subscription_message(*, user_id: int, purpose: str, data: dict[str, str], page: str = "") -> None:
    """Spends one grant (recorded on the effect, so a retry after an outage sends with the same grant
    rather than spending another) and sends. WeChat errors other than a refusal raise and are retried."""
    if not current_effect().state.get("grant_spent"):
        with transaction.atomic():
            if not services.spend_grant(user_id=user_id, purpose=purpose):
                return  # no grant: in-app only
            save_progress(grant_spent=True)
    services.deliver_subscription_message(user_id=user_id, purpose=purpose, data=data, page=page)


@effect("notifications.account_status_changed")
def account_status_changed(*, change_id: int) -> None:
    """Enqueued by ``accounts.services.change_status`` / ``lift_expired_statuses`` (issue #14 item 5)."""
    services.notify_account_status(change_id=change_id)
