from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.http import parse_etags
from ninja import Body, Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import TypeAdapter

from common.auth import bearer, current_user, optional_bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import HasChosenAccountType, require
from listings import registry, selectors, services
from listings.models import Post, PostStatus
from listings.schemas import AppealIn, BoardOut, FormSchemaOut, MyPostOut, PostDetailOut, PostIn, parse_post_input

router = Router(tags=["供需信息"])


def _inline_refs(schema: Any, defs: dict[str, Any]) -> Any:
    """The body schema with its ``$defs`` inlined, so it stands alone inside the OpenAPI document."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline_refs(defs[ref.rsplit("/", 1)[-1]], defs)
        return {k: _inline_refs(v, defs) for k, v in schema.items() if k not in {"$defs", "discriminator"}}
    if isinstance(schema, list):
        return [_inline_refs(item, defs) for item in schema]
    return schema


_body_schema = TypeAdapter(PostIn).json_schema()
_POST_BODY_DOC = {
    "requestBody": {
        "content": {"application/json": {"schema": _inline_refs(_body_schema, _body_schema.get("$defs", {}))}},
        "description": "按 kind 区分的表单字段（见 GET /api/listings/form-schema/{kind}）；草稿可缺项",
        "required": True,
    }
}


class MineQuery(Schema):
    status: PostStatus | None = None
    kind: str | None = Field(None, max_length=32, description="信息类型（见 GET /api/boards）")


@router.get(
    "/boards",
    response={200: list[BoardOut], 304: None},
    auth=None,
    summary="板块定义（名称、发布者、排序、筛选）",
    description="带 ETag；请求头 If-None-Match 与当前版本一致时返回 304。",
)
def boards(request: HttpRequest, response: HttpResponse) -> Any:
    definitions = selectors.board_definitions()
    etag = selectors.boards_etag(definitions)
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    wanted = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
    if "*" in wanted or etag.removeprefix("W/") in wanted:
        return Status(304, None)
    return definitions


@router.get("/listings/form-schema/{kind}", response=FormSchemaOut, auth=None, summary="发布表单结构（分步）")
def form_schema(request: HttpRequest, kind: str) -> dict[str, Any]:
    return selectors.form_schema(kind=kind)


@router.post(
    "/listings/posts", response={201: MyPostOut}, auth=bearer, summary="新建草稿", openapi_extra=_POST_BODY_DOC
)
@require(HasChosenAccountType())
def create_post(request: HttpRequest, body: Body[dict[str, Any]]) -> Status[Post]:
    user = signed_in_user(request)
    post = services.create_post(user=user, payload=parse_post_input(body))
    return Status(201, selectors.get_own_post(user=user, post_id=post.pk))


@router.get(
    "/listings/posts/{post_id}",
    response=PostDetailOut,
    auth=optional_bearer,
    summary="信息详情（含当前用户的收藏、报名状态；只读，浏览由 POST /api/discovery/views 记录）",
)
def post_detail(request: HttpRequest, post_id: int) -> Any:
    return selectors.post_page(user=current_user(request), post_id=post_id)


@router.put(
    "/listings/posts/{post_id}",
    response=MyPostOut,
    auth=bearer,
    summary="编辑（已发布的信息修改后需重新审核，审核通过前仍展示原内容）",
    openapi_extra=_POST_BODY_DOC,
)
def update_post(request: HttpRequest, post_id: int, body: Body[dict[str, Any]]) -> Post:
    user = signed_in_user(request)
    services.update_post(user=user, post_id=post_id, payload=parse_post_input(body))
    return selectors.get_own_post(user=user, post_id=post_id)


@router.delete("/listings/posts/{post_id}", response={204: None}, auth=bearer, summary="删除草稿")
def delete_post(request: HttpRequest, post_id: int) -> Status[None]:
    services.delete_draft(user=signed_in_user(request), post_id=post_id)
    return Status(204, None)


@router.post("/listings/posts/{post_id}/submit", response=MyPostOut, auth=bearer, summary="提交审核")
def submit_post(request: HttpRequest, post_id: int) -> Post:
    user = signed_in_user(request)
    services.submit_post(user=user, post_id=post_id)
    return selectors.get_own_post(user=user, post_id=post_id)


@router.post("/listings/posts/{post_id}/appeal", response=MyPostOut, auth=bearer, summary="申诉驳回（每条一次）")
def appeal(request: HttpRequest, post_id: int, payload: AppealIn) -> Post:
    user = signed_in_user(request)
    services.appeal_rejection(user=user, post_id=post_id, note=payload.note)
    return selectors.get_own_post(user=user, post_id=post_id)


@router.post("/listings/posts/{post_id}/take-down", response=MyPostOut, auth=bearer, summary="下架")
def take_down(request: HttpRequest, post_id: int) -> Post:
    user = signed_in_user(request)
    services.take_down(user=user, post_id=post_id)
    return selectors.get_own_post(user=user, post_id=post_id)


@router.post("/listings/posts/{post_id}/relist", response=MyPostOut, auth=bearer, summary="重新上架")
def relist(request: HttpRequest, post_id: int) -> Post:
    user = signed_in_user(request)
    services.relist(user=user, post_id=post_id)
    return selectors.get_own_post(user=user, post_id=post_id)


@router.post("/listings/posts/{post_id}/refresh", response=MyPostOut, auth=bearer, summary="刷新（延长有效期）")
def refresh(request: HttpRequest, post_id: int) -> Post:
    user = signed_in_user(request)
    services.refresh(user=user, post_id=post_id)
    return selectors.get_own_post(user=user, post_id=post_id)


@router.get("/listings/mine", response=list[MyPostOut], auth=bearer, summary="我的发布")
@paginate(PageNumber)
def my_posts(request: HttpRequest, filters: Query[MineQuery]) -> Any:
    if filters.kind is not None:
        registry.require_kind(filters.kind)
    return selectors.my_posts(user=signed_in_user(request), status=filters.status, kind=filters.kind)


@router.get("/listings/mine/counts", response=dict[str, int], auth=bearer, summary="我的发布：各状态数量")
def my_post_counts(request: HttpRequest) -> dict[str, int]:
    return selectors.my_post_counts(user=signed_in_user(request))


@router.get("/listings/mine/{post_id}", response=MyPostOut, auth=bearer, summary="我的发布：详情与表单值")
def my_post(request: HttpRequest, post_id: int) -> Post:
    return selectors.get_own_post(user=signed_in_user(request), post_id=post_id)
