from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from regions import selectors
from regions.schemas import RegionDetailOut, RegionOut

router = Router(tags=["行政区划"])


class ChildrenFilter(Schema):
    parent: str | None = None


@router.get(
    "/regions",
    response=list[RegionOut],
    auth=None,
    summary="下级地区（不传 parent 时为全部省份）",
    description="用于省市区级联选择；每一级最多几十项，不分页。",
)
def list_regions(request: HttpRequest, filters: Query[ChildrenFilter]) -> Any:
    return list(selectors.children_of(filters.parent or None))


@router.get("/regions/{adcode}", response=RegionDetailOut, auth=None, summary="地区详情（含省→市→区路径）")
def region_detail(request: HttpRequest, adcode: str) -> Any:
    return selectors.region_detail(adcode)
