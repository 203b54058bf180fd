from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address. X-Real-IP is honoured only behind a proxy that sets it
    (``CMT_TRUST_X_REAL_IP=1``); otherwise anyone could pick their own address and dodge rate limits."""
    if settings.TRUST_X_REAL_IP and request.META.get("HTTP_X_REAL_IP"):
        return str(request.META["HTTP_X_REAL_IP"])
    return request.META.get("REMOTE_ADDR")
