from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = "协议与政策"

    def ready(self) -> None:
        from legal import checks, personal_data  # noqa: F401  (checks registers itself)

        personal_data.register_all()
