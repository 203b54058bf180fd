"""The one client for WeChat's server APIs. Its base URL is a setting, so tests and the embedded run
talk real HTTP to ``wechat.fake_server`` while production talks to WeChat.

Only the calls the platform needs: code2session (sign-in), stable access token, the phone number a
user allowed through the phone-number button (getuserphonenumber), subscription messages, text
content check (msgSecCheck v2) and asynchronous media check.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

# WeChat error codes we react to by name.
ERR_INVALID_CODE = 40029
ERR_CODE_USED = 40163
ERR_ACCESS_TOKEN_INVALID = 40001
ERR_ACCESS_TOKEN_EXPIRED = 42001
ERR_USER_REFUSED = 43101
ERR_RATE_LIMITED = 45011


class WeChatError(Exception):
    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"WeChat error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


@dataclass(frozen=True)
class Session:
    openid: str
    session_key: str
    unionid: str


@dataclass(frozen=True)
class PhoneInfo:
    """``phone_info`` of getuserphonenumber: the number without country code, and that code."""

    pure_phone_number: str
    country_code: str


@dataclass(frozen=True)
class ContentVerdict:
    suggest: str  # pass / review / risky
    label: int
    trace_id: str

    @property
    def is_risky(self) -> bool:
        return self.suggest != "pass"


class WeChatClient:
    def __init__(self, *, base_url: str, app_id: str, app_secret: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.app_id = app_id
        self.app_secret = app_secret
        self.timeout = timeout
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._lock = threading.Lock()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = httpx.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
            response.raise_for_status()
            data: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise WeChatError(-1, f"transport: {exc.__class__.__name__}") from exc
        errcode = int(data.get("errcode", 0) or 0)
        if errcode != 0:
            raise WeChatError(errcode, str(data.get("errmsg", "")))
        return data

    def code_to_session(self, code: str) -> Session:
        data = self._call(
            "GET",
            "/sns/jscode2session",
            params={
                "appid": self.app_id,
                "secret": self.app_secret,
                "js_code": code,
                "grant_type": "authorization_code",
            },
        )
        return Session(openid=data["openid"], session_key=data["session_key"], unionid=data.get("unionid", ""))

    def access_token(self, *, force_refresh: bool = False) -> str:
        with self._lock:
            if not force_refresh and self._token and time.monotonic() < self._token_expires_at:
                return self._token
            data = self._call(
                "POST",
                "/cgi-bin/stable_token",
                json={
                    "grant_type": "client_credential",
                    "appid": self.app_id,
                    "secret": self.app_secret,
                    "force_refresh": force_refresh,
                },
            )
            self._token = str(data["access_token"])
            # Refresh five minutes early so a token never expires mid-request.
            self._token_expires_at = time.monotonic() + int(data.get("expires_in", 7200)) - 300
            return self._token

    def _authed(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return self._call("POST", path, params={"access_token": self.access_token()}, json=payload)
        except WeChatError as exc:
            if exc.errcode not in (ERR_ACCESS_TOKEN_INVALID, ERR_ACCESS_TOKEN_EXPIRED):
                raise
            token = self.access_token(force_refresh=True)
            return self._call("POST", path, params={"access_token": token}, json=payload)

    def get_user_phone_number(self, code: str) -> PhoneInfo:
        """Exchanges the ``code`` of ``<button open-type="getPhoneNumber">`` (single use, 5 minutes) for
        the phone number the user chose to share."""
        data = self._authed("/wxa/business/getuserphonenumber", {"code": code})
        info = data.get("phone_info") or {}
        return PhoneInfo(
            pure_phone_number=str(info.get("purePhoneNumber", "")), country_code=str(info.get("countryCode", ""))
        )

    def send_subscribe_message(self, *, openid: str, template_id: str, data: dict[str, str], page: str = "") -> None:
        self._authed(
            "/cgi-bin/message/subscribe/send",
            {
                "touser": openid,
                "template_id": template_id,
                "page": page,
                "data": {key: {"value": value[:20]} for key, value in data.items()},
                "miniprogram_state": "formal",
                "lang": "zh_CN",
            },
        )

    def check_text(self, *, content: str, openid: str, scene: int = 1) -> ContentVerdict:
        data = self._authed("/wxa/msg_sec_check", {"content": content, "version": 2, "scene": scene, "openid": openid})
        result = data.get("result", {})
        return ContentVerdict(
            suggest=str(result.get("suggest", "pass")),
            label=int(result.get("label", 100)),
            trace_id=str(data.get("trace_id", "")),
        )

    def check_media_async(self, *, media_url: str, openid: str, scene: int = 1) -> str:
        """Starts an asynchronous image check; the verdict arrives later as a push event."""
        data = self._authed(
            "/wxa/media_check_async",
            {"media_url": media_url, "media_type": 2, "version": 2, "scene": scene, "openid": openid},
        )
        return str(data.get("trace_id", ""))


_client: WeChatClient | None = None
_client_key: tuple[str, str, str] | None = None


def get_client() -> WeChatClient:
    """The process-wide client, rebuilt if its settings change (tests point it at a fresh fake)."""
    global _client, _client_key
    key = (settings.WECHAT_API_BASE, settings.WECHAT_APP_ID, settings.WECHAT_APP_SECRET)
    if _client is None or key != _client_key:
        _client = WeChatClient(
            base_url=key[0], app_id=key[1], app_secret=key[2], timeout=settings.WECHAT_TIMEOUT_SECONDS
        )
        _client_key = key
    return _client
