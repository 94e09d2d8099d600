"""The cache generation: one counter in the shared cache that every cache key includes.

Any change that can alter a public page (publish, unpublish, move, delete, translation
sync, snippets, settings, images) increments it, so every process stops serving the
pages it rendered before, at once, without knowing which pages changed. The counter
lives only in the shared cache: a second gunicorn worker or server sees the new value
on its next request.

Within one request the counter is read once (`request_scope`, opened by the page cache
middleware). Values built for a generation never change, so besides the shared cache
each process keeps the ones it used last in memory for a minute
(`cached_for_generation`): a render then needs one round trip to the shared cache for
the counter, not two per value.
"""

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.core.cache import caches

from .code_version import code_version

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh_value():
    # A time-based start value: if the counter is ever evicted, a restart can never
    # reuse a number that stale entries were stored under.
    return time.time_ns()


class _Scope:
    generation = None


_scope = contextvars.ContextVar("tregks_generation_scope", default=None)


@contextlib.contextmanager
def request_scope(generation=None):
    """Read the counter at most once until the block ends (one request).

    `generation`: the value the caller has already read, if any.
    """
    scope = _Scope()
    scope.generation = generation
    token = _scope.set(scope)
    try:
        yield
    finally:
        _scope.reset(token)


def current_generation(cache=None):
    scope = _scope.get()
    if scope is not None and scope.generation is not None:
        return scope.generation
    cache = cache or page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if scope is not None:
        scope.generation = value
    return value


def bump_generation(cache=None):
    """Make every cached page stale. Returns the new generation (None if the cache is down)."""
    scope = _scope.get()
    if scope is not None:
        scope.generation = None  # this request reads the new value from now on
    cache = cache or page_cache()
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        # No counter yet (first start or evicted): a fresh time-based value is larger
        # than any earlier one.
        cache.set(GENERATION_KEY, _fresh_value(), timeout=None)
        return cache.get(GENERATION_KEY)
    except Exception:  # a cache outage must not break publishing
        logger.exception("Could not invalidate the page cache.")
        return None


# Values of the current generation this process has used: {full key: (until, value)}.
_memory = {}
_memory_generation = None
MEMORY_SECONDS = 60
MEMORY_ENTRIES = 1000


def cached_for_generation(key, build, timeout=None):
    """A value built at most once per cache generation, shared by every process.

    For data every page shows (menu, footer, home pages): it changes only when content
    changes, and every such change starts a new generation. The value is shared by
    every render in this process: treat it as read-only.
    """
    cache = page_cache()
    generation = current_generation(cache)
    # The code's fingerprint: a release may change the shape of the value.
    full_key = f"pagecache:{key}:{code_version()}:{generation}"
    now = time.monotonic()
    kept = _memory.get(full_key)
    if kept is not None and kept[0] > now:
        return kept[1]
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    if generation is not None:  # without the shared cache nothing says when it changes
        _remember(full_key, value, now + min(MEMORY_SECONDS, timeout or MEMORY_SECONDS))
    return value


def _remember(full_key, value, until):
    global _memory_generation
    generation = full_key.rsplit(":", 1)[1]
    if generation != _memory_generation or len(_memory) >= MEMORY_ENTRIES:
        _memory.clear()  # older generations are never asked for again
        _memory_generation = generation
    _memory[full_key] = (until, value)
