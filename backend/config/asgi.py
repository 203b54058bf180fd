"""ASGI entry: HTTP through Django, WebSocket through Channels (chat)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from config.websocket import websocket_urlpatterns  # noqa: E402
from moderation.readings import warm_up  # noqa: E402

warm_up()  # each worker builds the moderation check's table at start, not in its first chat message

application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": URLRouter(websocket_urlpatterns)})
