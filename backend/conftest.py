"""Fixtures live in ``common.testing`` (a pytest plugin, loaded by the root conftest.py)."""

from common.testing import ApiClient, ApiResponse, FakeWeChat

__all__ = ["ApiClient", "ApiResponse", "FakeWeChat"]
