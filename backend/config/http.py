"""HTTP under the ASGI server in one trip to a thread per request (issue #13).

Every view and middleware of the project is synchronous. Django's own ASGI handler still runs a request as
several steps, each a hop between the event loop and a thread (the ``request_started`` signal, the
middleware chain, ``response.close()``), in a thread made anew for each request (``ThreadSensitiveContext``).
``OneTripHandler`` reads the body in the event loop, then builds the request, runs the synchronous handler
(the same middleware and views as under WSGI), and closes the response in one call on a fixed pool of
threads; the event loop then writes the answer. Closing the response in the thread that served it is
what sends ``request_finished``, so the request's database connection goes back to the pool (or is
closed) where it was opened.

A streaming answer (uploaded files, the H5 app's page) is written from the same thread, chunk by chunk,
before it closes. WebSockets are not this handler's: ``config.asgi`` routes them to Channels.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any

import django
from asgiref.sync import SyncToAsync, async_to_sync
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.core.handlers.base import BaseHandler
from django.http import FileResponse, HttpResponseBase
from django.urls import set_script_prefix

logger = logging.getLogger(__name__)

Message = dict[str, Any]


def _threads() -> int:
    """One thread per pooled database connection, so a request never waits for a connection it would not
    get (``DATABASE_POOL_MAX``, set by ``make serve-prod``); 8 when there is no pool."""
    return int(os.environ.get("CMT_HTTP_THREADS") or os.environ.get("DATABASE_POOL_MAX") or 0) or 8


def _start_message(response: HttpResponseBase) -> Message:
    headers: list[tuple[bytes, bytes]] = [
        (name.encode("ascii"), value.encode("latin1")) for name, value in response.items()
    ]
    for morsel in response.cookies.values():
        headers.append((b"Set-Cookie", morsel.output(header="").encode("ascii").strip()))
    return {"type": "http.response.start", "status": response.status_code, "headers": headers}


class OneTripHandler(ASGIHandler):
    """An ASGI application for HTTP that runs Django's synchronous handler in one thread trip a request."""

    def __init__(self, *, threads: int | None = None) -> None:
        BaseHandler.__init__(self)
        self.load_middleware(is_async=False)
        self.executor = ThreadPoolExecutor(max_workers=threads or _threads(), thread_name_prefix="http")
        self._serve_in_thread = SyncToAsync(self._serve, thread_sensitive=False, executor=self.executor)

    async def __call__(self, scope: Message, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"OneTripHandler serves HTTP only, not {scope['type']}")
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        messages = await self._serve_in_thread(scope, body_file, send)
        for message in messages:
            await send(message)

    def _serve(self, scope: Message, body_file: IO[bytes], send: Any) -> list[Message]:
        """Runs in a pool thread: the whole request, from ``request_started`` to ``response.close()``.
        Returns the messages still to send (a whole answer), or none when a streaming one was sent here."""
        try:
            set_script_prefix(get_script_prefix(scope))
            signals.request_started.send(sender=self.__class__, scope=scope)
            request, response = self.create_request(scope, body_file)
            if request is not None:
                response = self.get_response(request)
                response._handler_class = self.__class__  # type: ignore[attr-defined]  # as Django's handlers do
            assert response is not None
            try:
                if not response.streaming:
                    return [
                        _start_message(response),
                        {"type": "http.response.body", "body": response.content, "more_body": False},  # type: ignore[attr-defined]
                    ]
                self._stream(response, async_to_sync(send))
                return []
            finally:
                response.close()  # sends request_finished: the connection goes back in this thread
        finally:
            body_file.close()

    def _stream(self, response: HttpResponseBase, send: Any) -> None:
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        send(_start_message(response))
        try:
            for chunk in response:
                if chunk:
                    send({"type": "http.response.body", "body": chunk, "more_body": True})
        except OSError:  # the client went away mid-answer; the response still closes
            logger.info("client disconnected during a streaming answer")
            return
        send({"type": "http.response.body", "body": b"", "more_body": False})


def get_http_application() -> OneTripHandler:
    django.setup(set_prefix=False)
    return OneTripHandler()
