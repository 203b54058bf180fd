from __future__ import annotations

from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = "发现"

    def ready(self) -> None:
        from discovery import personal_data, receivers

        personal_data.register_all()
        receivers.connect()
