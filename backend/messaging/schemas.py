"""In/Out shapes of the messaging API. Out schemas read the per-viewer annotations the selectors add
(``viewer_id``, ``sender_shared``, ``counterpart_shared`` …), so the other party's phone and the contact
details they typed are masked until they share them (R-PLUS-3)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from accounts.identity import is_verified, public_name
from accounts.visibility import is_account_visible
from messaging import display
from uploads.schemas import StoredFileOut


class ContactIn(Schema):
    post_id: int | None = Field(None, description="联系的信息 id（与 factory_id 二选一）")
    factory_id: int | None = Field(None, description="联系的工厂 id（与 post_id 二选一）")
    message: str = Field("", max_length=2000, description="可选：同时发出的第一条消息")


class ContactOut(Schema):
    conversation_id: int
    connection_id: int
    created: bool = Field(..., description="是否新建了对接记录（重复联系同一对象时为 false）")


class UserBriefOut(Schema):
    id: int
    display_name: str = Field(..., description="对外名称（accounts.identity：认证企业名称 > 企业名称 > 昵称）")
    verified: bool = Field(..., description="企业已认证：名称旁显示认证标识")
    organisation_name: str = Field(..., description="工厂账号的工厂名称，其他为空")
    avatar_url: str
    account_type: str

    # An account that is disabled or cancelled (``accounts.visibility``) shows as 已停用 / 已注销:
    # the conversation stays readable, without the account's live name, factory, avatar or phone.
    @staticmethod
    def resolve_display_name(obj: Any) -> str:
        return public_name(obj)

    @staticmethod
    def resolve_verified(obj: Any) -> bool:
        return is_verified(obj)

    @staticmethod
    def resolve_organisation_name(obj: Any) -> str:
        return display.organisation_name(obj) if is_account_visible(obj) else ""

    @staticmethod
    def resolve_avatar_url(obj: Any) -> str:
        return str(obj.avatar_url) if is_account_visible(obj) else ""


class CounterpartOut(UserBriefOut):
    phone: str | None = Field(None, description="对方手机号：对方分享前打码显示")

    @staticmethod
    def resolve_phone(obj: display.Counterpart) -> str | None:
        # Never the raw field: ``phone_shown`` comes from the conversation, which knows what was shared.
        return obj.phone_shown if is_account_visible(obj.user) else None


class MessageOut(Schema):
    id: int
    conversation_id: int
    sender_id: int
    is_mine: bool
    kind: str = Field(..., description="text 文字 / image 图片 / file 文件 / contact_share 联系方式")
    text: str = Field(..., description="对方分享联系方式前，其中的手机号、微信号等打码显示")
    masked: bool = Field(..., description="text 是否经过打码")
    file: StoredFileOut | None
    created_at: datetime
    review: str | None = Field(
        None, description="held 等待平台审核 / rejected 未通过审核（仅发送人可见原因）/ null 已送达"
    )
    review_reason: str = Field("", description="未通过审核的原因（仅发送人）")

    @staticmethod
    def resolve_is_mine(obj: Any) -> bool:
        return bool(obj.sender_id == obj.viewer_id)

    @staticmethod
    def resolve_text(obj: Any) -> str:
        return display.message_text(obj, viewer_id=obj.viewer_id, sender_shared=obj.sender_shared)

    @staticmethod
    def resolve_masked(obj: Any) -> bool:
        return display.is_masked(obj, viewer_id=obj.viewer_id, sender_shared=obj.sender_shared)

    @staticmethod
    def resolve_review(obj: Any) -> str | None:
        return display.review_state(obj)

    @staticmethod
    def resolve_review_reason(obj: Any) -> str:
        if obj.sender_id != obj.viewer_id:
            return ""
        return str((obj.moderation or {}).get("reject_reason") or "")

    @staticmethod
    def resolve_file(obj: Any) -> Any:
        # A held attachment (WeChat judged the image risky) is not shown to the recipient.
        if obj.sender_id != obj.viewer_id and display.is_held(obj):
            return None
        return obj.file


class MessageIn(Schema):
    text: str | None = Field(None, max_length=2000, description="文字内容（与 file_id 二选一）")
    file_id: UUID | None = Field(None, description="附件：先以 purpose=chat_attachment 上传")


class MessagePageOut(Schema):
    items: list[MessageOut]
    has_more: bool
    next_before_id: int | None = Field(None, description="加载更早消息时作为 before_id")


class LastMessageOut(Schema):
    id: int
    sender_id: int
    kind: str
    preview: str
    created_at: datetime


class ConversationOut(Schema):
    id: int
    counterpart: CounterpartOut
    last_message: LastMessageOut | None
    last_message_at: datetime | None
    unread: int
    last_read_at: datetime | None
    counterpart_last_read_at: datetime | None = Field(None, description="对方最近已读时间（此前的消息对方已读）")
    i_shared_phone: bool
    counterpart_shared_phone: bool
    i_blocked: bool = Field(..., description="我是否已屏蔽对方")

    @staticmethod
    def resolve_counterpart(obj: Any) -> display.Counterpart:
        counterpart = obj.user_high if obj.user_low_id == obj.viewer_id else obj.user_low
        return display.counterpart(counterpart, shared=bool(obj.counterpart_shared))

    @staticmethod
    def resolve_last_message(obj: Any) -> dict[str, Any] | None:
        message = obj.last_message
        if message is None:
            return None
        shared = obj.counterpart_shared if message.sender_id != obj.viewer_id else obj.me_shared
        return {
            "id": message.pk,
            "sender_id": message.sender_id,
            "kind": message.kind,
            "preview": display.preview(message, viewer_id=obj.viewer_id, sender_shared=shared),
            "created_at": message.created_at,
        }

    @staticmethod
    def resolve_unread(obj: Any) -> int:
        return int(obj.my_unread)

    @staticmethod
    def resolve_last_read_at(obj: Any) -> datetime | None:
        return obj.my_last_read_at  # type: ignore[no-any-return]

    @staticmethod
    def resolve_i_shared_phone(obj: Any) -> bool:
        return bool(obj.me_shared)

    @staticmethod
    def resolve_counterpart_shared_phone(obj: Any) -> bool:
        return bool(obj.counterpart_shared)


class SubjectPostOut(Schema):
    id: int
    kind: str
    title: str

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj)


class SubjectFactoryOut(Schema):
    id: int
    name: str


class ConnectionBriefOut(Schema):
    id: int
    initiator_id: int
    status: str
    status_label: str
    post: SubjectPostOut | None
    factory: SubjectFactoryOut | None
    created_at: datetime

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())


class ConversationDetailOut(ConversationOut):
    connections: list[ConnectionBriefOut]

    @staticmethod
    def resolve_connections(obj: Any) -> list[Any]:
        return list(obj.connections.all())


class ConnectionOut(Schema):
    id: int
    role: str = Field(..., description="initiated 我发起的 / received 我收到的")
    status: str = Field(
        ..., description="contacted 已联系 / replied 已回复 / negotiating 洽谈中 / deal 已成交 / no_deal 未成交"
    )
    status_label: str
    counterpart: UserBriefOut
    post: SubjectPostOut | None
    factory: SubjectFactoryOut | None
    conversation_id: int
    created_at: datetime
    first_reply_at: datetime | None
    status_changed_at: datetime | None
    deal_at: datetime | None

    @staticmethod
    def resolve_role(obj: Any) -> str:
        return "initiated" if obj.initiator_id == obj.viewer_id else "received"

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_counterpart(obj: Any) -> Any:
        return obj.counterpart if obj.initiator_id == obj.viewer_id else obj.initiator


class ConnectionStatusIn(Schema):
    status: str = Field(..., description="negotiating 洽谈中 / deal 已成交 / no_deal 未成交")


class ReadOut(Schema):
    conversation_id: int
    unread: int
    last_read_at: datetime


class UnreadCountOut(Schema):
    unread: int


class BlockIn(Schema):
    user_id: int


class BlockOut(Schema):
    blocked_user_id: int
    created_at: datetime

    @staticmethod
    def resolve_blocked_user_id(obj: Any) -> int:
        return int(obj.blocked_id)
