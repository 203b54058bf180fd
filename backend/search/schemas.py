from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=50, description="关键词：产品、工种、工艺、工厂名")
    kind: str | None = Field(
        None, max_length=32, description="只看某个板块（GET /api/boards 的 kind，或 factory）；分面计数始终覆盖全部板块"
    )
    page: int = Field(1, ge=1, le=100)
    page_size: int = Field(20, ge=1, le=50)
    cursor: str | None = Field(
        None, max_length=300, description="上一页返回的 next_cursor：给出时从其后接着取（忽略 page 的偏移）"
    )


class SearchHitOut(Schema):
    type: Literal["post", "factory"]
    id: int
    board: str
    board_label: str
    title: str
    title_highlights: list[tuple[int, int]] = Field(..., description="标题中命中词的 [起, 止) 字符区间")
    snippet: str = Field(..., description="纯文本摘要（客户端按区间高亮，勿当作 HTML）")
    highlights: list[tuple[int, int]] = Field(..., description="摘要中命中词的 [起, 止) 字符区间")
    summary: str
    region_name: str
    published_at: datetime | None


class SearchOut(Schema):
    query: str
    terms: list[str] = Field(..., description="分词后用于匹配的词")
    relaxed: bool = Field(..., description="完整词无结果时，放宽为词内的短词匹配")
    facets: dict[str, int] = Field(..., description="各板块命中数（含 factory 工厂）")
    items: list[SearchHitOut]
    count: int
    page: int
    page_size: int
    next_cursor: str | None = Field(None, description="下一页的位置（传回 cursor）；没有更多时为空")
