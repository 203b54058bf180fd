from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address. Behind a proxy, the proxy must set X-Real-IP; X-Forwarded-For is not trusted."""
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")
