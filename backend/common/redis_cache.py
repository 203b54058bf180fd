"""Django's Redis cache with one connection pool per process instead of one per thread.

Django keeps a cache object per thread, and its Redis client builds a connection pool per cache object. The
ASGI server runs each request in a thread of its own, so every request opened a new Redis connection (a TCP
connect, a handshake, and redis-py reading its own package metadata to name itself: about a third of a cached
board answer's time). The pools here are shared by every thread of the process (redis-py's pool is
thread-safe and starts afresh in a forked child). So is the client object on a pool, which Django built anew
for every cache call (redis-py fills about 170 reply callbacks when it builds one: a sixth of a cached board
answer's time); here each pool keeps one. Everything else is Django's backend unchanged.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

_pools: dict[tuple[str, str], Any] = {}
_clients: dict[int, Any] = {}  # id(pool) -> its one client
_lock = threading.Lock()


class _SharedPoolClient(RedisCacheClient):
    def _get_connection_pool(self, write: bool) -> Any:
        this: Any = self  # Django's client attributes, which its type stubs leave out
        url = this._servers[this._get_connection_pool_index(write)]
        key = (url, repr(sorted(this._pool_options.items())))
        pool = _pools.get(key)
        if pool is None:
            with _lock:
                pool = _pools.get(key)
                if pool is None:
                    pool = _pools[key] = this._pool_class.from_url(url, **this._pool_options)
        return pool

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = _clients.get(id(pool))
        if client is None:
            this: Any = self
            client = _clients.setdefault(id(pool), this._client(connection_pool=pool))
        return client


class SharedPoolRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _SharedPoolClient
