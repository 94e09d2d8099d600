"""The page cache's fast path in front of Django (tregks.cache.wsgi): a plain hit is
answered before Django's handler, with what Django's handler would have sent.

Each test builds its page, lets Django render and store it, and then asks the WSGI
application gunicorn runs (`tregks.wsgi.application`'s kind) and Django's handler
alone for it, the way gunicorn calls them. `Django.calls` tells whether a request went
past the fast path.
"""

import gzip
import re
from urllib.parse import unquote

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, override_settings

import pytest

from home.factories import ContentPageFactory
from tests.serving import RedisServer, wsgi_environ
from tests.utils import without_form_tokens
from tregks.cache import fallback
from tregks.cache.generation import bump_generation, page_cache
from tregks.cache.wsgi import CachedPagesFirst
from tregks.core.form_protection import read_token

pytestmark = pytest.mark.django_db

TOKEN = re.compile(rb'name="form_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def keep_the_test_transaction():
    """Django's handler closes the database connection around each request, which
    would end the test's transaction; Django's test client switches that off too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class Django:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


def call(app, path, **options):
    """(status, headers, body) as gunicorn gets them from a WSGI application."""
    started = []
    body = app(
        wsgi_environ(path, **options),
        lambda s, h, exc_info=None: started.append((s, h)),
    )
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    status, headers = started[0]
    return status, dict(headers), content


@pytest.fixture
def apps():
    """(the fast path in front of Django, Django), made under the test's settings."""
    django = Django()
    return CachedPagesFirst(django), django


@pytest.fixture
def url():
    return ContentPageFactory(
        title="Impressum im Test", lead="Wer die Seite betreibt."
    ).url


def stored(app, url, **options):
    """Render and store the page through Django (the first reader)."""
    status, headers, _body = call(app, url, **options)
    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "miss"


def plain(headers, body):
    return gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body


@pytest.mark.parametrize("encoding", ["", "gzip, deflate, br"])
@pytest.mark.parametrize("secure", [False, True])
def test_a_hit_before_django_is_the_hit_through_django(url, encoding, secure):
    options = {"secure": secure, "accept_encoding": encoding}
    with override_settings(SECURE_HSTS_SECONDS=3600):
        django = Django()
        fast = CachedPagesFirst(django)
        stored(django, url, **options)
        status, headers, body = call(django, url, **options)
        calls = django.calls
        fast_status, fast_headers, fast_body = call(fast, url, **options)
    assert django.calls == calls, "answered before Django"
    assert status == fast_status == "200 OK"
    assert headers["X-Page-Cache"] == fast_headers["X-Page-Cache"] == "hit"
    # A gzip body's file name has a random length (Heal The Breach): so has its size.
    if encoding:
        assert fast_headers["Content-Encoding"] == "gzip"
        assert fast_headers.pop("Content-Length") == str(len(fast_body))
        headers.pop("Content-Length")
    assert fast_headers == headers
    assert without_form_tokens(plain(fast_headers, fast_body)) == without_form_tokens(
        plain(headers, body)
    )
    assert fast_headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src" in fast_headers["Content-Security-Policy"]
    assert ("Strict-Transport-Security" in fast_headers) is secure


def test_a_head_request_gets_the_headers_without_a_body(apps, url):
    fast, django = apps
    stored(django, url)
    _status, get_headers, get_body = call(django, url)
    _status, headers, body = call(django, url, method="HEAD")
    calls = django.calls
    fast_status, fast_headers, fast_body = call(fast, url, method="HEAD")
    assert django.calls == calls
    assert fast_status == "200 OK"
    assert fast_headers == headers
    assert body == fast_body == b""
    assert fast_headers["Content-Length"] == str(len(get_body))
    assert get_headers["Content-Length"] == str(len(get_body))


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_every_reader_gets_a_fresh_form_token(apps, url, encoding):
    fast, django = apps
    stored(django, url, accept_encoding=encoding)
    tokens = []
    for _reader in range(3):
        _status, headers, body = call(fast, url, accept_encoding=encoding)
        assert headers["X-Page-Cache"] == "hit"
        found = TOKEN.findall(plain(headers, body))
        assert found, "the page has a public form (the newsletter in the footer)"
        tokens.append(found[0])
    assert len(set(tokens)) == 3
    assert all(read_token(token.decode())[1] for token in tokens)


def test_a_publish_makes_the_next_request_a_miss(apps, url):
    fast, django = apps
    page = ContentPageFactory(title="Seite im Test", lead="Alter Text.")
    stored(django, page.url)
    page.lead = "Neuer Text."
    page.save_revision().publish()
    calls = django.calls
    _status, headers, body = call(fast, page.url)
    assert django.calls == calls + 1
    assert headers["X-Page-Cache"] == "miss"
    assert b"Neuer Text." in body
    # Another process's publish: the counter moves in the shared cache only.
    bump_generation()
    assert call(fast, page.url)[1]["X-Page-Cache"] == "miss"
    assert django.calls == calls + 2
    assert call(fast, page.url)[1]["X-Page-Cache"] == "hit"
    assert django.calls == calls + 2


def test_a_logged_in_reader_never_gets_the_cached_page(apps, url, admin_user):
    fast, django = apps
    stored(django, url)
    editor = Client()
    editor.force_login(admin_user)
    session = editor.cookies["sessionid"].value
    calls = django.calls
    _status, headers, _body = call(fast, url, cookie=f"sessionid={session}")
    assert django.calls == calls + 1
    assert headers["X-Page-Cache"] == "bypass"
    assert "private" in headers["Cache-Control"]


@pytest.mark.parametrize(
    "options",
    [
        {"method": "POST"},
        {"cookie": "some_preference=dark"},
        {"authorization": "Basic eDp5"},
        {"if_none_match": '"anything"'},
    ],
    ids=["post", "unknown cookie", "authorization", "conditional"],
)
def test_everything_but_a_plain_hit_goes_to_django(apps, url, options):
    fast, django = apps
    stored(django, url)
    calls = django.calls
    call(fast, url, **options)
    assert django.calls == calls + 1


def test_a_page_with_an_umlaut_in_its_address_is_served_both_ways(apps):
    fast, django = apps
    page = ContentPageFactory(title="Über uns", slug="über-uns")
    # WSGI carries the unquoted path's UTF-8 bytes as a latin-1 string.
    wsgi_path = unquote(page.url).encode().decode("latin-1")
    assert wsgi_path != unquote(page.url)
    first = call(fast, wsgi_path)
    second = call(fast, wsgi_path)
    assert (first[0], first[1]["X-Page-Cache"]) == ("200 OK", "miss")
    assert (second[0], second[1]["X-Page-Cache"]) == ("200 OK", "hit")
    assert django.calls == 1


def test_a_host_that_is_not_allowed_gets_djangos_400(url):
    with override_settings(ALLOWED_HOSTS=["localhost"]):
        django = Django()
        fast = CachedPagesFirst(django)
        stored(django, url)
        status, _headers, _body = call(fast, url, host="evil.example")
    assert status.startswith("400")
    assert django.calls == 2


def test_revalidation_is_answered_by_django_with_a_304(apps, url):
    fast, django = apps
    stored(django, url)
    etag = call(fast, url)[1]["ETag"]
    status, headers, body = call(fast, url, if_none_match=etag)
    assert status == "304 Not Modified"
    assert body == b""
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_query_parameters_and_other_pages_go_to_django(apps, url):
    fast, django = apps
    stored(django, url + "?page=2")
    calls = django.calls
    assert call(fast, url + "?page=2&utm_source=x")[1]["X-Page-Cache"] == "hit"
    assert django.calls == calls
    assert call(fast, url + "?sort=old")[1]["X-Page-Cache"] == "bypass"
    assert call(fast, url + "?page=3")[1]["X-Page-Cache"] == "miss"
    assert django.calls == calls + 2


def test_gunicorn_runs_the_fast_path_in_front_of_django():
    import tregks.wsgi

    assert isinstance(tregks.wsgi.application, CachedPagesFirst)
    assert tregks.wsgi.application.application is tregks.wsgi.django_application


# --- with a shared Redis: the direct connection and the breaker ------------------------


@pytest.fixture
def redis(settings):
    """The site's cache on a Redis of this test's own (never the machine's)."""
    with RedisServer() as server:
        settings.CACHES = {
            "default": {
                "BACKEND": "tregks.cache.backend.ResilientRedisCache",
                "LOCATION": server.url,
                "KEY_PREFIX": "tregks-wsgi-test",
                "OPTIONS": {
                    "SOCKET_CONNECT_TIMEOUT": 0.2,
                    "SOCKET_TIMEOUT": 0.2,
                    "BREAKER_SECONDS": 0.5,
                },
            }
        }
        fallback.clear()
        yield server
        fallback.clear()


@pytest.mark.slow
def test_with_redis_a_hit_is_answered_before_django(redis, apps, url):
    fast, django = apps
    stored(django, url)
    calls = django.calls
    for _reader in range(3):
        status, headers, _body = call(fast, url)
        assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert django.calls == calls
    page_cache().breaker.failed(RuntimeError("test: the breaker opens"))
    _status, headers, body = call(fast, url)
    assert django.calls == calls + 1, "while the breaker waits, Django decides"
    assert headers["X-Page-Cache"] == "fallback"
    assert b"<html" in body


@pytest.mark.slow
def test_with_redis_gone_the_hit_falls_back_through_django(redis, apps, url):
    fast, django = apps
    stored(django, url)
    assert call(fast, url)[1]["X-Page-Cache"] == "hit"
    calls = django.calls
    redis.stop()
    _status, headers, body = call(fast, url)
    assert django.calls == calls + 1
    assert headers["X-Page-Cache"] == "fallback"
    assert b"<html" in body
