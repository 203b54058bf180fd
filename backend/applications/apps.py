from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "应聘管理"

    def ready(self) -> None:
        from applications import personal_data

        personal_data.register_all()
