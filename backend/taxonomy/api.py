from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from taxonomy import selectors
from taxonomy.schemas import TaxonomyOut

router = Router(tags=["标签体系"])


def _etag_matches(header: str, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    # Weak comparison: proxies may strip or add the W/ prefix.
    wanted = etag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == wanted for candidate in header.split(","))


@router.get(
    "/taxonomy",
    response={200: TaxonomyOut, 304: None},
    auth=None,
    summary="标签体系（行业、品类、属性标签、工种、工艺）",
    description="带 ETag；请求头 If-None-Match 与当前版本一致时返回 304。运营后台的任何改动都会立即改变版本。",
)
def get_taxonomy(request: HttpRequest, response: HttpResponse) -> Any:
    version = selectors.current_version()
    etag = selectors.etag_for(version)
    response["ETag"] = etag
    # Clients may keep a copy but must revalidate every time, so a console edit shows at once (R-ADM-4).
    response["Cache-Control"] = "no-cache"
    if _etag_matches(request.headers.get("If-None-Match", ""), etag):
        return Status(304, None)
    return selectors.taxonomy_tree(version=version)
