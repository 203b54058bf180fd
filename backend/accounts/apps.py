from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "用户与账号"

    def ready(self) -> None:
        from accounts.personal_data import register_account_models
        from accounts.roles import sync_roles
        from accounts.tokens import user_for_token
        from common.auth import register_token_lookup

        register_account_models()
        register_token_lookup(user_for_token)

        post_migrate.connect(sync_roles, dispatch_uid="accounts.sync_roles")
