from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "标签体系"

    def ready(self) -> None:
        from taxonomy.signals import connect_version_signals

        connect_version_signals()
