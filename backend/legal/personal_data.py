"""Legal consents in the personal-data registry (issue #16 item 2): exported, kept as proof of consent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accounts.personal_data import Retention, register
from legal.models import Consent

if TYPE_CHECKING:
    from accounts.models import User


def export_consents(user: User) -> list[dict[str, Any]]:
    return [
        {"文件": c.get_kind_display(), "版本": c.version, "同意时间": c.accepted_at.isoformat()}
        for c in Consent.objects.filter(user=user).order_by("accepted_at", "id")
    ]


def register_all() -> None:
    register(
        Consent,
        section="同意的协议",
        exporter=export_consents,
        retention=Retention(
            reason="同意记录证明您在何时同意了哪一版协议与隐私政策（《个人信息保护法》第十四条）",
            period="自注销之日起 3 年",
            anonymised="只含账号编号、文件名称、版本和时间，账号本身已匿名化",
        ),
    )
