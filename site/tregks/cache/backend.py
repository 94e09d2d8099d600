"""django-redis with short timeouts and a circuit breaker (see breaker.py).

Every use of the cache goes through this backend: the page cache, values kept per
cache generation, and Wagtail's own (site root paths, renditions). When Redis does not
answer, a read is a miss and a write is dropped, as with django-redis's
IGNORE_EXCEPTIONS, but the process then stops asking for the breaker's cooldown, so a
hanging Redis costs one timeout, not one per call.

`incr` and `decr` raise CacheUnavailable instead: a counter that silently stays the
same would lose a page cache invalidation (generation.py records it instead).

`read_many` is `get_many` for the page cache's WSGI fast path (wsgi.py): one `MGET`
on a connection of its own per process and thread, kept open, without redis-py's
pool, retry and instrumentation layers. redis-py 8 spends about 40 µs of CPU on a
command of which the round trip itself is 10; on a cache hit that is a third of
what a static file costs in all.
"""

import os
import threading
from urllib.parse import urlsplit

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from .breaker import CacheUnavailable, breaker_for

# What a cache that does not answer raises (django-redis passes Redis's errors on when
# IGNORE_EXCEPTIONS is off; this class does the ignoring).
CACHE_ERRORS = (RedisError, ConnectionInterrupted, OSError)
MISSING = object()


def server_name(location):
    """host:port/db of the first server, without credentials, for logs and health."""
    first = str(location).split(",")[0]
    parts = urlsplit(first)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname}:{parts.port or 6379}{parts.path or ''}"


class ResilientRedisCache(RedisCache):
    """A Redis cache that answers within its timeouts, or not at all for a while."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        cooldown = float(options.pop("BREAKER_SECONDS", 5))
        options["IGNORE_EXCEPTIONS"] = False  # the breaker decides, below
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server_name(server), cooldown)
        self._direct = threading.local()

    def _call(self, name, fallback, *args, **kwargs):
        """django-redis's method `name`, or `fallback` when Redis does not answer."""
        if not self.breaker.allow():
            return fallback
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except CACHE_ERRORS as error:
            self.breaker.failed(error)
            return fallback
        except Exception:
            self.breaker.succeeded()  # Redis answered (e.g. incr: no such key)
            raise
        self.breaker.succeeded()
        return result

    def _counter(self, name, *args, **kwargs):
        result = self._call(name, MISSING, *args, **kwargs)
        if result is MISSING:
            raise CacheUnavailable(self.breaker.last_error or "not asked (cooldown)")
        return result

    def ping(self):
        """True when Redis answers now; asks even during a cooldown (health checks)."""
        try:
            self.client.get_client(write=False).ping()
        except CACHE_ERRORS as error:
            self.breaker.failed(error)
            return False
        self.breaker.succeeded()
        return True

    def _direct_connection(self):
        """This thread's own connection to the (first) server, made in this process
        (a forked worker must not share its parent's socket)."""
        held = getattr(self._direct, "held", None)
        if held is None or held[0] != os.getpid():
            pool = self.client.get_client(write=False).connection_pool
            held = (os.getpid(), pool.connection_class(**pool.connection_kwargs))
            self._direct.held = held
        return held[1]

    def read_many(self, keys):
        """get_many on this thread's own connection (see the module docstring): the
        values found, {} when Redis does not answer (the breaker notes it)."""
        if not self.breaker.allow():
            return {}
        connection = self._direct_connection()
        try:
            connection.send_command("MGET", *(self.client.make_key(k) for k in keys))
            values = connection.read_response()
        except CACHE_ERRORS as error:
            connection.disconnect()
            self.breaker.failed(error)
            return {}
        self.breaker.succeeded()
        decode = self.client.decode
        return {
            key: decode(value)
            for key, value in zip(keys, values, strict=True)
            if value is not None
        }

    # Django's cache API, bounded by the breaker.

    def get(self, key, default=None, version=None, client=None):
        return self._call("get", default, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", {}, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", False, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", False, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", [], *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", None, *args, **kwargs)

    def clear(self):
        return self._call("clear", None)

    def incr(self, *args, **kwargs):
        return self._counter("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._counter("decr", *args, **kwargs)
