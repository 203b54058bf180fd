from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints

FieldName = Annotated[str, StringConstraints(min_length=1, max_length=64)]
FieldText = Annotated[str, StringConstraints(max_length=20000)]


class PrecheckIn(Schema):
    texts: dict[FieldName, FieldText] = Field(..., min_length=1, max_length=20, description="字段名 → 文本")


class ContactOut(Schema):
    kind: str = Field(..., description="phone / wechat / qq / url / email")
    field: str
    start: int
    end: int


class PrecheckOut(Schema):
    passed: bool = Field(..., description="没有拦截词（有拦截词时返回 422 content_blocked）")
    contacts: list[ContactOut] = Field(
        default_factory=list, description="识别出的联系方式，提示用户勿在内容中留联系方式"
    )
