"""Serving files from local media storage with HEAD and byte ranges.

Podcast apps and browsers' <audio>/<video> elements ask for parts of a file
(`Range: bytes=0-99`) and refuse to seek, or to play at all, when the server ignores
them. django.views.static.serve has no Range support, so this view replaces it
whenever MEDIA_STORAGE is "local" (with DEBUG on or off). With MEDIA_STORAGE=s3 the
object store serves media, ranges included; audio and video then pass through
`redirect_to_object_store()` first (tregks.core.storage_s3).

Documents are not served here: they go through Wagtail's serve view, which checks
collection privacy (WAGTAILDOCS_SERVE_METHOD = "serve_view").

Before a file is served, the "before_serve_media_file" hooks are asked, as Wagtail asks
"before_serve_document" ones: each gets (request, storage name) and returns None (serve
it to everyone), "private" (serve it to this user only, kept out of shared caches), an
HttpResponse to send instead, or raises Http404. The editorial app's embargo keeps
unreleased audio and video away from the public this way (docs/editorial-workflow.md).
"""

import mimetypes
import os
import re
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from wagtail import hooks

CHUNK_SIZE = 64 * 1024

# Folders of media storage that must not be served directly (see module docstring).
PRIVATE_PREFIXES = ("documents/",)

# Types that podcast apps and browsers expect. The system's mime.types (Debian maps
# .m4a to audio/mpeg) and Python's table disagree on some of them, so these win.
CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".m4b": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".vtt": "text/vtt; charset=utf-8",
    ".webp": "image/webp",
    ".avif": "image/avif",
}

SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def content_type_for(name):
    """The MIME type to announce for a file name (also used for enclosures and <source>)."""
    suffix = Path(name).suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


class Unsatisfiable(Exception):
    """The Range header asks only for bytes beyond the end of the file."""


def parse_range(header, size):
    """(start, end) inclusive for a single byte range, or None to send the whole file.

    Raises Unsatisfiable for a syntactically valid range that lies outside the file.
    Several ranges or a malformed header are ignored (RFC 9110 allows a full 200).
    """
    match = SINGLE_RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        # Suffix range: the last N bytes.
        length = int(last)
        if length == 0 or size == 0:
            raise Unsatisfiable
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        raise Unsatisfiable
    end = int(last) if last else size - 1
    if end < start:
        return None
    return start, min(end, size - 1)


def _read_range(path, start, length):
    with open(path, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def _etag(stat):
    return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'


def _range_applies(request, etag, last_modified):
    """If-Range: a range is only valid for the version of the file the client holds."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    if validator.startswith(('"', "W/")):
        return validator == etag
    since = parse_http_date_safe(validator)
    return since is not None and since >= last_modified


def ask_hooks(request, name):
    """(response, private) from the "before_serve_media_file" hooks (module docstring)."""
    private = False
    for hook in hooks.get_hooks("before_serve_media_file"):
        result = hook(request, name)
        if isinstance(result, HttpResponse):
            return result, private
        private = private or result == "private"
    return None, private


@require_safe
def serve_media(request, path):
    """A file from MEDIA_ROOT, answering HEAD and single byte ranges."""
    normalised = path.replace("\\", "/")
    if normalised.startswith(PRIVATE_PREFIXES) or "\x00" in normalised:
        raise Http404
    refusal, private = ask_hooks(request, normalised)
    if refusal is not None:
        return refusal
    try:
        full_path = safe_join(os.fspath(settings.MEDIA_ROOT), normalised)
    except (SuspiciousFileOperation, ValueError) as error:
        raise Http404 from error
    if not os.path.isfile(full_path):
        raise Http404
    stat = os.stat(full_path)
    size = stat.st_size
    last_modified = int(stat.st_mtime)
    etag = _etag(stat)

    if request.headers.get("If-None-Match") == etag or not was_modified_since(
        request.headers.get("If-Modified-Since"), last_modified
    ):
        response = HttpResponse(status=304)
        _common_headers(response, full_path, etag, last_modified, private=private)
        return response

    byte_range = None
    range_header = request.headers.get("Range")
    if range_header and _range_applies(request, etag, last_modified):
        try:
            byte_range = parse_range(range_header, size)
        except Unsatisfiable:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            response["Content-Type"] = "text/plain; charset=utf-8"
            response.content = b"The requested range lies outside the file.\n"
            _common_headers(
                response, full_path, etag, last_modified, typed=False, private=private
            )
            return response

    if byte_range is None:
        status, start, length = 200, 0, size
    else:
        start, end = byte_range
        status, length = 206, end - start + 1

    if request.method == "HEAD":
        response = HttpResponse(status=status)
    elif status == 200:
        response = FileResponse(open(full_path, "rb"))  # noqa: SIM115 (closed by Django)
    else:
        response = StreamingHttpResponse(
            _read_range(full_path, start, length), status=status
        )
    response["Content-Length"] = str(length)
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{start + length - 1}/{size}"
    _common_headers(response, full_path, etag, last_modified, private=private)
    return response


@require_safe
def redirect_to_object_store(request, path):
    """MEDIA_STORAGE=s3: after the hooks, a redirect to a short-lived signed address."""
    normalised = path.replace("\\", "/")
    if "\x00" in normalised or ".." in normalised.split("/"):
        raise Http404
    refusal, private = ask_hooks(request, normalised)
    if refusal is not None:
        return refusal
    response = HttpResponseRedirect(default_storage.signed_url(normalised))
    # The signed address expires: a cache may keep the redirect only briefly.
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=60"
    return response


def _common_headers(
    response, full_path, etag, last_modified, typed=True, private=False
):
    if typed:
        response["Content-Type"] = content_type_for(full_path)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        # Under embargo, served to an editor: never kept by a shared cache.
        response["Cache-Control"] = "private, no-cache"
    else:
        # Uploaded names are unique (Django adds a suffix), so a day of caching is safe.
        response["Cache-Control"] = "public, max-age=86400"
