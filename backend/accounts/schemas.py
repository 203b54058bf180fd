from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from accounts.identity import is_verified, public_name
from common.crypto import mask_phone


class SmsCodeIn(Schema):
    phone: str = Field(..., max_length=32, description="11 位中国大陆手机号")


class SmsCodeOut(Schema):
    resend_after: int = Field(..., description="多少秒后可再次获取")
    expires_in: int


class SmsSignInIn(Schema):
    phone: str = Field(..., max_length=32)
    code: str = Field(..., max_length=16)


class WeChatSignInIn(Schema):
    code: str = Field(..., max_length=128, description="wx.login 返回的 code")


class WeChatPhoneIn(Schema):
    code: str = Field(..., max_length=128, description="手机号快速验证组件（open-type=getPhoneNumber）返回的 code")


class SmsPhoneIn(Schema):
    phone: str = Field(..., max_length=32, description="11 位中国大陆手机号（先调用 /api/auth/sms-codes）")
    code: str = Field(..., max_length=16, description="短信验证码")


class MeOut(Schema):
    id: int
    display_name: str
    account_type: str = Field(..., description="trade / factory / worker；空字符串表示尚未选择")
    account_type_label: str
    phone_masked: str
    has_phone: bool
    status: str
    status_reason: str
    status_until: datetime | None
    privacy_consented: bool
    avatar_url: str
    date_joined: datetime
    organisation_name: str = Field(..., description="外贸公司、工厂填写的企业名称")
    verified_name: str = Field(..., description="认证通过的营业执照企业名称，未认证为空")
    public_name: str = Field(..., description="其他用户看到的名称（认证名称 > 企业名称 > 昵称）")
    verified: bool = Field(..., description="企业已认证（显示认证标识）")

    @staticmethod
    def resolve_public_name(obj: object) -> str:
        return public_name(obj)

    @staticmethod
    def resolve_verified(obj: object) -> bool:
        return is_verified(obj)

    @staticmethod
    def resolve_account_type_label(obj: object) -> str:
        return obj.get_account_type_display() if getattr(obj, "account_type", "") else ""  # type: ignore[attr-defined]

    @staticmethod
    def resolve_status(obj: object) -> str:
        return obj.effective_status  # type: ignore[attr-defined]

    @staticmethod
    def resolve_phone_masked(obj: object) -> str:
        phone = getattr(obj, "phone", "")
        return mask_phone(phone) if phone else ""

    @staticmethod
    def resolve_has_phone(obj: object) -> bool:
        return bool(getattr(obj, "phone", ""))

    @staticmethod
    def resolve_privacy_consented(obj: object) -> bool:
        return getattr(obj, "privacy_consented_at", None) is not None


class SignInOut(Schema):
    token: str
    is_new: bool
    user: MeOut


class AccountTypeIn(Schema):
    account_type: str = Field(..., description="trade 外贸公司 / factory 工厂 / worker 临时工人")
    organisation_name: str | None = Field(
        None, max_length=100, description="外贸公司、工厂：企业名称（认证通过后显示营业执照上的名称）"
    )
    display_name: str | None = Field(None, max_length=32, description="临时工人：昵称")


class ProfileIn(Schema):
    display_name: str | None = Field(None, max_length=64)
    avatar_url: str | None = None
    organisation_name: str | None = Field(None, max_length=100, description="外贸公司、工厂：企业名称")


class CancelIn(Schema):
    confirmation: str = Field(..., description="输入“确认注销”")


class DataExportOut(Schema):
    id: int
    status: str = Field(..., description="pending 生成中 / ready 已生成 / failed 生成失败")
    status_label: str
    created_at: datetime
    finished_at: datetime | None
    download_url: str | None = Field(None, description="已生成时的下载地址（需登录）")

    @staticmethod
    def resolve_status_label(obj: object) -> str:
        return str(obj.get_status_display())  # type: ignore[attr-defined]

    @staticmethod
    def resolve_download_url(obj: object) -> str | None:
        if getattr(obj, "status", "") != "ready":
            return None
        return f"/api/me/export/{obj.pk}/file"  # type: ignore[attr-defined]
