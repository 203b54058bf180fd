"""Builders for qualification tests: valid codes computed with our own checksum functions, licence
files stored through the real upload path, submissions in any state."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from accounts.roles import Role
from accounts.tests.factories import make_staff
from uploads.models import FilePurpose
from uploads.tests.factories import make_stored_file
from verification.models import Qualification, QualificationKind, QualificationStatus
from verification.validators import id_check_char, uscc_check_char

_seq = itertools.count(1)


def valid_uscc(n: int | None = None, *, region: str = "330212") -> str:
    body = f"91{region}MA1{(n if n is not None else next(_seq)):06d}"
    return body + uscc_check_char(body)


def wrong_check_char(code: str, alphabet: str) -> str:
    """The same code with a different (so wrong) final character."""
    replacement = next(ch for ch in alphabet if ch != code[-1])
    return code[:-1] + replacement


def valid_id_number(*, birth: str = "19900307", region: str = "330212", seq: str = "123") -> str:
    body = f"{region}{birth}{seq}"
    return body + id_check_char(body)


def licence_file(owner: Any) -> Any:
    return make_stored_file(owner=owner, purpose=FilePurpose.LICENCE, name="营业执照.jpg")


def licence_payload(owner: Any, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "company_name": "宁波市鄞州恒达不锈钢制品厂",
        "credit_code": valid_uscc(),
        "legal_representative": "王建国",
        "registered_address": "浙江省宁波市鄞州区姜山镇工业园区 18 号",
        "valid_until": None,
        "is_long_term": True,
        "file_ids": [str(licence_file(owner).pk)],
    }
    payload.update(overrides)
    return payload


def make_licence(
    user: Any,
    *,
    status: str = QualificationStatus.APPROVED,
    valid_until: date | None = None,
    company_name: str = "测试制品厂",
    review_due_at: Any = None,
) -> Qualification:
    now = timezone.now()
    return Qualification.objects.create(
        user=user,
        kind=QualificationKind.BUSINESS_LICENCE,
        status=status,
        company_name=company_name,
        credit_code=valid_uscc(),
        legal_representative="张三",
        registered_address="浙江省宁波市鄞州区",
        valid_until=valid_until,
        is_long_term=valid_until is None,
        review_due_at=review_due_at or now + timedelta(days=1),
        reviewed_at=now if status != QualificationStatus.PENDING else None,
    )


def make_reviewer() -> Any:
    return make_staff(groups=(Role.REVIEWER.value,))
