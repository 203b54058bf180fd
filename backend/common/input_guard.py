"""The one check every API input passes after Ninja's validation and before the view runs.

Registered for every operation by ``config.api`` (``api.add_decorator(guard_inputs)``), so no In
schema, filter or path parameter has to repeat it:

- text (strings, dict keys, uploaded file names) with a NUL or another control character, or with a
  lone surrogate, is refused: PostgreSQL cannot store NUL, and nobody types one;
- integers outside the 64-bit range of the database columns are refused (page numbers, ids, amounts);
- an uploaded file name longer than the storage allows is refused.

Each refusal is a 422 ``validation_error`` naming the field, like Ninja's own validation errors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from pydantic import BaseModel

from common.errors import field_error

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_FILE_NAME_LENGTH = 200

# C0 controls except tab, line feed and carriage return; DEL; C1 controls; UTF-16 surrogates (only
# reachable through a JSON ``\ud800`` escape, and unencodable on the way out).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

# Parameters Ninja itself adds to a view; their fields are named without the parameter's name.
_UNNAMED = {"ninja_pagination", "payload", "body", "filters"}


def _walk(value: Any, field: str) -> Iterator[tuple[str, str, str]]:
    """Yields ``(field, rule, message)`` for each refused piece of ``value``."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str):
        if _FORBIDDEN.search(value):
            yield field, "control_character", f"{field or '内容'} 含有不可见的控制字符"
    elif isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            yield field, "int_range", f"{field or '数值'} 超出允许范围"
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _walk(getattr(value, name, None), _join(field, info.alias or name))
    elif isinstance(value, dict):
        for key, item in value.items():
            key_text = str(key)
            if isinstance(key, str) and _FORBIDDEN.search(key):
                yield _join(field, "?"), "control_character", "字段名含有不可见的控制字符"
                continue
            yield from _walk(item, _join(field, key_text))
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _walk(item, _join(field, str(index)))
    elif isinstance(value, UploadedFile):
        name = value.name or ""
        if len(name) > MAX_FILE_NAME_LENGTH:
            yield field, "file_name_too_long", f"文件名过长（最多 {MAX_FILE_NAME_LENGTH} 个字符）"
        elif _FORBIDDEN.search(name):
            yield field, "control_character", "文件名含有不可见的控制字符"


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def refusals(values: dict[str, Any]) -> list[dict[str, str]]:
    """Every refused piece of a view's validated arguments, as ``{field, rule, message}``."""
    found = []
    for name, value in values.items():
        prefix = "" if name in _UNNAMED or isinstance(value, BaseModel) else name
        for field, rule, message in _walk(value, prefix):
            found.append({"field": field, "rule": rule, "message": message})
    return found


def check_inputs(values: dict[str, Any]) -> None:
    found = refusals(values)
    if found:
        first = found[0]
        error = field_error(first["field"], first["rule"], first["message"])
        error.detail = found
        raise error


def guard_inputs(view: Callable[..., Any]) -> Callable[..., Any]:
    """An operation decorator (runs after validation): refuses what ``check_inputs`` refuses."""

    @functools.wraps(view)
    def wrapper(request: Any, *args: Any, **kwargs: Any) -> Any:
        check_inputs(kwargs)
        return view(request, *args, **kwargs)

    return wrapper
