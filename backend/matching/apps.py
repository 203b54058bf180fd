from __future__ import annotations

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "匹配"

    def ready(self) -> None:
        from matching import personal_data

        personal_data.register_all()
