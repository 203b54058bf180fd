from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address. X-Real-IP is honoured only behind a proxy that sets it
    (``CMT_TRUST_X_REAL_IP=1``); otherwise anyone could pick their own address and dodge rate limits."""
    if settings.TRUST_X_REAL_IP and request.META.get("HTTP_X_REAL_IP"):
        return str(request.META["HTTP_X_REAL_IP"])
    return request.META.get("REMOTE_ADDR")


def scope_client_ip(scope: Mapping[str, Any]) -> str | None:
    """``client_ip`` for an ASGI scope (the chat WebSocket), by the same rule."""
    if settings.TRUST_X_REAL_IP:
        for name, value in scope.get("headers", ()):
            if name.lower() == b"x-real-ip" and value:
                return bytes(value).decode("latin-1")
    client = scope.get("client")
    return str(client[0]) if client else None
