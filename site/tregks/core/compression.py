"""gzip for pages, feeds, sitemaps and API answers from the application server.

whitenoise compresses static files only; without this, HTML left the production
server uncompressed unless a proxy in front compressed it (README, "Deployment").

BREACH: compressing a response that holds a secret next to text an attacker can
choose lets the attacker guess the secret from the compressed size. Public pages hold
no secret (no CSRF token, no personal data), so only what anonymous readers get is
compressed: requests that carry a session or CSRF cookie (editors, the admin) and
responses that set a CSRF cookie (a login form) are sent as they are. Streaming
answers (static files, audio and video with byte ranges) are left alone too.

The page cache stores each page compressed once, when it is rendered
(`compress_ahead`), and serves that body to every reader the middleware would compress
for (the same rules: `compressible_type`, `reader_may_get_gzip`, `accepts_gzip`, see
tregks.cache.entries), so a cached page is not compressed again on every request.
A page with form tokens (each reader gets fresh ones) is stored as compressed pieces
between the tokens; each hit joins them around its new tokens (`gzip_joined`), the
way parallel gzip tools join independently compressed blocks. The tokens go in as
uncompressed blocks: they never share a compression window with the page.
"""

import re
import secrets
import struct
import zlib

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.text import compress_string

COMPRESSED_TYPES = (
    "text/html",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
)
# Django's GZipMiddleware leaves shorter bodies alone.
MIN_LENGTH = 200
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


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
        if not compressible_type(response.get("Content-Type", "")):
            return False
        if not reader_may_get_gzip(request):
            return False
        return settings.CSRF_COOKIE_NAME not in response.cookies


def compressible_type(content_type):
    """Is a response of this Content-Type compressed (text, not images or audio)?"""
    return content_type.split(";")[0].strip().lower() in COMPRESSED_TYPES


def reader_may_get_gzip(request):
    """False for editors and the admin: a session or CSRF cookie (BREACH, above)."""
    if not request.META.get("HTTP_COOKIE"):
        return True  # the common case, without parsing cookies
    cookies = (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
    return not any(name in request.COOKIES for name in cookies)


def accepts_gzip(request):
    return ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None


def compress_ahead(response, pieces=None):
    """The body compressed as PublicGZipMiddleware would send it, or None when it
    would send it as it is (a type it leaves alone, too short, no smaller).

    With `pieces` (the body cut where each reader gets other bytes), a tuple of raw
    deflate pieces for `gzip_joined` instead of the finished body."""
    if response.streaming or not compressible_type(response.get("Content-Type", "")):
        return None
    content = response.content
    if len(content) < MIN_LENGTH:
        return None
    if pieces is not None and len(pieces) > 1:
        # One stream, flushed fully after each piece: every piece ends on a byte
        # boundary and the next refers to nothing before it, so other bytes can be
        # put in between (see `gzip_joined`).
        stream = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        compressed = tuple(
            stream.compress(piece) + stream.flush(zlib.Z_FULL_FLUSH)
            for piece in pieces[:-1]
        ) + (stream.compress(pieces[-1]) + stream.flush(zlib.Z_FINISH),)
        size = sum(map(len, compressed))
    else:
        compressed = compress_string(
            content, max_random_bytes=PublicGZipMiddleware.max_random_bytes
        )
        size = len(compressed)
    return compressed if size < len(content) else None


def gzip_joined(compressed, inserts, content):
    """A gzip body of `content`: the pieces of `compress_ahead` with the `inserts`
    (the bytes between the pieces, at most 64 KB each) as uncompressed blocks."""
    # Like Django's compress_string: a file name of random length, so that the size
    # of the answer says less about its content (Heal The Breach).
    name = b"a" * secrets.randbelow(PublicGZipMiddleware.max_random_bytes)
    parts = [b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff", name, b"\x00"]
    for piece, insert in zip(compressed, inserts, strict=False):
        # A stored block that is not the last: header bits 000, then the length and
        # its complement; the piece before ended on a byte boundary.
        length = len(insert)
        parts += [piece, b"\x00", struct.pack("<HH", length, length ^ 0xFFFF), insert]
    parts.append(compressed[-1])
    parts.append(struct.pack("<II", zlib.crc32(content), len(content) & 0xFFFFFFFF))
    return b"".join(parts)
