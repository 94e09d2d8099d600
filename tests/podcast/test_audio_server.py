"""Podcast apps fetch audio with HEAD and byte ranges: checked on a real gunicorn server
with the settings of `make run` (tregks.settings.dev, DEBUG on) and of production.

The enclosure address comes from the server's own feed, as a podcast app finds it.
"""

import urllib.error
import urllib.parse
import urllib.request

import feedparser
import pytest

from tests.serving import ROOT, SiteServer, copy_of_demo_database

pytestmark = [pytest.mark.slow, pytest.mark.served]

SETTINGS = {
    "dev": {"DJANGO_SETTINGS_MODULE": "tregks.settings.dev", "DEBUG": "True"},
    "production": {
        "DJANGO_SETTINGS_MODULE": "tregks.settings.production",
        "SECRET_KEY": "production-like-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_HSTS_SECONDS": "0",
    },
}
# Behind the TLS proxy of production every request arrives marked as HTTPS.
HEADERS = {"dev": {}, "production": {"X-Forwarded-Proto": "https"}}


def call(server, path, method="GET", headers=None):
    """(status, headers, body) of one request; 4xx answers are results, not errors."""
    req = urllib.request.Request(  # noqa: S310
        server.url + path, method=method, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(req, timeout=15) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def served(request):
    """(server, headers) for `make run`'s settings, then for production's."""
    name = request.param
    database = copy_of_demo_database()
    # The demo database was built with the test settings: its media live there.
    env = {**SETTINGS[name], "MEDIA_ROOT": str(ROOT / ".test-media")}
    with SiteServer(f"sqlite:///{database}", workers=1, **env) as server:
        yield server, HEADERS[name]


def first_enclosure(server, headers):
    status, _headers, body = call(server, "/de/podcast/feed/", headers=headers)
    assert status == 200, body[:500]
    enclosure = feedparser.parse(body).entries[0].enclosures[0]
    return urllib.parse.urlsplit(enclosure.href).path, int(enclosure.length)


def test_head_gives_the_length_of_the_feed_without_a_body(served):
    server, headers = served
    path, length = first_enclosure(server, headers)
    status, answer, body = call(server, path, "HEAD", headers)
    assert status == 200
    assert answer["Content-Length"] == str(length)
    assert answer["Accept-Ranges"] == "bytes"
    assert answer["Content-Type"] == "audio/mpeg"
    assert body == b""


def test_a_range_gives_206_with_content_range(served):
    server, headers = served
    path, length = first_enclosure(server, headers)
    status, _answer, whole = call(server, path, headers=headers)
    assert status == 200 and len(whole) == length
    assert whole[:3] == b"ID3" or whole[0] == 0xFF  # an MP3, not an HTML error page

    status, answer, body = call(
        server, path, headers={**headers, "Range": "bytes=100-199"}
    )
    assert status == 206
    assert answer["Content-Range"] == f"bytes 100-199/{length}"
    assert body == whole[100:200]

    status, answer, body = call(server, path, headers={**headers, "Range": "bytes=-16"})
    assert status == 206
    assert body == whole[-16:]


def test_a_range_past_the_end_is_416(served):
    server, headers = served
    path, length = first_enclosure(server, headers)
    status, answer, _body = call(
        server, path, headers={**headers, "Range": f"bytes={length}-"}
    )
    assert status == 416
    assert answer["Content-Range"] == f"bytes */{length}"
