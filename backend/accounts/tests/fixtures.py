"""Pytest fixtures built on the accounts builders, loaded as a plugin by the root conftest.py (beside
``common.testing``, which sits in the lowest layer and so cannot import them)."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.tests.factories import signed_in_client


# Accounts of every type are built by ``accounts.tests.factories``; this fixture gives signed-in clients.
@pytest.fixture
def make_client(db: Any) -> Any:
    return signed_in_client
