from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "资质认证"

    def ready(self) -> None:
        from verification import personal_data

        personal_data.register_all()
