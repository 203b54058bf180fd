from django.apps import AppConfig


class FactoriesConfig(AppConfig):
    name = "factories"
    verbose_name = "工厂名录"

    def ready(self) -> None:
        from factories import personal_data, receivers
        from factories.visibility import visible_factory_ids
        from notifications.links import register_target

        personal_data.register_all()
        receivers.connect()
        register_target("factories.factoryprofile", visible_factory_ids)
