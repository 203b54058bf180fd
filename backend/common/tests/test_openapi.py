"""The API describes itself: OpenAPI 3 at /api/openapi.json and the docs page at /api/docs."""

from pathlib import Path
from typing import Any

import pytest

from common.testing import ApiClient, ApiResponse

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_every_domain(api: ApiClient) -> None:
    response = api.get("/api/openapi.json")
    assert response.status_code == 200, response
    document = response.json()
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    for expected in ("/api/auth/sms-sign-in", "/api/taxonomy", "/api/uploads", "/api/notifications"):
        assert expected in paths
    assert api.get("/api/docs").status_code == 200


def test_unknown_api_path_is_a_coded_404(api: ApiClient) -> None:
    response = api.get("/api/no-such-thing")
    assert response.status_code == 404


def body_of(response: ApiResponse) -> str:
    raw = response.raw
    return (b"".join(raw.streaming_content) if raw.streaming else raw.content).decode()


def test_h5_app_is_served_at_the_root(api: ApiClient) -> None:
    """The backend serves the built H5 app at / (make run), or a page saying how to build it."""
    response = api.get("/")
    assert response.status_code == 200
    assert "厂贸通" in body_of(response)


def test_favicon_is_the_app_logo(api: ApiClient, settings: Any, tmp_path: Path) -> None:
    settings.H5_DIST_DIR = tmp_path
    assert api.get("/favicon.ico").status_code == 404
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = api.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/png"
