from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from ninja import Router, Status

from accounts import selectors, services
from accounts.schemas import (
    AccountTypeIn,
    CancelIn,
    DataExportOut,
    MeOut,
    ProfileIn,
    SignInOut,
    SmsCodeIn,
    SmsCodeOut,
    SmsPhoneIn,
    SmsSignInIn,
    WeChatPhoneIn,
    WeChatSignInIn,
)
from common.auth import bearer, bearer_key, signed_in_user
from common.errors import AppError
from common.permissions import SignedIn, require
from common.ratelimits import phone_key, rate_limit
from common.request import client_ip

router = Router(tags=["账号与登录"])


def _phone_key(phone: str) -> str:
    """The phone as a rate-limit key; a malformed one is refused by the service (422) before any SMS."""
    try:
        return phone_key(services.normalise_phone(phone))
    except AppError:
        return phone_key(phone)


@router.post("/auth/sms-codes", response={202: SmsCodeOut}, auth=None, summary="获取短信验证码")
@rate_limit("sms_send", phone=lambda kwargs: _phone_key(kwargs["payload"].phone))
def request_sms_code(request: HttpRequest, payload: SmsCodeIn) -> Status[dict[str, int]]:
    resend_after = services.request_sms_code(phone=payload.phone, ip_address=client_ip(request))
    return Status(202, {"resend_after": resend_after, "expires_in": settings.SMS_CODE_TTL_SECONDS})


@router.post("/auth/sms-sign-in", response=SignInOut, auth=None, summary="手机号 + 验证码登录（H5）")
@rate_limit("sign_in_sms", phone=lambda kwargs: _phone_key(kwargs["payload"].phone))
def sms_sign_in(request: HttpRequest, payload: SmsSignInIn) -> services.SignInResult:
    return services.sign_in_with_sms(phone=payload.phone, code=payload.code, ip_address=client_ip(request))


@router.post("/auth/wechat-sign-in", response=SignInOut, auth=None, summary="微信小程序登录")
@rate_limit("sign_in_wechat")
def wechat_sign_in(request: HttpRequest, payload: WeChatSignInIn) -> services.SignInResult:
    return services.sign_in_with_wechat(code=payload.code, ip_address=client_ip(request))


@router.post("/auth/logout", response={204: None}, auth=bearer, summary="退出登录（令牌立即失效）")
def logout(request: HttpRequest) -> Status[None]:
    # Exactly the token this request came with: the account's other sessions stay signed in.
    services.revoke_token(user=signed_in_user(request), key=bearer_key(request))
    return Status(204, None)


@router.get("/me", response=MeOut, auth=bearer, summary="当前账号")
def me(request: HttpRequest) -> object:
    return signed_in_user(request)


@router.patch("/me", response=MeOut, auth=bearer, summary="修改昵称、头像")
@require(SignedIn())
def update_me(request: HttpRequest, payload: ProfileIn) -> object:
    return services.update_profile(
        user=signed_in_user(request),
        display_name=payload.display_name,
        avatar_url=payload.avatar_url,
        organisation_name=payload.organisation_name,
    )


@router.post("/me/phone/wechat", response=MeOut, auth=bearer, summary="绑定手机号：微信手机号快速验证（小程序）")
@require(SignedIn())
@rate_limit("phone_bind")
def bind_phone_wechat(request: HttpRequest, payload: WeChatPhoneIn) -> object:
    return services.bind_phone_with_wechat(
        user=signed_in_user(request), code=payload.code, ip_address=client_ip(request)
    )


@router.post("/me/phone/sms", response=MeOut, auth=bearer, summary="绑定手机号：短信验证码（H5）")
@require(SignedIn())
@rate_limit("phone_bind")
def bind_phone_sms(request: HttpRequest, payload: SmsPhoneIn) -> object:
    return services.bind_phone_with_sms(
        user=signed_in_user(request), phone=payload.phone, code=payload.code, ip_address=client_ip(request)
    )


@router.post("/me/account-type", response=MeOut, auth=bearer, summary="选择账号类型（注册时一次）")
def choose_account_type(request: HttpRequest, payload: AccountTypeIn) -> object:
    return services.choose_account_type(
        user=signed_in_user(request),
        account_type=payload.account_type,
        organisation_name=payload.organisation_name,
        display_name=payload.display_name,
    )


@router.post("/me/privacy-consent", response=MeOut, auth=bearer, summary="同意隐私政策")
def privacy_consent(request: HttpRequest) -> object:
    return services.consent_privacy(user=signed_in_user(request))


@router.post(
    "/me/export", response={202: DataExportOut}, auth=bearer, summary="申请导出我的个人数据（后台生成 ZIP 压缩包）"
)
def request_export(request: HttpRequest) -> Status[DataExportOut]:
    return Status(202, services.request_data_export(user=signed_in_user(request)))  # type: ignore[arg-type]


@router.get("/me/export/{export_id}", response=DataExportOut, auth=bearer, summary="数据导出的进度")
def export_status(request: HttpRequest, export_id: int) -> object:
    return selectors.data_export_for(user=signed_in_user(request), export_id=export_id)


@router.get("/me/export/{export_id}/file", auth=bearer, summary="下载导出的个人数据（ZIP：数据、文件、说明）")
def export_file(request: HttpRequest, export_id: int) -> HttpResponse:
    export = selectors.data_export_for(user=signed_in_user(request), export_id=export_id, ready=True)
    response = HttpResponse(bytes(export.content), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=export.file_name)
    return response


@router.post("/me/cancel", response={204: None}, auth=bearer, summary="注销账号（不可恢复）")
def cancel_account(request: HttpRequest, payload: CancelIn) -> Status[None]:
    services.cancel_account(user=signed_in_user(request), confirmation=payload.confirmation)
    return Status(204, None)
