from django.apps import AppConfig


class FactoriesConfig(AppConfig):
    name = "factories"
    verbose_name = "工厂名录"

    def ready(self) -> None:
        from factories import personal_data, receivers

        personal_data.register_all()
        receivers.connect()
