"""schemathesis over every operation of /api/openapi.json (issue #12 item 4; R-OPS errors are 4xx, never 5xx).

A real server on loopback (``live_api``: uvicorn, its own database). Each operation is called with generated
valid and invalid input, anonymously and with the bearer token of a factory, a trade company and a worker.
No answer may be a server error (5xx) and every documented answer must match its response schema.
Bounded: a few random examples per operation, no shrinking, so the whole run stays within a few minutes on 2
cores. Besides them, schemathesis's coverage cases (the boundary values of every field: about 1,100 for the post
body, a union over five boards) run where they can find something: anonymously only on the operations open to
anonymous callers (the others answer 401 before reading their input), and on the two post-writing operations only
for the factory, which may publish on every board (the trade company and the worker send the same bodies to the
same validation; they get the random examples there).
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
# With the coverage cases (Phase.explicit) and without.
bounded = settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
random_only = settings(bounded, phases=[Phase.generate])


def _needs_sign_in(ctx: Any) -> bool:
    return {"BearerAuth": []} in (ctx.operation.definition.raw.get("security") or [])


POST_WRITING = {"/api/listings/posts", "/api/listings/posts/{post_id}"}
open_operations, signed_in_operations = schema.exclude(func=_needs_sign_in), schema.include(func=_needs_sign_in)
post_writing = schema.include(path=sorted(POST_WRITING), method=["POST", "PUT"])
other_operations = schema.exclude(path=sorted(POST_WRITING), method=["POST", "PUT"])


def _call(case: Any, identity: str, live_api: LiveServer, http: Any) -> None:
    headers = {}
    if identity != "anonymous":
        if case.path in SESSION_ENDING:
            return
        headers["Authorization"] = f"Bearer {live_api.tokens[identity]}"
    case.call_and_validate(
        base_url=live_api.base_url,
        session=http,
        headers=headers,
        checks=[not_a_server_error, response_schema_conformance],
        timeout=30,
    )


@open_operations.parametrize()
@bounded
def test_anonymous_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "anonymous", live_api, http)


@signed_in_operations.parametrize()
@random_only
def test_anonymous_calls_to_signed_in_operations_answer_no_server_error(
    case: Any, live_api: LiveServer, http: Any
) -> None:
    _call(case, "anonymous", live_api, http)


@schema.parametrize()
@bounded
def test_factory_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "factory", live_api, http)


@other_operations.parametrize()
@bounded
def test_trade_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "trade", live_api, http)


@post_writing.parametrize()
@random_only
def test_trade_post_writing_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "trade", live_api, http)


@other_operations.parametrize()
@bounded
def test_worker_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "worker", live_api, http)


@post_writing.parametrize()
@random_only
def test_worker_post_writing_calls_answer_no_server_error(case: Any, live_api: LiveServer, http: Any) -> None:
    _call(case, "worker", live_api, http)
