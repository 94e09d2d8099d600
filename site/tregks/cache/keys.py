"""Which requests the page cache answers, and under which key.

One function for both doors to the cache: PageCacheMiddleware (inside Django) and the
WSGI fast path in front of Django (wsgi.py). The key is made of the code's fingerprint
(code_version.py), the settings of the security headers stored with each page, scheme,
host, path, the whitelisted query parameters, for paths without a language prefix the
reader's language, and the values of the cookies named in PAGE_CACHE_KEY_COOKIES.

No key (None) means the request never touches the cache: other methods, a bypass
header, an Authorization header, plain http when it is redirected to https, excluded paths (admin, API, health checks, documents,
static files, search suggestions), a session or unknown cookie, unknown query
parameters.
"""

import contextlib
import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from .code_version import code_version

# Query parameters that select what a public page shows; their values are part of the
# key. Anything else (except tracking parameters) makes the request uncacheable.
DEFAULT_QUERY_PARAMETERS = ("page", "partner", "topic", "year", "kind", "q", "p")
# Added by newsletters and social networks; no page reads them, so they are ignored.
TRACKING_PARAMETER_PREFIXES = ("utm_", "mtm_", "pk_")
TRACKING_PARAMETERS = {"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "ref"}
DEFAULT_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/healthz/",
    "/readyz/",
    "/documents/",
    "/static/",
    "/media/",
    "/bench/",
)
# The middlewares inside the page cache add headers that are stored with each page
# (docs/PERFORMANCE.md): a change of these settings (from the environment, with the
# same code) must be a new key.
HEADER_SETTINGS = (
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_SSL_HOST",
    "SECURE_REDIRECT_EXEMPT",
)


def page_cache_setting(name, default):
    """A page cache setting; each has a default, so the settings modules may leave it out."""
    return getattr(settings, name, default)


def header_name_in_meta(name):
    """`X-Bench-Bypass` -> `HTTP_X_BENCH_BYPASS` (what request.headers would look up)."""
    return "HTTP_" + name.upper().replace("-", "_")


class PageKeys:
    """The cache key of a request; settings that cannot change per request are read
    when made (one per middleware or WSGI application, as Django's middlewares do)."""

    def __init__(self):
        self._excluded = None
        self.header_settings = hashlib.sha256(
            repr([page_cache_setting(name, None) for name in HEADER_SETTINGS]).encode()
        ).hexdigest()[:16]

    def excluded_prefixes(self):
        """Configured prefixes plus the search suggestion URL in every language."""
        if self._excluded is None:
            prefixes = list(
                page_cache_setting(
                    "PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES
                )
            )
            for code, _name in settings.LANGUAGES:
                with translation.override(code), contextlib.suppress(NoReverseMatch):
                    prefixes.append(reverse("search_suggest"))
            self._excluded = tuple(prefixes)
        return self._excluded

    def cache_key(self, request):
        """The cache key of a request, or None when the request must not use the cache."""
        if not page_cache_setting("PAGE_CACHE_ENABLED", True):
            return None
        if request.method not in ("GET", "HEAD"):
            return None
        meta = request.META
        bypass_header = page_cache_setting("PAGE_CACHE_BYPASS_HEADER", "")
        if bypass_header and meta.get(header_name_in_meta(bypass_header)):
            return None
        if "HTTP_AUTHORIZATION" in meta:
            return None
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None  # SecurityMiddleware (inside) redirects it to https
        path = request.path
        if path.startswith(self.excluded_prefixes()):
            return None

        cookie_values = []
        if meta.get("HTTP_COOKIE"):
            key_cookies = page_cache_setting("PAGE_CACHE_KEY_COOKIES", ())
            ignored_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
            for name, value in request.COOKIES.items():
                if name in key_cookies:
                    cookie_values.append((name, value))
                elif name not in ignored_cookies:
                    # Session (logged in, preview, page password) or a cookie this
                    # cache does not know: the page may depend on it.
                    return None

        query = []
        if meta.get("QUERY_STRING"):
            allowed = page_cache_setting(
                "PAGE_CACHE_QUERY_PARAMETERS", DEFAULT_QUERY_PARAMETERS
            )
            for name, values in request.GET.lists():
                if name in allowed:
                    query.extend((name, value) for value in values)
                elif name in TRACKING_PARAMETERS or name.startswith(
                    TRACKING_PARAMETER_PREFIXES
                ):
                    continue
                else:
                    return None

        language = ""
        if translation.get_language_from_path(path) is None:
            # Without a language prefix the response may depend on the reader's
            # language (LocaleMiddleware then sends Vary: Accept-Language).
            language = translation.get_language_from_request(request, check_path=False)

        raw = "|".join(
            [
                code_version(),
                self.header_settings,
                request.scheme,
                request.get_host(),
                path,
                urlencode(sorted(query)) if query else "",
                language,
                urlencode(sorted(cookie_values)) if cookie_values else "",
            ]
        )
        return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()
