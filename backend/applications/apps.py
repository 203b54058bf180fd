from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "应聘管理"

    def ready(self) -> None:
        from applications import personal_data
        from applications.selectors import viewer_application
        from listings.selectors import register_viewer_part

        personal_data.register_all()
        register_viewer_part(viewer_application)
