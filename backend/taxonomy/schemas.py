from __future__ import annotations

from ninja import Field, Schema


class CategoryOut(Schema):
    id: int
    name: str


class IndustryOut(Schema):
    id: int
    code: str
    name: str
    categories: list[CategoryOut]


class AttributeTagOut(Schema):
    id: int
    code: str = Field(..., description="稳定代码，如 urgent_orders")
    name: str


class AttributeGroupOut(Schema):
    id: int
    code: str
    name: str
    tags: list[AttributeTagOut]


class JobTypeOut(Schema):
    id: int
    name: str


class ProcessTypeOut(Schema):
    id: int
    name: str
    industry_id: int | None


class TaxonomyOut(Schema):
    version: int = Field(..., description="标签体系版本号，任何改动都会变化")
    industries: list[IndustryOut]
    attribute_groups: list[AttributeGroupOut]
    job_types: list[JobTypeOut]
    process_types: list[ProcessTypeOut]
