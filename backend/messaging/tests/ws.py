"""A WebSocket test client over asgiref's ApplicationCommunicator.

``channels.testing`` cannot be imported here: its package imports ``daphne`` (for the live-server test
case), which the project does not install. This drives the ASGI app the same way, in-process.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote, urlparse

from asgiref.testing import ApplicationCommunicator


class SocketClient(ApplicationCommunicator):  # type: ignore[misc]
    def __init__(self, application: Any, path: str) -> None:
        url = urlparse(path)
        scope = {
            "type": "websocket",
            "path": unquote(url.path),
            "query_string": url.query.encode(),
            "headers": [],
            "subprotocols": [],
        }
        super().__init__(application, scope)

    async def connect(self, timeout: float = 2) -> bool:
        await self.send_input({"type": "websocket.connect"})
        reply = await self.receive_output(timeout)
        return bool(reply["type"] == "websocket.accept")

    async def send_json_to(self, data: Any) -> None:
        await self.send_input({"type": "websocket.receive", "text": json.dumps(data)})

    async def receive_json_from(self, timeout: float = 2) -> Any:
        frame = await self.receive_output(timeout)
        assert frame["type"] == "websocket.send", frame
        return json.loads(frame["text"])

    async def close_code(self, timeout: float = 2) -> int:
        frame = await self.receive_output(timeout)
        assert frame["type"] == "websocket.close", frame
        return int(frame.get("code", 1000))

    async def disconnect(self, code: int = 1000, timeout: float = 2) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)
