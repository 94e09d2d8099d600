"""gunicorn as configured in site/tregks/gunicorn.conf.py: a worker stuck on a client that
never finishes its request is replaced after GUNICORN_TIMEOUT, on a copy of the demo
site (tests/serving.py)."""

import socket
import time

import pytest

from tests.serving import SiteServer, copy_of_demo_database, whole_log

pytestmark = [pytest.mark.slow, pytest.mark.served]


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
