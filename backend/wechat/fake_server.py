"""A local stand-in for WeChat's server APIs: real HTTP on loopback, WeChat's paths, request and
response shapes and error codes. Tests and the embedded run point ``WECHAT_API_BASE`` at it.

Conventions that make it useful without a phone:
- ``js_code`` ``"<name>:<anything>"`` signs in the same WeChat user ``<name>`` every time; any other
  code is its own user. Codes are single use (40163) and ``invalid*`` codes fail (40029).
- Subscription messages follow WeChat's one-time rule: each ``/__fake__/subscribe`` (what the user's
  tap on wx.requestSubscribeMessage grants) allows one send; without it, send fails with 43101.
- Phone-number button codes (``/wxa/business/getuserphonenumber``): ``"<11 digits>:<anything>"`` shares
  that mainland number, ``"+<cc>-<digits>:<anything>"`` a foreign one, any other code a number derived
  from it; codes are single use and ``invalid*`` codes fail (both 40029 invalid code), ``busy*`` -1.
- Text containing a word of ``RISKY_WORDS`` is judged ``risky``.
- ``/__fake__/sent`` lists the messages sent, ``/__fake__/reset`` clears the state.
- Outage switches, for tests and by hand (``POST /__fake__/mode``, JSON; ``GET`` shows them):
  ``{"down": true}`` answers every WeChat API call 503 Service Unavailable; ``{"slow": 1.5}`` waits that
  many seconds before answering; ``{"rate_limited": true}`` answers errcode 45009 (quota reached).
  ``/__fake__/*`` control paths are never affected. ``reset`` switches them all off.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

RISKY_WORDS = ("赌博", "博彩", "代开发票", "枪支")


class FakeWeChatState:
    def __init__(self, app_id: str, app_secret: str) -> None:
        self.app_id = app_id
        self.app_secret = app_secret
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.used_codes: set[str] = set()
        self.used_phone_codes: set[str] = set()
        self.tokens: dict[str, float] = {}
        self.grants: dict[tuple[str, str], int] = defaultdict(int)
        self.sent: list[dict[str, Any]] = []
        self.text_checks: list[dict[str, Any]] = []
        self.media_checks: list[dict[str, Any]] = []
        self.down = False
        self.slow = 0.0
        self.rate_limited = False

    def set_mode(
        self, *, down: bool | None = None, slow: float | None = None, rate_limited: bool | None = None
    ) -> None:
        with self.lock:
            if down is not None:
                self.down = down
            if slow is not None:
                self.slow = max(float(slow), 0.0)
            if rate_limited is not None:
                self.rate_limited = rate_limited

    def mode(self) -> dict[str, Any]:
        return {"down": self.down, "slow": self.slow, "rate_limited": self.rate_limited}

    @staticmethod
    def phone_for(code: str) -> tuple[str, str]:
        """(country code, number without it) that a phone-number button code shares."""
        head = code.split(":", 1)[0]
        if head.isdigit() and len(head) == 11:
            return "86", head
        if head.startswith("+") and "-" in head:
            country, _, number = head[1:].partition("-")
            return country, number
        return "86", "139" + str(int(hashlib.sha256(code.encode()).hexdigest(), 16))[:8]

    @staticmethod
    def openid_for(code: str) -> str:
        identity = code.split(":", 1)[0] if ":" in code else code
        return "o" + hashlib.sha256(identity.encode()).hexdigest()[:27]


class Handler(BaseHTTPRequestHandler):
    server: FakeWeChatServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def _reply(self, payload: dict[str, Any], status: int = 200) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json_body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            data = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            return {}
        return data if isinstance(data, dict) else {}

    def _token_ok(self, query: dict[str, list[str]]) -> bool:
        token = (query.get("access_token") or [""])[0]
        expires = self.server.state.tokens.get(token)
        return expires is not None and expires > time.time()

    def _outage(self, path: str) -> bool:
        """Applies the outage switches to a WeChat API call; True when it was answered already."""
        if path.startswith("/__fake__/"):
            return False
        state = self.server.state
        if state.slow:
            time.sleep(state.slow)
        if state.down:
            self._reply({"errcode": -1, "errmsg": "service unavailable"}, status=503)
            return True
        if state.rate_limited:
            self._reply({"errcode": 45009, "errmsg": "reach max api daily quota limit"})
            return True
        return False

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = parse_qs(url.query)
        state = self.server.state
        if self._outage(url.path):
            return
        if url.path == "/__fake__/mode":
            return self._reply({"errcode": 0, **state.mode()})
        if url.path == "/sns/jscode2session":
            code = (query.get("js_code") or [""])[0]
            if (query.get("appid") or [""])[0] != state.app_id or (query.get("secret") or [""])[0] != state.app_secret:
                return self._reply({"errcode": 40013, "errmsg": "invalid appid"})
            if not code or code.startswith("invalid"):
                return self._reply({"errcode": 40029, "errmsg": "invalid code"})
            if code.startswith("busy"):
                return self._reply({"errcode": -1, "errmsg": "system error"})
            if code.startswith("ratelimit"):
                return self._reply({"errcode": 45011, "errmsg": "api minute-quota reach limit"})
            with state.lock:
                if code in state.used_codes:
                    return self._reply({"errcode": 40163, "errmsg": "code been used"})
                state.used_codes.add(code)
            return self._reply({"openid": state.openid_for(code), "session_key": secrets.token_urlsafe(16)})
        if url.path == "/__fake__/sent":
            return self._reply({"errcode": 0, "sent": state.sent})
        if url.path == "/__fake__/checks":
            return self._reply({"errcode": 0, "text": state.text_checks, "media": state.media_checks})
        self._reply({"errcode": 404, "errmsg": "unknown api"})

    def do_POST(self) -> None:
        url = urlparse(self.path)
        query = parse_qs(url.query)
        state = self.server.state
        body = self._json_body()
        if self._outage(url.path):
            return
        if url.path == "/__fake__/mode":
            state.set_mode(
                down=body.get("down"),
                slow=body.get("slow"),
                rate_limited=body.get("rate_limited"),
            )
            return self._reply({"errcode": 0, **state.mode()})
        if url.path == "/cgi-bin/stable_token":
            if body.get("appid") != state.app_id:
                return self._reply({"errcode": 40013, "errmsg": "invalid appid"})
            if body.get("secret") != state.app_secret:
                return self._reply({"errcode": 40125, "errmsg": "invalid appsecret"})
            token = secrets.token_urlsafe(24)
            with state.lock:
                state.tokens[token] = time.time() + 7200
            return self._reply({"access_token": token, "expires_in": 7200})
        if url.path == "/__fake__/reset":
            with state.lock:
                state.reset()
            return self._reply({"errcode": 0, "errmsg": "ok"})
        if url.path == "/__fake__/subscribe":
            with state.lock:
                state.grants[(str(body.get("openid")), str(body.get("template_id")))] += 1
            return self._reply({"errcode": 0, "errmsg": "ok"})
        if not self._token_ok(query):
            return self._reply({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"})
        if url.path == "/wxa/business/getuserphonenumber":
            code = str(body.get("code") or "")
            if code.startswith("busy"):
                return self._reply({"errcode": -1, "errmsg": "system error"})
            with state.lock:
                if not code or code.startswith("invalid") or code in state.used_phone_codes:
                    return self._reply({"errcode": 40029, "errmsg": "invalid code"})
                state.used_phone_codes.add(code)
            country, number = state.phone_for(code)
            return self._reply(
                {
                    "errcode": 0,
                    "errmsg": "ok",
                    "phone_info": {
                        "phoneNumber": number if country == "86" else f"+{country}{number}",
                        "purePhoneNumber": number,
                        "countryCode": country,
                        "watermark": {"timestamp": int(time.time()), "appid": state.app_id},
                    },
                }
            )
        if url.path == "/cgi-bin/message/subscribe/send":
            key = (str(body.get("touser")), str(body.get("template_id")))
            with state.lock:
                if state.grants[key] <= 0:
                    return self._reply({"errcode": 43101, "errmsg": "user refuse to accept the msg"})
                state.grants[key] -= 1
                state.sent.append(body)
            return self._reply({"errcode": 0, "errmsg": "ok"})
        if url.path == "/wxa/msg_sec_check":
            content = str(body.get("content", ""))
            risky = any(word in content for word in RISKY_WORDS)
            trace_id = secrets.token_hex(8)
            with state.lock:
                state.text_checks.append({"content": content, "trace_id": trace_id, "scene": body.get("scene")})
            return self._reply(
                {
                    "errcode": 0,
                    "errmsg": "ok",
                    "trace_id": trace_id,
                    "result": {"suggest": "risky" if risky else "pass", "label": 20001 if risky else 100},
                    "detail": [],
                }
            )
        if url.path == "/wxa/media_check_async":
            trace_id = secrets.token_hex(8)
            with state.lock:
                state.media_checks.append(
                    {"media_url": body.get("media_url"), "trace_id": trace_id, "scene": body.get("scene")}
                )
            return self._reply({"errcode": 0, "errmsg": "ok", "trace_id": trace_id})
        self._reply({"errcode": 404, "errmsg": "unknown api"})


class FakeWeChatServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, *, app_id: str, app_secret: str) -> None:
        super().__init__((host, port), Handler)
        self.state = FakeWeChatState(app_id, app_secret)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="fake-wechat", daemon=True)
        thread.start()
        return thread
