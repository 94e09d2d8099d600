"""Plain page cache hits answered in front of Django (gunicorn's entry point).

A hit through Django's handler costs about what Django's trivial view costs: the
request object and signals, the middleware chain, the response object. A static file
pays the same handler, so cached pages stayed near 70 % of its requests per second
(issue 13). `CachedPagesFirst` wraps Django's WSGI application (site/tregks/wsgi.py)
and answers the simple, healthy case itself:

- GET or HEAD without conditional headers (If-None-Match, If-Modified-Since, …);
- a key (tregks.cache.keys, the function PageCacheMiddleware uses): an anonymous
  reader, no bypass, no unknown cookie or query parameter, host allowed;
- the shared cache answers and was checked for owed invalidations within
  CACHE_INVALIDATION_CHECK_SECONDS (generation.settled; the check itself reads the
  database, so it is left to the next request through Django);
- the entry is of the current generation (one `MGET` of generation and entry on a
  connection of this thread's own, backend.read_many).

The answer is the one PageCacheMiddleware gives for the same entry
(tregks.cache.entries.served): stored headers (those of every middleware inside the
page cache, SecurityMiddleware's included), fresh form tokens, gzip as the gzip
middleware would send it, `X-Page-Cache: hit`. Everything else (misses, bypasses,
conditional requests, the breaker waiting, the fallback pages of an outage) goes to
Django unchanged, where the middleware decides as before.
"""

import logging
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest

from . import fallback
from .entries import served
from .generation import GENERATION_KEY, page_cache, settled
from .keys import PageKeys
from .middleware import CONDITIONAL_HEADERS

logger = logging.getLogger("tregks.cache")


class CachedPagesFirst:
    """A WSGI application: cache hits from the shared cache, the rest from Django."""

    def __init__(self, application):
        self.application = application
        self.keys = PageKeys()
        self.static_prefix = settings.STATIC_URL or None

    def __call__(self, environ, start_response):
        try:
            answer = self.cached(environ)
        except Exception:  # Django answers instead, with its own error handling
            logger.exception("The page cache's fast path failed.")
            answer = None
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(f"{status} {HTTPStatus(status).phrase}", list(headers.items()))
        return [body]

    def cached(self, environ):
        """(status, headers, body) of a current entry, or None: ask Django."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if any(name in environ for name in CONDITIONAL_HEADERS):
            return None
        if self.static_prefix and environ.get("PATH_INFO", "").startswith(
            self.static_prefix
        ):
            return None
        # A request object of Django's own, so that the key is the middleware's to the
        # byte (scheme, host, cookies, query as Django reads them); on a copy, because
        # it normalises PATH_INFO, which Django's handler must still see as sent.
        request = WSGIRequest(environ.copy())
        try:
            key = self.keys.cache_key(request)
        except SuspiciousOperation:
            return None  # a host not allowed, too many fields: Django answers 400
        if key is None:
            return None
        cache = page_cache()
        if not settled(cache):
            return None
        read = getattr(cache, "read_many", cache.get_many)
        found = read([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is None or generation is None or entry[0] != generation:
            return None
        if hasattr(cache, "breaker"):
            fallback.remember(key, entry)
        return served(entry, request, "hit")
