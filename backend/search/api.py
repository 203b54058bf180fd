from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from common.auth import optional_bearer
from common.ratelimits import rate_limit
from search import selectors
from search.schemas import SearchOut, SearchQuery

router = Router(tags=["搜索"])


@router.get("/search", response=SearchOut, auth=optional_bearer, summary="关键词搜索（全部板块与工厂）")
@rate_limit("search")
def search(request: HttpRequest, params: Query[SearchQuery]) -> Any:
    return selectors.search(
        params.q, kind=params.kind, page=params.page, page_size=params.page_size, cursor=params.cursor
    )
