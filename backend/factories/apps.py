from django.apps import AppConfig


class FactoriesConfig(AppConfig):
    name = "factories"
    verbose_name = "工厂名录"

    def ready(self) -> None:
        from common.screening import register_verdict_handler
        from factories import personal_data, receivers, review
        from factories.visibility import visible_factory_ids
        from notifications.links import register_target

        personal_data.register_all()
        receivers.connect()
        register_target("factories.factoryprofile", visible_factory_ids)
        # A risky factory photo leaves the page and goes to review (issue #12).
        register_verdict_handler("factories.factoryprofile", review.hold_risky_photo)
        register_verdict_handler("factories.factoryprofileedit", review.flag_risky_edit_photo)
