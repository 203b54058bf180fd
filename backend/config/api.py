"""The JSON API: one NinjaAPI, one router per domain app, one error shape.

Every domain app that has an ``api.py`` with a ``router`` is mounted under ``/api/`` automatically, so
adding a domain never touches this file. Errors always look like
``{"code": "...", "message": "中文说明", "detail": ...}``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from common.errors import RULE_MESSAGES, AppError
from common.input_guard import guard_inputs

logger = logging.getLogger(__name__)

# Every domain app (config, the project itself, is not one).
DOMAIN_APPS = [app for app in settings.INSTALLED_APPS if "." not in app and app not in {"channels", "unfold", "config"}]

api = NinjaAPI(
    title="厂贸通 API",
    version="1.0.0",
    description="工厂与外贸公司、临时工人供需对接平台的接口。错误统一为 {code, message, detail}。",
    urls_namespace="api",
)
# Text with control characters and integers beyond 64 bits are refused (422) before any view runs.
api.add_decorator(guard_inputs)


def _error(request: HttpRequest, status: int, code: str, message: str, detail: Any = None) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message, "detail": detail}, status=status)


@api.exception_handler(AppError)
def on_app_error(request: HttpRequest, exc: AppError) -> HttpResponse:
    response = _error(request, exc.status_code, exc.code, exc.message, exc.detail)
    for header, value in getattr(exc, "headers", {}).items():  # e.g. Retry-After of a rate limit
        response[header] = value
    return response


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    detail = []
    for err in exc.errors:
        location = [str(part) for part in err.get("loc", ()) if part not in ("body", "payload", "query", "path")]
        rule = str(err.get("type", "invalid"))
        detail.append(
            {"field": ".".join(location), "rule": rule, "message": RULE_MESSAGES.get(rule, str(err.get("msg", "")))}
        )
    first = detail[0] if detail else {"field": "", "message": "提交的数据有误"}
    message = f"{first['field']}：{first['message']}" if first["field"] else first["message"]
    return _error(request, 422, "validation_error", message, detail)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "not_authenticated", "请先登录")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", "内容不存在或无权查看")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:  # Ninja raises it for a body that is not JSON
        return _error(request, 400, "json_invalid", "请求内容不是有效的 JSON")
    return _error(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(RequestDataTooBig)
def on_payload_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    # The one limit: settings.DATA_UPLOAD_MAX_MEMORY_SIZE (files count against their kind's own limit).
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    message = f"提交的内容过大（最多 {limit // 1024} KB）"
    return _error(request, 413, "payload_too_large", message, {"limit_bytes": limit})


@api.exception_handler(MultiPartParserError)
def on_bad_multipart(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    return _error(request, 400, "bad_request", "上传的表单格式有误，请重新选择文件上传")


@api.exception_handler(SuspiciousOperation)
def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    # Too many fields or files in one form, a malformed header value and the like.
    return _error(request, 400, "bad_request", "请求格式有误")


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    if settings.DEBUG:
        raise exc
    logger.exception("unhandled API error")
    return _error(request, 500, "server_error", "服务器开小差了，请稍后再试")


for app_label in DOMAIN_APPS:
    if importlib.util.find_spec(f"{app_label}.api") is None:
        continue
    module = importlib.import_module(f"{app_label}.api")
    router = getattr(module, "router", None)
    if router is not None:
        api.add_router("/", router)
