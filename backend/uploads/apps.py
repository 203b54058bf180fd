from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "uploads"
    verbose_name = "文件"

    def ready(self) -> None:
        from uploads import personal_data

        personal_data.register_all()
