from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "搜索"

    def ready(self) -> None:
        from search import personal_data, signals  # noqa: F401  (signals connects the search-index receivers)

        personal_data.register_all()
