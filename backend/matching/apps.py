from __future__ import annotations

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "匹配"

    def ready(self) -> None:
        from listings.signals import post_approved
        from matching import personal_data, signals
        from matching.services import notify_matches_on_approval

        personal_data.register_all()
        signals.connect()
        post_approved.connect(notify_matches_on_approval, dispatch_uid="matching.notify_on_approval")
