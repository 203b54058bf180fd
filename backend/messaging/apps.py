from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = "消息与对接"

    def ready(self) -> None:
        from discovery.trust import register_response_stats
        from messaging import personal_data, selectors, services
        from moderation.media import register_verdict_handler
        from uploads.access import register_reader
        from uploads.models import FilePurpose

        # Both parties of a conversation read its attachments; nobody else (R-OPS-3).
        register_reader(FilePurpose.CHAT_ATTACHMENT, selectors.is_party_to_file)
        personal_data.register_all()
        register_response_stats(selectors.response_stats)
        register_verdict_handler("messaging.message", services.hold_risky_attachment)
