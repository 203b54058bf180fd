"""ASGI entry: HTTP through Django's synchronous handler in one thread trip a request (``config.http``),
WebSocket through Channels (chat)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from config.http import get_http_application

http_application = get_http_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from config.websocket import websocket_urlpatterns  # noqa: E402
from moderation.readings import warm_up  # noqa: E402

warm_up()  # each worker builds the moderation check's table at start, not in its first chat message

application = ProtocolTypeRouter({"http": http_application, "websocket": URLRouter(websocket_urlpatterns)})
