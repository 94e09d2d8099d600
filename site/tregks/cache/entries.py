"""What the page cache keeps of a response, and how a kept page is served.

One function for both doors to the cache: PageCacheMiddleware (inside Django, for
misses, fallbacks and conditional requests) and the WSGI fast path in front of Django
(wsgi.py, for plain hits) serve an entry through `served`, so a page gets the same
status, headers and body whichever door answered.

An entry is a tuple (generation, status, headers, pieces, scopes, compressed):

- the headers of the finished response as the middlewares inside the page cache left
  it (security headers, CSP, Permissions-Policy, caching headers; docs/PERFORMANCE.md),
  without Set-Cookie, Content-Length and X-Page-Cache;
- the body cut around its public forms' tokens (`pieces`, one more than `scopes`):
  each reader gets fresh tokens (tregks.core.form_protection), so a hit only signs
  new ones instead of searching the page;
- the body compressed once (tregks.core.compression.compress_ahead; pieces of raw
  deflate when the page has tokens), or None when the gzip middleware would send the
  page as it is.

A plain tuple of bytes, strings and numbers: it unpickles in about 2 µs.
"""

from django.utils.cache import cc_delim_re

from tregks.core.compression import (
    MIN_LENGTH,
    accepts_gzip,
    compress_ahead,
    compressible_type,
    gzip_joined,
    reader_may_get_gzip,
)
from tregks.core.form_protection import (
    fresh_tokens,
    joined_with_tokens,
    split_at_form_tokens,
)

STATUS_HEADER = "X-Page-Cache"
# Response headers that are not stored with a cached page.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "content-length"}


def entry_of(response, generation):
    """What is kept of a storable response rendered in `generation` (None: rendered
    while the shared cache did not answer, kept in this process only)."""
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in UNSTORED_HEADERS
    }
    pieces, scopes = split_at_form_tokens(response.content)
    compressed = compress_ahead(response, pieces)
    return (generation, response.status_code, headers, pieces, scopes, compressed)


def with_vary(vary, header):
    """A Vary value with `header` added, as django.utils.cache.patch_vary_headers
    writes it (on a header value, without a response object)."""
    names = cc_delim_re.split(vary) if vary else []
    if header.lower() not in {name.lower() for name in names}:
        names.append(header)
    return "*" if "*" in names else ", ".join(names)


def served(entry, request, source):
    """(status, headers, body) of a kept page for this request.

    `source` is what X-Page-Cache says (hit, miss, fallback, unavailable). The body
    carries fresh form tokens and is gzip-compressed when the gzip middleware would
    compress it: a GET of a text type of at least MIN_LENGTH bytes for an anonymous
    reader (Vary: Accept-Encoding), who accepts gzip. A HEAD gets no body and the
    plain body's length, as the gzip middleware leaves an empty body alone.
    """
    _generation, status, stored_headers, pieces, scopes, compressed = entry
    # Everything but a public form's token is shared: each reader gets a fresh one,
    # so its fill time counts from this visit (tregks.core.form_protection).
    tokens = fresh_tokens(scopes) if scopes else ()
    content = joined_with_tokens(pieces, tokens) if tokens else pieces[0]
    headers = dict(stored_headers)
    body = content
    if (
        request.method == "GET"
        and len(content) >= MIN_LENGTH
        and compressible_type(headers.get("Content-Type", ""))
        and reader_may_get_gzip(request)
    ):
        headers["Vary"] = with_vary(headers.get("Vary"), "Accept-Encoding")
        if compressed is not None and accepts_gzip(request):
            if isinstance(compressed, tuple):  # pieces around the form tokens
                compressed = gzip_joined(compressed, tokens, content)
            body = compressed
            etag = headers.get("ETag")
            if etag and etag.startswith('"'):
                headers["ETag"] = "W/" + etag  # as GZipMiddleware does (RFC 9110)
            headers["Content-Encoding"] = "gzip"
    headers["Content-Length"] = str(len(body))
    headers[STATUS_HEADER] = source
    return status, headers, b"" if request.method == "HEAD" else body
