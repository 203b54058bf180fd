"""Structured logs without personal data, and optional error reporting (docs/deploy.md).

Every log line in production is one JSON object (``time``, ``level``, ``logger``, ``message``, the record's
extra fields, ``exception``) so the log pipeline can filter on fields. Whatever a log call interpolates
passes through :func:`redact` first: mainland mobile numbers, e-mail addresses, resident ID numbers, bearer
tokens and signed-link signatures never reach the log store or the error reporter, even when a developer
logs a request path or a message body by mistake. Error reporting (sentry-sdk) runs only when ``SENTRY_DSN``
is set, sends no default personal data, and passes each event through the same redaction.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

_PATTERNS: tuple[tuple[re.Pattern[str], str | Any], ...] = (
    (re.compile(r"(?i)\b(bearer|token)([\s=:]+)[A-Za-z0-9._~+/=-]{8,}"), r"\1\2[已隐藏]"),
    (re.compile(r"(?i)([?&](?:sig|signature|x-amz-signature|code|token|phone)=)[^&\s\"']+"), r"\1[已隐藏]"),
    (
        re.compile(r"(?<!\d)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)"),
        "[身份证号]",
    ),
    (re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)"), r"\1****\2"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[邮箱]"),
)

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is emitted as a field.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "color_message", "taskName"}


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = _plain(value)
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class RedactingFormatter(logging.Formatter):
    """The plain development format, with the same redaction."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """sentry-sdk ``before_send``: no user, cookies or headers, and every string redacted."""
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "headers", "data", "env"):
            request.pop(key, None)
    return _scrub(event)  # type: ignore[no-any-return]


def init_error_reporting(*, dsn: str, environment: str, release: str | None = None) -> None:
    import sentry_sdk  # only imported when error reporting is configured

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        # send_default_pii stays at its default (off): no IP addresses, cookies or user fields
        include_local_variables=False,  # locals hold request bodies, phone numbers and tokens
        before_send=scrub_event,  # type: ignore[arg-type]
        traces_sample_rate=0.0,
    )
