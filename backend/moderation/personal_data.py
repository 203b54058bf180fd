"""Moderation's rows in the personal-data registry (R-PLUS-5): only operators create banned keywords."""

from __future__ import annotations

from accounts.personal_data import Retention, register
from moderation.models import BannedKeyword


def register_all() -> None:
    register(
        BannedKeyword,
        retention=Retention(
            reason="违禁词由运营人员维护，记录创建人便于追溯",
            period="违禁词存在期间",
            anonymised="只含运营人员的账号编号，不含个人信息",
        ),
    )
