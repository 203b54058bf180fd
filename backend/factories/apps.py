from django.apps import AppConfig


class FactoriesConfig(AppConfig):
    name = "factories"
    verbose_name = "工厂名录"

    def ready(self) -> None:
        from factories import personal_data

        personal_data.register_all()
