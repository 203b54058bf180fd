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


# The Chinese message of each pydantic validation rule, for ``detail = [{field, rule, message}]``.
RULE_MESSAGES = {
    "missing": "必填项",
    "string_too_long": "内容过长",
    "string_too_short": "内容过短",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "less_than": "数值过大",
    "int_parsing": "应为整数",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式有误",
    "bool_parsing": "应为是/否",
    "enum": "选项无效",
    "literal_error": "选项无效",
    "list_type": "应为列表",
    "string_type": "应为文本",
    "json_invalid": "请求内容不是有效的 JSON",
    "finite_number": "应为有限的数字",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "decimal_type": "应为数字",
    "decimal_max_digits": "数字位数过多",
    "decimal_max_places": "小数位数过多",
    "bool_type": "应为是/否",
    "model_type": "应为对象",
    "dict_type": "应为对象",
    "model_attributes_type": "应为对象",
    "uuid_parsing": "应为有效的编号",
    "uuid_type": "应为有效的编号",
    "too_long": "项目过多",
    "too_short": "项目过少",
    "string_pattern_mismatch": "格式不正确",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "datetime_type": "时间格式有误",
}
