"""WebSocket routes. Domain apps expose ``websocket_urlpatterns`` in their ``routing.py``."""

import importlib
import importlib.util

from django.conf import settings

websocket_urlpatterns: list = []
for _app in settings.INSTALLED_APPS:
    if "." in _app or importlib.util.find_spec(f"{_app}.routing") is None:
        continue
    websocket_urlpatterns += getattr(importlib.import_module(f"{_app}.routing"), "websocket_urlpatterns", [])
