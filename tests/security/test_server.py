"""gunicorn as configured in site/tregks/gunicorn.conf.py: over-large requests are
refused with a 4xx, a graceful restart drops no request, and a worker stuck on a
client that never finishes its request is replaced after GUNICORN_TIMEOUT.

A real gunicorn serves a copy of the demo site (tests/serving.py). Workers recycled and
replaced: test_server_workers.py; production settings: test_server_production.py.
"""

import signal
import socket
import threading

import pytest

from tests.serving import SiteServer, copy_of_demo_database, wait_until, whole_log

pytestmark = [pytest.mark.slow, pytest.mark.served]


@pytest.fixture(scope="module")
def server():
    database = copy_of_demo_database()
    with SiteServer(f"sqlite:///{database}", workers=2) as running:
        yield running


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
        server.process.send_signal(signal.SIGHUP)  # new workers, the old ones finish
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
