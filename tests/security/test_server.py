"""gunicorn as configured in site/tregks/gunicorn.conf.py: over-large requests are
refused with a 4xx, a graceful restart drops no request, and a worker stuck on a
client that never finishes its request is replaced after GUNICORN_TIMEOUT.

A real gunicorn serves a copy of the demo site (tests/serving.py).
"""

import http.client
import runpy
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.serving import ROOT, SiteServer, copy_of_demo_database

pytestmark = [pytest.mark.slow, pytest.mark.served]


@pytest.fixture(scope="module")
def server():
    database = copy_of_demo_database()
    with SiteServer(f"sqlite:///{database}", workers=2) as running:
        yield running


def whole_log(server):
    """gunicorn's whole log (SiteServer.output() keeps only its tail)."""
    server.log.flush()
    return Path(server.log.name).read_text(errors="replace")


def raw_request(server, head, body=b"", timeout=30):
    """Send bytes as they are and return (status, whole answer)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(head + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0].decode()
    return int(status_line.split()[1]), answer


def test_an_over_long_request_line_is_refused(server):
    path = "/de/suche/?q=" + "a" * 10_000
    status, answer = raw_request(
        server, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    )
    assert status == 414
    assert b"Traceback" not in answer


def test_too_many_request_headers_are_refused(server):
    headers = "".join(f"X-Filler-{n}: {n}\r\n" for n in range(150))
    status, answer = raw_request(
        server,
        f"GET /de/ HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Connection: close\r\n\r\n".encode(),
    )
    assert status == 431
    assert b"Traceback" not in answer


def csrf_cookie(server):
    """A csrftoken cookie from the login form, so that a post reaches the form code."""
    _, headers, _ = server.get("/admin/login/")
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    assert cookie.startswith("csrftoken=")
    return cookie


def test_an_over_large_form_post_is_refused(server):
    """Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB outside file fields) answers 400
    from the announced length alone, before reading the body."""
    head = (
        "POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Cookie: {csrf_cookie(server)}\r\n"
        f"Content-Length: {3 * 1024 * 1024}\r\nConnection: close\r\n\r\n"
    ).encode()
    status, answer = raw_request(server, head)
    assert status in (400, 413)
    assert b"Traceback" not in answer
    assert server.get("/healthz/")[0] == 200, "the worker survives it"


def test_a_graceful_restart_drops_no_request(server):
    answers = []
    stop = threading.Event()

    def read_continuously(path):
        while not stop.is_set():
            try:
                answers.append(server.get(path, timeout=60)[0])
            except OSError as error:  # refused or reset: a dropped request
                answers.append(repr(error))

    paths = ["/de/", "/healthz/", "/healthz/"]
    readers = [threading.Thread(target=read_continuously, args=(p,)) for p in paths]
    for reader in readers:
        reader.start()
    try:
        booted_before = whole_log(server).count("Booting worker")
        server.process.send_signal(signal.SIGHUP)  # what `kill -HUP` does on a deploy
        wait_until(
            lambda: whole_log(server).count("Booting worker") >= booted_before + 2
        )
        # The new workers answer too, not only the old ones finishing their requests.
        answered_before = len(answers)
        wait_until(lambda: len(answers) >= answered_before + 5)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert "Handling signal: hup" in whole_log(server)
    assert set(answers) == {200}, [a for a in answers if a != 200]


def test_recycled_workers_drop_no_request():
    """Workers restart after GUNICORN_MAX_REQUESTS (against slow leaks); a reader
    never notices: the other worker answers while a recycled one boots."""
    database = copy_of_demo_database()
    with SiteServer(
        f"sqlite:///{database}", workers=2, GUNICORN_MAX_REQUESTS="10"
    ) as site:
        answers = [site.get("/healthz/", timeout=60)[0] for _ in range(60)]
        log = whole_log(site)
    assert log.count("Autorestarting worker") >= 3
    assert set(answers) == {200}


def test_workers_recycle_at_staggered_counts():
    """Under even load every worker reaches the same request count at once; a jitter
    of half the limit spreads the restarts (five workers booting together stalled the
    site for seconds in the benchmark)."""
    config = runpy.run_path(str(ROOT / "site" / "tregks" / "gunicorn.conf.py"))
    assert config["max_requests"] >= 1000
    assert config["max_requests_jitter"] >= config["max_requests"] // 2


def wait_until(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_stuck_worker_is_replaced_after_the_timeout():
    """A client that never finishes its request holds a sync worker; gunicorn kills
    that worker after GUNICORN_TIMEOUT and the site answers again by itself."""
    database = copy_of_demo_database()
    with SiteServer(f"sqlite:///{database}", workers=1, GUNICORN_TIMEOUT="5") as site:
        with socket.create_connection(("127.0.0.1", site.port)) as stalled:
            stalled.sendall(b"GET /de/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # no end
            started = time.monotonic()
            status, _, _ = site.get("/healthz/", timeout=90)
            waited = time.monotonic() - started
        assert status == 200
        assert waited >= 4, "the only worker was busy with the stalled client"
        assert "WORKER TIMEOUT" in whole_log(site)


def get_without_following(site, path, headers=None):
    """(status, headers, body) of one GET; a redirect is returned, not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_production_settings_behind_the_tls_proxy():
    """Plain HTTP is redirected to HTTPS; what the proxy marks as HTTPS is served with
    HSTS and HTTPS addresses; the health check stays reachable over plain HTTP."""
    database = copy_of_demo_database()
    production = {
        "DJANGO_SETTINGS_MODULE": "tregks.settings.production",
        "SECRET_KEY": "production-shaped-test-only-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    with SiteServer(f"sqlite:///{database}", workers=1, **production) as site:
        status, headers, _ = get_without_following(site, "/robots.txt")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{site.port}/robots.txt"

        assert site.get("/healthz/")[0] == 200, "load balancers probe over HTTP"

        status, headers, body = get_without_following(
            site, "/robots.txt", headers={"X-Forwarded-Proto": "https"}
        )
        assert status == 200
        assert headers["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert f"Sitemap: https://127.0.0.1:{site.port}/sitemap.xml" in body.decode()
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
