"""Builders for complaint tests: evidence uploads through the API, parties who dealt with each other,
and support staff holding the console role."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.roles import Role
from accounts.tests.factories import make_staff


def png_bytes(color: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return buffer.getvalue()


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


def notifications_of(client: Any, kind: str) -> list[dict[str, Any]]:
    return [n for n in client.get("notifications", {"page_size": 100}).json()["items"] if n["kind"] == kind]
