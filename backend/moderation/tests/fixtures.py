"""Moderation's pytest fixtures, loaded for every test (``conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from moderation import engine


@pytest.fixture(autouse=True)
def _keyword_automaton_forgets_the_test() -> Iterator[None]:
    """A test's HTTP client runs the on-commit callbacks its transaction holds back, so the process takes
    keywords that test created as committed, and for the re-check interval would keep matching them after
    the rollback removed them. The next test reads the list's version token afresh."""
    yield
    engine.invalidate()
