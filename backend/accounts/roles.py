"""Console roles as permission groups (R-ROLE-4). Declared here, synced after every migrate.

A role lists, per app label, which model permissions it holds; ``"*"`` means every model of the app.
Models that do not exist yet are skipped, so a role grows as apps land without a new migration.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Role(StrEnum):
    REVIEWER = "审核员"
    SUPPORT = "客服"
    ADMIN = "运营管理员"


VIEW = ("view",)
REVIEW = ("view", "change")
ALL = ("view", "add", "change", "delete")

ROLE_PERMISSIONS: dict[Role, dict[str, dict[str, tuple[str, ...]]]] = {
    Role.REVIEWER: {
        "verification": {"*": REVIEW},
        "listings": {"*": REVIEW},
        "moderation": {"*": VIEW},
        "uploads": {"*": VIEW},
        "accounts": {"user": VIEW},
        # Reviewers decide on edits of verified factories' public profiles (工厂资料修改审核).
        "factories": {"*": VIEW, "factoryprofileedit": REVIEW},
        # Reviewers release or reject chat messages the moderation pipeline held (待审聊天消息).
        "messaging": {"heldmessage": REVIEW},
    },
    Role.SUPPORT: {
        "support": {"*": REVIEW},
        "messaging": {"*": VIEW},
        "applications": {"*": VIEW},
        "accounts": {"user": VIEW, "accountstatuschange": VIEW},
        "listings": {"*": VIEW},
        "factories": {"*": VIEW},
        "uploads": {"*": VIEW},
        "verification": {"*": VIEW},
    },
    Role.ADMIN: {
        "accounts": {"user": REVIEW, "accountstatuschange": VIEW},
        "verification": {"*": ALL},
        "listings": {"*": ALL},
        "moderation": {"*": ALL},
        "taxonomy": {"*": ALL},
        "discovery": {"announcement": ALL},
        "regions": {"*": VIEW},
        "factories": {"*": ALL},
        "uploads": {"*": VIEW},
        "notifications": {"*": VIEW},
        "support": {"*": ALL},
        "messaging": {"*": VIEW},
        "applications": {"*": VIEW},
        "dashboard": {"*": ALL},
        "common": {"auditentry": VIEW, "effect": REVIEW},
    },
}

# Pages only admins reach, whatever a role above says (the console checks these codenames).
ADMIN_ONLY_PERMISSIONS = ("accounts.change_user",)


def sync_roles(**_: Any) -> None:
    """Creates the role groups and sets exactly the permissions declared above."""
    from django.contrib.auth.models import Group, Permission

    for role, apps in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = []
        for app_label, models in apps.items():
            perms = Permission.objects.filter(content_type__app_label=app_label)
            for model, actions in models.items():
                scoped = perms if model == "*" else perms.filter(content_type__model=model)
                wanted += [p for p in scoped if p.codename.split("_", 1)[0] in actions]
        group.permissions.set(wanted)
