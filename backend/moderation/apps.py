from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "系统设置"

    def ready(self) -> None:
        from moderation import personal_data, signals  # noqa: F401  (signals keeps every automaton in step)

        personal_data.register_all()

        from common.screening import register_screen
        from moderation.media import register_verdict_handler
        from moderation.pipeline import check_images, clear_risky_avatar, screen

        # accounts and factories screen names, avatars and profiles through the common hook.
        register_screen(screen, check_images)
        register_verdict_handler("accounts.user", clear_risky_avatar)
