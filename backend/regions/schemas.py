from __future__ import annotations

from ninja import Field, Schema


class RegionOut(Schema):
    adcode: str = Field(..., description="行政区划代码（6 位）")
    name: str
    level: int = Field(..., description="1 省 / 2 市 / 3 区县")
    parent_adcode: str | None = Field(None, alias="parent_id")
    full_name: str
    latitude: float | None
    longitude: float | None


class RegionDetailOut(RegionOut):
    path: list[RegionOut] = Field(..., description="从省到本级的路径")
