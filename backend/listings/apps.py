from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = "信息发布与审核"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from listings import boards, compliance, personal_data  # noqa: F401 - boards registers the five kinds
        from listings.models import RecruitmentLicence
        from listings.services import on_risky_image
        from listings.visibility import visible_post_ids
        from moderation.media import register_verdict_handler
        from notifications.links import register_target

        register_verdict_handler("listings.post", on_risky_image)
        register_target("listings.post", visible_post_ids)
        personal_data.register_all()
        post_save.connect(compliance.forget_licence, sender=RecruitmentLicence, dispatch_uid="licence-saved")
        post_delete.connect(compliance.forget_licence, sender=RecruitmentLicence, dispatch_uid="licence-deleted")
