from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "纠纷与反馈"

    def ready(self) -> None:
        from support import personal_data, selectors
        from uploads.access import register_reader
        from uploads.models import FilePurpose

        # Evidence and feedback screenshots: the uploader, and the operators handling them.
        register_reader(FilePurpose.COMPLAINT_EVIDENCE, selectors.can_read_attached_file)
        personal_data.register_all()
