from django.apps import AppConfig


class FactoriesConfig(AppConfig):
    name = "factories"
    verbose_name = "工厂名录"
