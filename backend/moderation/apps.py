from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "系统设置"

    def ready(self) -> None:
        from moderation import signals  # noqa: F401  (keeps every process's automaton in step with the list)
