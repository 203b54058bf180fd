from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = "消息与对接"

    def ready(self) -> None:
        from accounts.personal_data import register_eraser, register_exporter
        from messaging import selectors, services
        from uploads.access import register_reader
        from uploads.models import FilePurpose

        # Both parties of a conversation read its attachments; nobody else (R-OPS-3).
        register_reader(FilePurpose.CHAT_ATTACHMENT, selectors.is_party_to_file)
        register_exporter("messaging", services.export_user_data)
        register_eraser("messaging", services.erase_user_data)
