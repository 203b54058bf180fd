from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = "信息发布与审核"

    def ready(self) -> None:
        from listings import boards, personal_data  # noqa: F401 - boards registers the five kinds
        from listings.services import on_risky_image
        from listings.visibility import visible_post_ids
        from moderation.media import register_verdict_handler
        from notifications.links import register_target

        register_verdict_handler("listings.post", on_risky_image)
        register_target("listings.post", visible_post_ids)
        personal_data.register_all()
