from __future__ import annotations

from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "发现与匹配"

    def ready(self) -> None:
        from matching import personal_data, signals  # noqa: F401  (signals connects the search-index receivers)

        personal_data.register_all()
