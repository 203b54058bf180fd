from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class MethodOverrideMiddleware:
    """wx.request cannot send PATCH: the mini-program sends POST with ``X-HTTP-Method-Override: PATCH``.

    Only PATCH, only under /api/, so no other method can be smuggled through a POST.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method == "POST"
            and request.path.startswith("/api/")
            and request.META.get("HTTP_X_HTTP_METHOD_OVERRIDE", "").upper() == "PATCH"
        ):
            request.method = "PATCH"
        return self.get_response(request)
