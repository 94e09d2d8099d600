"""The cache generation: one counter in the shared cache that every cache key includes.

Any change that can alter a public page (publish, unpublish, move, delete, translation
sync, snippets, settings, images) increments it, so every process stops serving the
pages it rendered before, at once, without knowing which pages changed. Nothing lives in
process memory: a second gunicorn worker or server sees the new value on its next
request.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh_value():
    # A time-based start value: if the counter is ever evicted, a restart can never
    # reuse a number that stale entries were stored under.
    return time.time_ns()


def current_generation(cache=None):
    cache = cache or page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_value(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def bump_generation(cache=None):
    """Make every cached page stale. Returns the new generation (None if the cache is down)."""
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


def cached_for_generation(key, build, timeout=None):
    """A value built at most once per cache generation, shared by every process.

    For data every page shows (menu, footer, home pages): it changes only when content
    changes, and every such change starts a new generation.
    """
    cache = page_cache()
    full_key = f"pagecache:{key}:{current_generation(cache)}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    return value
