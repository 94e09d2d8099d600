"""Full-page cache for anonymous GET and HEAD requests of public pages.

A response is kept in the shared cache (Redis in production, local memory in
development) under a key made of the code's fingerprint (code_version.py), scheme,
host, path, the whitelisted query parameters and, for paths without a language prefix,
the reader's language (keys.py). Each entry remembers the cache generation it was
rendered in (see generation.py); an entry of an older generation is a miss.
Generation and entry come back in one round trip.

Never cached: requests with a session or an unknown cookie or an Authorization header,
other methods, excluded paths (admin, API, health check, documents, search suggestions),
unknown query parameters, and responses that are not 200, set a cookie, say
private/no-store/no-cache, or vary on anything but Cookie and Accept-Language. Pages
that use a CSRF token always set the CSRF cookie, so forms are never shared; password-
protected pages contain such a form, login-restricted pages redirect. The public forms
(registration, contact, newsletter) use no CSRF cookie; their pages are cached, and
each cached page served gets fresh form tokens (tregks.core.form_protection).

Each process also keeps the pages it recently served or stored through the shared
cache in its own memory (fallback.py, a bounded LRU, dropped on every change). They are
served only when the shared cache does not answer (its breaker waits, see breaker.py):
then a kept page comes at once (`X-Page-Cache: fallback`), any other is rendered
without the shared cache (`unavailable`) and kept too. While the shared cache answers
it stays the only source, with its generation check. Invalidations owed from the
outage are applied before the first page comes from the shared cache again
(generation.settle).

Cacheable responses get Cache-Control, ETag and Last-Modified, and conditional requests
(If-None-Match, If-Modified-Since) are answered with 304 from the cache.

A hit should cost less than a static file (issue 13). Plain hits are answered before
Django's handler by the WSGI fast path (wsgi.py); this middleware serves the rest:
misses, conditional requests, the fallback pages of an outage, and every request of
a Django test client. It sits right after the gzip middleware and before
SecurityMiddleware, the CSP, Permissions-Policy and whitenoise middlewares, so an
entry holds the headers they added when the page was rendered (constant for public
pages; their settings are part of the key) and a hit skips them. An entry also holds
its body cut around its public forms' tokens and compressed once (entries.py,
tregks.core.compression), so a hit neither searches the page nor compresses it. A miss
is served from the entry it stored, like a hit, so both send the same headers. Static
files pass through untouched to whitenoise.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import http_date, parse_http_date_safe

from . import fallback
from .entries import STATUS_HEADER, entry_of, served
from .generation import (
    GENERATION_KEY,
    current_generation,
    page_cache,
    request_scope,
    settle,
)
from .keys import PageKeys, page_cache_setting

ALLOWED_VARY = {"cookie", "accept-language"}
CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# Set by the middlewares inside this one; a 304 keeps them, as it did when they ran
# after the cache (Django's 304 copies only the caching headers).
INNER_SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Content-Security-Policy-Report-Only",
    "Permissions-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


class PageCacheMiddleware:
    """Serves anonymous readers from the shared cache; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.keys = PageKeys()
        # whitenoise (inside) serves these; nothing of the page cache applies.
        self.static_prefix = settings.STATIC_URL if settings.STATIC_URL else None

    def cache_key(self, request):
        """The cache key of a request, or None (tregks.cache.keys)."""
        return self.keys.cache_key(request)

    # --- response side ---------------------------------------------------------------

    @staticmethod
    def cache_control(response):
        """The directive names of a response's Cache-Control header, in lower case."""
        return {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
            if part.strip()
        }

    def is_storable(self, response):
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies:
            return False
        if any("'nonce-" in response.get(name, "") for name in INNER_SECURITY_HEADERS):
            return False  # a CSP nonce is good for one response only
        if self.cache_control(response) & {"private", "no-store", "no-cache"}:
            return False
        vary = {
            header.strip().lower()
            for header in cc_delim_re.split(response.get("Vary", ""))
            if header.strip()
        }
        return vary <= ALLOWED_VARY

    def add_validators(self, response):
        """Cache-Control, ETag and Last-Modified for a response that may be shared."""
        if not response.has_header("Cache-Control"):
            max_age = page_cache_setting("PAGE_CACHE_MAX_AGE", 60)
            patch_cache_control(
                response,
                public=True,
                max_age=max_age,
                s_maxage=page_cache_setting("PAGE_CACHE_S_MAXAGE", max_age),
            )
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(time.time())

    def conditional(self, request, response):
        """304 Not Modified when the reader's copy is current."""
        if not any(name in request.META for name in CONDITIONAL_HEADERS):
            return response  # the common case, without parsing Last-Modified
        answer = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
        if answer is not response:
            for name in INNER_SECURITY_HEADERS:
                if name in response:
                    answer[name] = response[name]
        return answer

    # --- the middleware --------------------------------------------------------------

    def __call__(self, request):
        if self.static_prefix and request.path.startswith(self.static_prefix):
            return self.get_response(request)
        key = self.cache_key(request)
        if key is None:
            with request_scope():
                response = self.get_response(request)
            if not response.has_header(STATUS_HEADER):
                response[STATUS_HEADER] = "bypass"
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not (
                self.cache_control(response) & {"private", "no-store"}
            ):
                # Logged-in pages (user bar, drafts) must never land in a shared cache.
                patch_cache_control(response, private=True)
            return response

        cache = page_cache()
        if not settle(cache):  # the shared cache does not answer now
            return self.serve_without_shared_cache(request, key)
        # Only a cache of several processes can fail; one of this process alone
        # (local memory in development) has no breaker and nothing to fall back from.
        keep = fallback.remember if hasattr(cache, "breaker") else None
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            if keep:
                keep(key, entry)
            return self.cached_response(request, entry)
        if generation is None:
            generation = current_generation(cache)
            if generation is None:  # it failed just now
                return self.serve_without_shared_cache(request, key)
        with request_scope(generation):  # the render reads no counter of its own
            response = self.get_response(request)
        if self.is_storable(response):
            self.add_validators(response)
            entry = entry_of(response, generation)
            if (
                cache.set(key, entry, page_cache_setting("PAGE_CACHE_TIMEOUT", 600))
                and keep
            ):
                keep(key, entry)
            return self.cached_response(request, entry, source="miss")
        if not response.has_header(STATUS_HEADER):
            response[STATUS_HEADER] = "bypass"
        return response

    def serve_without_shared_cache(self, request, key):
        """Pages from this process's memory, kept only until anything changes."""
        entry = fallback.get(key)
        if entry is not None:
            return self.cached_response(request, entry, source="fallback")
        marker = fallback.marker()
        with request_scope():
            response = self.get_response(request)
        if self.is_storable(response):
            self.add_validators(response)
            entry = entry_of(response, None)
            fallback.put(key, entry, marker)
            return self.cached_response(request, entry, source="unavailable")
        if not response.has_header(STATUS_HEADER):
            response[STATUS_HEADER] = "bypass"
        return response

    def cached_response(self, request, entry, source="hit"):
        """A kept page as a response (tregks.cache.entries.served), or a 304."""
        status, headers, body = served(entry, request, source)
        # The stored headers were checked when the page was rendered.
        response = HttpResponse(body, status=status, headers=headers)
        return self.conditional(request, response)
