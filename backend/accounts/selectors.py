from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import AccountStatusChange, User
from common import crypto


def user_by_phone(phone: str) -> User | None:
    return User.objects.filter(phone_index=crypto.blind_index(phone, context="user.phone")).first()


def status_history(user: User) -> QuerySet[AccountStatusChange]:
    return user.status_changes.select_related("operator").all()
