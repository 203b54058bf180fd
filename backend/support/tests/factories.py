"""Builders for complaint tests: evidence uploads through the API, parties who dealt with each other,
and support staff holding the console role."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.roles import Role
from accounts.tests.factories import make_staff
from common.testing import (
    notifications_of,  # noqa: F401  (shared helper)
    png_bytes,
)


def upload_evidence(client: Any, color: str = "red") -> str:
    response = client.upload(
        "uploads",
        files={"file": SimpleUploadedFile("evidence.png", png_bytes(color), content_type="image/png")},
        data={"purpose": "complaint_evidence"},
    )
    assert response.status_code == 201, response
    return str(response.json()["id"])


def support_staff() -> Any:
    return make_staff(groups=(Role.SUPPORT.value,))


def reviewer_staff() -> Any:
    return make_staff(groups=(Role.REVIEWER.value,))


def complain(client: Any, **body: Any) -> Any:
    payload = {"category": "fake_info", "description": "岗位信息与实际不符，到厂后要求交押金", **body}
    return client.post("complaints", payload)
