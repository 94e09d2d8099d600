"""The production server compresses what anonymous readers get, and nothing that
could carry a secret (BREACH, see tregks.core.compression).

A real gunicorn serves a copy of the demo site (tests/serving.py): the server is
another process with its own database file, so the test asks for pages the demo has
(the home page, the press index, the podcast show as a long page) by their public
addresses and asserts no wording.
"""

import gzip

import pytest

from tests.serving import SiteServer, copy_of_demo_database
from tests.utils import without_form_tokens

pytestmark = [pytest.mark.slow, pytest.mark.served]

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture(scope="module")
def server():
    database = copy_of_demo_database()
    with SiteServer(f"sqlite:///{database}", workers=1) as running:
        yield running


@pytest.mark.parametrize(
    "path", ["/de/", "/en/press/", "/sitemap-pages.xml", "/api/v2/pages/"]
)
def test_pages_sitemaps_and_api_answers_are_compressed(server, path):
    plain_status, _headers, plain = server.get(path)
    status, headers, body = server.get(path, headers=GZIP)
    assert status == plain_status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert without_form_tokens(gzip.decompress(body)) == without_form_tokens(plain)
    assert len(body) < len(plain) / 2


def test_a_cached_page_is_compressed_too(server):
    server.get("/de/podcast/")
    _status, headers, body = server.get("/de/podcast/", headers=GZIP)
    assert headers["X-Page-Cache"] == "hit"
    assert headers["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(body)


def test_nothing_is_compressed_for_a_reader_with_a_session_or_csrf_cookie(server):
    for cookie in ("sessionid=abc", "csrftoken=abc"):
        _status, headers, body = server.get("/de/", headers={**GZIP, "Cookie": cookie})
        assert "Content-Encoding" not in headers
        assert b"<html" in body


def test_the_admin_login_form_with_its_csrf_token_is_not_compressed(server):
    status, headers, body = server.get("/admin/login/", headers=GZIP)
    assert status == 200
    assert "Content-Encoding" not in headers
    assert b"csrfmiddlewaretoken" in body


def test_binary_and_streamed_files_are_left_alone(server):
    for path in ("/favicon.ico", "/static/css/site.css"):
        status, headers, _body = server.get(path, headers=GZIP)
        assert status == 200
        assert "Content-Encoding" not in headers, path
