from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "纠纷与反馈"

    def ready(self) -> None:
        from applications.services import register_wage_complaint_filer
        from discovery.trust import register_upheld_complaints
        from moderation.media import register_verdict_handler
        from support import personal_data, selectors, services
        from uploads.access import register_reader
        from uploads.models import FilePurpose
        from verification.complaint_counts import register_complaint_counter

        # Evidence and feedback screenshots: the uploader, and the operators handling them.
        register_reader(FilePurpose.COMPLAINT_EVIDENCE, selectors.can_read_attached_file)
        personal_data.register_all()
        register_wage_complaint_filer(services.file_wage_complaint)
        register_upheld_complaints(selectors.upheld_complaints_count)
        register_complaint_counter(selectors.complaints_about)
        # Their images go through WeChat's image check like every other image (issue #12).
        register_verdict_handler("support.complaint", services.note_risky_evidence)
        register_verdict_handler("support.feedback", services.drop_risky_feedback_image)
