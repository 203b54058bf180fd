"""The one application error type and the codes it carries.

Services raise ``AppError``; ``config.api`` turns it (and Ninja's own errors) into
``{"code", "message", "detail"}``. ``code`` is for machines, ``message`` is Chinese for people.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    status_code = 400

    def __init__(self, code: str, message: str, *, detail: Any = None, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.detail = detail
        if status is not None:
            self.status_code = status


class NotFound(AppError):
    def __init__(self, message: str = "内容不存在或无权查看", *, code: str = "not_found") -> None:
        super().__init__(code, message, status=404)


class PermissionDenied(AppError):
    def __init__(self, message: str = "没有权限执行此操作", *, code: str = "forbidden", detail: Any = None) -> None:
        super().__init__(code, message, status=403, detail=detail)


class Conflict(AppError):
    def __init__(self, code: str, message: str, *, detail: Any = None) -> None:
        super().__init__(code, message, status=409, detail=detail)


class NotAuthenticated(AppError):
    def __init__(self, message: str = "请先登录", *, code: str = "not_authenticated") -> None:
        super().__init__(code, message, status=401)


def field_error(field: str, rule: str, message: str) -> AppError:
    """A validation error that names the field and the rule it broke."""
    return AppError(
        "validation_error", message, detail=[{"field": field, "rule": rule, "message": message}], status=422
    )


def field_errors(errors: list[dict[str, str]]) -> AppError:
    return AppError("validation_error", errors[0]["message"], detail=errors, status=422)
