from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = "应聘管理"

    def ready(self) -> None:
        from accounts.personal_data import register_eraser, register_exporter
        from applications import services

        register_exporter("applications", services.export_user_data)
        register_eraser("applications", services.erase_user_data)
