from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from common.auth import bearer, signed_in_user
from common.pagination import PageNumber
from common.permissions import HasChosenAccountType, require
from common.ratelimits import rate_limit
from messaging import selectors, services
from messaging.models import ConnectionStatus
from messaging.schemas import (
    BlockIn,
    BlockOut,
    ConnectionOut,
    ConnectionStatusIn,
    ContactIn,
    ContactOut,
    ConversationDetailOut,
    ConversationOut,
    MessageIn,
    MessageOut,
    MessagePageOut,
    ReadOut,
    UnreadCountOut,
)

# No ``from __future__ import annotations`` here: Ninja reads the paginated view's parameter types at
# runtime, and the pagination wrapper would resolve string annotations in the wrong module.
router = Router(tags=["消息与对接"])


@router.post("/messaging/contact", response=ContactOut, auth=bearer, summary="联系对方（信息或工厂）")
@require(HasChosenAccountType())
@rate_limit("contact")
def contact(request: HttpRequest, payload: ContactIn) -> Any:
    """打开与对方的会话并记录对接；重复联系同一对象返回同一会话与对接记录。"""
    result = services.contact(
        initiator=signed_in_user(request),
        post_id=payload.post_id,
        factory_id=payload.factory_id,
        message=payload.message,
    )
    return {"conversation_id": result.conversation.pk, "connection_id": result.connection.pk, "created": result.created}


@router.get("/messaging/conversations", response=list[ConversationOut], auth=bearer, summary="会话列表")
@paginate(PageNumber)
def conversations(request: HttpRequest) -> Any:
    return selectors.conversations_for(signed_in_user(request))


@router.get(
    "/messaging/conversations/{conversation_id}", response=ConversationDetailOut, auth=bearer, summary="会话详情"
)
def conversation_detail(request: HttpRequest, conversation_id: int) -> Any:
    return selectors.get_conversation_for(user=signed_in_user(request), conversation_id=conversation_id)


class HistoryQuery(Schema):
    before_id: int | None = Field(None, description="加载这条消息之前的更早消息")
    limit: int = Field(selectors.MESSAGE_PAGE_DEFAULT, ge=1, le=selectors.MESSAGE_PAGE_MAX)


@router.get(
    "/messaging/conversations/{conversation_id}/messages",
    response=MessagePageOut,
    auth=bearer,
    summary="聊天记录（从新到旧分页）",
)
def messages(request: HttpRequest, conversation_id: int, query: Query[HistoryQuery]) -> Any:
    page = selectors.messages_in(
        user=signed_in_user(request), conversation_id=conversation_id, before_id=query.before_id, limit=query.limit
    )
    return {"items": page.items, "has_more": page.has_more, "next_before_id": page.next_before_id}


@router.post(
    "/messaging/conversations/{conversation_id}/messages",
    response={201: MessageOut},
    auth=bearer,
    summary="发送消息（文字或附件）",
)
@rate_limit("chat_send")
def send(request: HttpRequest, conversation_id: int, payload: MessageIn) -> Status[Any]:
    user = signed_in_user(request)
    message = services.send_message(
        sender=user, conversation_id=conversation_id, text=payload.text, file_id=payload.file_id
    )
    return Status(201, selectors.message_for(viewer_id=user.pk, message_id=message.pk))


@router.post("/messaging/conversations/{conversation_id}/read", response=ReadOut, auth=bearer, summary="标记会话已读")
def read(request: HttpRequest, conversation_id: int) -> Any:
    return services.mark_read(user=signed_in_user(request), conversation_id=conversation_id)


@router.post(
    "/messaging/conversations/{conversation_id}/share-phone",
    response={201: MessageOut},
    auth=bearer,
    summary="向对方分享我的手机号",
)
def share_phone(request: HttpRequest, conversation_id: int) -> Status[Any]:
    user = signed_in_user(request)
    message = services.share_phone(user=user, conversation_id=conversation_id)
    return Status(201, selectors.message_for(viewer_id=user.pk, message_id=message.pk))


@router.get("/messaging/unread-count", response=UnreadCountOut, auth=bearer, summary="未读消息总数")
def unread_count(request: HttpRequest) -> Any:
    return {"unread": selectors.unread_total(user=signed_in_user(request))}


class ConnectionQuery(Schema):
    role: Literal["initiated", "received", "all"] = Field("all", description="initiated 我发起的 / received 我收到的")
    status: ConnectionStatus | None = None


@router.get("/messaging/connections", response=list[ConnectionOut], auth=bearer, summary="我的对接记录")
@paginate(PageNumber)
def connections(request: HttpRequest, filters: Query[ConnectionQuery]) -> Any:
    return selectors.connections_for(user=signed_in_user(request), role=filters.role, status=filters.status)


@router.post(
    "/messaging/connections/{connection_id}/status", response=ConnectionOut, auth=bearer, summary="更新对接进度"
)
def connection_status(request: HttpRequest, connection_id: int, payload: ConnectionStatusIn) -> Any:
    user = signed_in_user(request)
    services.update_connection_status(user=user, connection_id=connection_id, status=payload.status)
    return selectors.get_connection_for(user=user, connection_id=connection_id)


@router.post("/messaging/blocks", response={201: BlockOut}, auth=bearer, summary="屏蔽用户")
def block(request: HttpRequest, payload: BlockIn) -> Status[Any]:
    return Status(201, services.block_user(user=signed_in_user(request), blocked_user_id=payload.user_id))


@router.delete("/messaging/blocks/{user_id}", response={204: None}, auth=bearer, summary="解除屏蔽")
def unblock(request: HttpRequest, user_id: int) -> Status[None]:
    services.unblock_user(user=signed_in_user(request), blocked_user_id=user_id)
    return Status(204, None)
