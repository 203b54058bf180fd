"""The API describes itself: OpenAPI 3 at /api/openapi.json and the docs page at /api/docs."""

import pytest

from common.testing import ApiClient

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
