"""Recruitment compliance (issue #16 item 4): online recruitment needs the platform's 人力资源服务许可证.

``current_licence()`` is the active licence valid today (console: 系统设置 → 人力资源服务许可证). Without
one, every board whose ``BoardSpec.needs_recruitment_licence`` (用工) is switched off for the app: its posts
leave every list, search and page (``listings.visibility.live_post_q`` asks ``closed_kinds()``), its list,
detail, form and publishing answer ``recruitment_licence_missing`` (403, Chinese message) — and every
other board works as before. The licence is shown on the labour board (``GET /api/boards``) and on each
job's page (``PostOut.recruitment_licence``).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.utils import timezone

from common.errors import AppError
from listings import registry
from listings.models import RecruitmentLicence

_CACHE_KEY = "listings:recruitment-licence"
_CACHE_SECONDS = 60
LICENCE_MISSING_MESSAGE = "平台人力资源服务许可证未配置或已过期，用工招聘板块暂停服务，其他功能不受影响"


def current_licence() -> dict[str, Any] | None:
    """The licence shown to users (number, issuer, valid until, one line of text), or None."""
    cached = cache.get(_CACHE_KEY)
    if cached is not None:
        licence = cached or None
    else:
        row = (
            RecruitmentLicence.objects.filter(is_active=True, valid_until__gte=timezone.localdate())
            .order_by("-valid_until", "-id")
            .first()
        )
        licence = (
            {
                "number": row.number,
                "issuer": row.issuer,
                "valid_until": row.valid_until.isoformat(),
                "text": f"人力资源服务许可证：{row.number}（{row.issuer}核发，有效期至 {row.valid_until:%Y-%m-%d}）",
            }
            if row is not None
            else None
        )
        cache.set(_CACHE_KEY, licence or {}, _CACHE_SECONDS)
    if licence is not None and licence["valid_until"] < timezone.localdate().isoformat():
        return None  # expired since it was cached
    return licence


def forget_licence(**_: Any) -> None:
    """A licence was saved or deleted: the next request reads it again (connected in ``ListingsConfig``)."""
    cache.delete(_CACHE_KEY)


def licensed_kinds() -> list[str]:
    return [spec.kind for spec in registry.all() if spec.needs_recruitment_licence]


def closed_kinds() -> list[str]:
    """Kinds switched off now: those needing the licence, while there is none."""
    kinds = licensed_kinds()
    return kinds if kinds and current_licence() is None else []


def is_open(kind: str) -> bool:
    return kind not in closed_kinds()


def licence_missing() -> AppError:
    return AppError("recruitment_licence_missing", LICENCE_MISSING_MESSAGE, status=403)


def require_open(kind: str) -> None:
    if not is_open(kind):
        raise licence_missing()


def licence_for(kind: str) -> dict[str, Any] | None:
    """The licence a page of ``kind`` shows (None for boards that need none)."""
    return current_licence() if kind in licensed_kinds() else None
