"""Structured logs carry no personal data, and error reports neither (issue #16 item 5, R-SEC personal data)."""

from __future__ import annotations

import io
import json
import logging
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from common.log_format import JsonFormatter, RedactingFormatter, init_error_reporting, redact

PERSONAL = (
    "用户 13812345678 邮箱 zhang.san@example.com 身份证 110101199003071234 "
    "Authorization: Bearer abcDEF123456789xyz"
)


def test_redaction_removes_each_kind_of_personal_data() -> None:
    out = redact(PERSONAL + " GET /api/files/9?sig=AbC123def&x=1 +86 139-1234-5678")
    secrets = ("12345678", "zhang.san", "example.com", "199003071234", "abcDEF123456789xyz", "AbC123def", "1234-5678")
    for secret in secrets:
        assert secret not in out
    assert "138****5678" in out and "139****5678" in out and "[邮箱]" in out and "[身份证号]" in out
    assert "sig=[已隐藏]&x=1" in out


def test_benign_numbers_are_left_alone() -> None:
    text = "订单 20261201 数量 5000 件，单价 12.50 元，请求 42 ms，id 1732000000000"
    assert redact(text) == text


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("cmt.test.json")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield stream
    logger.removeHandler(handler)


def test_a_json_line_has_fields_extras_and_a_redacted_exception(json_log: io.StringIO) -> None:
    logger = logging.getLogger("cmt.test.json")
    logger.info("sms to %s", "13812345678", extra={"status": 200, "path": "/api/x?phone=13812345678"})
    try:
        raise ValueError("bad phone 13900001111")
    except ValueError:
        logger.exception("failed for zhang@example.com")

    first, second = (json.loads(line) for line in json_log.getvalue().splitlines())
    assert first["level"] == "INFO" and first["logger"] == "cmt.test.json"
    assert first["message"] == "sms to 138****5678"
    assert first["status"] == 200 and first["path"] == "/api/x?phone=[已隐藏]"
    assert first["time"].endswith("+00:00")
    assert second["message"] == "failed for [邮箱]"
    assert "ValueError: bad phone 139****1111" in second["exception"]
    assert "13900001111" not in json_log.getvalue()


def test_the_configured_uvicorn_access_log_is_json_and_redacts_query_strings(settings: Any) -> None:
    """What settings.LOGGING gives uvicorn's access log in production (CMT_LOG_FORMAT=json)."""
    import logging.config

    config = json.loads(json.dumps(settings.LOGGING))
    config["handlers"]["console"]["formatter"] = "json"
    logging.config.dictConfig(config)
    try:
        access = logging.getLogger("uvicorn.access")
        stream = io.StringIO()
        access.handlers[0].setStream(stream)  # type: ignore[attr-defined]
        access.info('%s - "%s %s HTTP/%s" %d', "10.0.0.8:5123", "GET",
                    "/api/files/3?sig=SeCrEt&x=1&phone=13812345678", "1.1", 302)
    finally:
        logging.config.dictConfig(settings.LOGGING)
    line = json.loads(stream.getvalue())
    assert line["logger"] == "uvicorn.access"
    assert line["message"] == '10.0.0.8:5123 - "GET /api/files/3?sig=[已隐藏]&x=1&phone=[已隐藏] HTTP/1.1" 302'


def test_the_plain_development_format_redacts_too() -> None:
    formatter = RedactingFormatter("%(message)s")
    record = logging.makeLogRecord({"msg": "call %s", "args": ("13812345678",)})
    assert formatter.format(record) == "call 138****5678"


class _Collector(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            raw = zlib.decompress(raw, 16 + zlib.MAX_WBITS)
        _Collector.bodies.append(raw)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


def test_error_reporting_sends_the_error_to_the_configured_server_without_personal_data() -> None:
    import sentry_sdk

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        init_error_reporting(dsn=f"http://publickey@127.0.0.1:{server.server_port}/42", environment="test")
        sentry_sdk.set_user({"id": 7, "phone": "13812345678"})
        try:
            raise RuntimeError("contact 13812345678 failed")
        except RuntimeError as exc:
            sentry_sdk.capture_exception(exc)
        sentry_sdk.flush(timeout=5)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # back to no reporting for the other tests
        server.shutdown()

    received = b"".join(_Collector.bodies).decode()
    assert "RuntimeError" in received and "138****5678" in received
    assert "13812345678" not in received
