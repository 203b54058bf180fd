from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "纠纷与反馈"

    def ready(self) -> None:
        from accounts.personal_data import register_exporter
        from support import selectors, services
        from uploads.access import register_reader
        from uploads.models import FilePurpose

        # Evidence and feedback screenshots: the uploader, and the operators handling them.
        register_reader(FilePurpose.COMPLAINT_EVIDENCE, selectors.can_read_attached_file)
        register_exporter("complaints", services.export_complaints)
        register_exporter("feedback", services.export_feedback)
