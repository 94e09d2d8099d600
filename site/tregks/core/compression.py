"""gzip for pages, feeds, sitemaps and API answers from the application server.

whitenoise compresses static files only; without this, HTML left the production
server uncompressed unless a proxy in front compressed it (README, "Deployment").

BREACH: compressing a response that holds a secret next to text an attacker can
choose lets the attacker guess the secret from the compressed size. Public pages hold
no secret (no CSRF token, no personal data), so only what anonymous readers get is
compressed: requests that carry a session or CSRF cookie (editors, the admin) and
responses that set a CSRF cookie (a login form) are sent as they are. Streaming
answers (static files, audio and video with byte ranges) are left alone too.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = (
    "text/html",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
)


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for anonymous readers' text responses only."""

    def process_response(self, request, response):
        if not self.should_compress(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def should_compress(request, response):
        if response.streaming:
            return False
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in COMPRESSED_TYPES:
            return False
        cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
        if any(name in request.COOKIES for name in cookies):
            return False
        return settings.CSRF_COOKIE_NAME not in response.cookies
