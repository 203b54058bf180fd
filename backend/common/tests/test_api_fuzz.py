"""schemathesis over every operation of /api/openapi.json (issue #12 item 4; R-OPS errors are 4xx, never 5xx).

A real server on loopback (``live_api``: uvicorn, its own database). Each operation is called with generated
valid and invalid input, anonymously and with the bearer token of a factory, a trade company and a worker.
No answer may be a server error (5xx) and every documented answer must match its response schema.
Bounded: a few examples per operation, no shrinking, so the whole run stays within a few minutes on 2 cores.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from common.live_server import LiveServer
from config.api import api

# Signing out or cancelling would end the token the other operations use: these two run anonymously.
SESSION_ENDING = {"/api/auth/logout", "/api/me/cancel"}


@pytest.fixture(scope="session")
def http() -> Any:
    with requests.Session() as session:
        yield session


# The same document /api/openapi.json serves, built at collection time (the server starts later).
schema = schemathesis.openapi.from_dict(json.loads(json.dumps(api.get_openapi_schema())))
bounded = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _call(case: Any, identity: str, live_api: LiveServer, http: Any) -> None:
    headers = {}
    if identity != "anonymous":
        if case.path in SESSION_ENDING:
            return
        headers["Authorization"] = f"Bearer {live_api.tokens[identity]}"
    case.call_and_validate(
        base_url=live_api.base_url,
        session=http, headers=headers, checks=[not_a_server_error, response_schema_conformance], timeout=30
    )


@schema.parametrize()
@bounded
def test_anonymous_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "anonymous", live_api, http)


@schema.parametrize()
@bounded
def test_factory_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "factory", live_api, http)


@schema.parametrize()
@bounded
def test_trade_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "trade", live_api, http)


@schema.parametrize()
@bounded
def test_worker_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "worker", live_api, http)
