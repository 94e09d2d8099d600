"""Database outage: public pages answer a static 503, the health check 503, no stack
trace, and the site recovers by itself when the database is back.

A real gunicorn serves the site; the outage is real too: on SQLite the database
file's folder disappears, on PostgreSQL the network path to the server is cut. The
server is another process with a copy of the demo site, so the pages it asks for are
the demo's, by address; the test asserts no wording.
"""

import time

from django.db import InterfaceError, OperationalError, connection
from django.test import Client

import pytest

from tests.serving import SiteServer, TCPProxy, copy_of_demo_database

pytestmark = pytest.mark.slow


def wait_for(server, path, status, seconds=20):
    """The first answer with the wanted status, or the last one seen."""
    deadline = time.monotonic() + seconds
    while True:
        answer = server.get(path)
        if answer[0] == status or time.monotonic() > deadline:
            return answer
        time.sleep(0.5)


def assert_outage_page(answer):
    status, headers, body = answer
    text = body.decode()
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "no-store" in headers["Cache-Control"]
    assert "Vorübergehend nicht erreichbar" in text
    assert "Temporarily unavailable" in text
    for leak in ("Traceback", "OperationalError", "sqlite", "psycopg", 'File "'):
        assert leak not in text
    assert "Content-Security-Policy" in headers


def check_outage_and_recovery(server, break_database, restore_database):
    assert server.get("/healthz/")[0] == 200
    break_database()
    try:
        assert_outage_page(server.get("/de/"))
        assert_outage_page(server.get("/en/legal-notice/"))
        status, _, body = server.get("/healthz/")
        assert status == 503
        assert b"Traceback" not in body
    finally:
        restore_database()
    # Nobody restarts anything: the next requests reconnect.
    assert wait_for(server, "/healthz/", 200)[0] == 200
    status, _, body = server.get("/en/")
    assert status == 200
    assert b"tregks" in body


@pytest.mark.served
def test_sqlite_outage_gives_503_and_recovers():
    database = copy_of_demo_database()
    folder = database.parent
    hidden = folder.with_name(folder.name + "-away")
    with SiteServer(f"sqlite:///{database}", DATABASE_CONN_MAX_AGE="0") as server:
        check_outage_and_recovery(
            server,
            break_database=lambda: folder.rename(hidden),
            restore_database=lambda: hidden.rename(folder),
        )
        assert "Traceback" not in server.output()


@pytest.mark.postgres
def test_postgres_outage_gives_503_and_recovers(demo_site, django_db_blocker):
    """Persistent connections (CONN_MAX_AGE 600) break and are replaced by themselves.
    The server serves this worker's copy of the demo (`demo_site`)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (the PostgreSQL pass runs it)")
    settings = connection.settings_dict
    proxy = TCPProxy(int(settings["PORT"] or 5432), settings["HOST"] or "127.0.0.1")
    proxy.start()
    user = settings["USER"]
    url = f"postgres://{user}@127.0.0.1:{proxy.port}/{settings['NAME']}"
    try:
        with SiteServer(url, DATABASE_CONN_MAX_AGE="600") as server:
            check_outage_and_recovery(
                server, break_database=proxy.stop, restore_database=proxy.start
            )
            assert "Traceback" not in server.output()
    finally:
        proxy.stop()


@pytest.mark.django_db
def test_middleware_turns_database_errors_into_503(monkeypatch):
    """In-process: an error while serving a page becomes the static 503 page."""
    from wagtail.models import Site

    def unreachable(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(Site, "find_for_request", unreachable)
    response = Client(raise_request_exception=False).get("/de/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "connection already closed" not in response.content.decode()


def test_server_error_handler_answers_503_for_database_errors(rf):
    """Outside a view (e.g. in a middleware) the 500 handler sends the 503 page."""
    from tregks.core.views import server_error

    try:
        raise InterfaceError("connection already closed")
    except InterfaceError:
        response = server_error(rf.get("/de/"))
    assert response.status_code == 503
    plain = server_error(rf.get("/de/"))
    assert plain.status_code == 500


@pytest.mark.django_db
@pytest.mark.every_database
def test_a_broken_query_is_a_bug_not_an_outage():
    """SQLite reports bad SQL as OperationalError too: that must stay a visible 500."""
    from tregks.core.middleware import is_database_down

    assert is_database_down(InterfaceError("connection already closed"))
    assert is_database_down(OperationalError("unable to open database file"))
    syntax_error = OperationalError('fts5: syntax error near ">"')
    assert is_database_down(syntax_error) is (connection.vendor != "sqlite")
