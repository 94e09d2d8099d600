"""gunicorn with the production settings behind the TLS proxy, on a copy of the demo
site (tests/serving.py)."""

import http.client

import pytest

from tests.serving import SiteServer, copy_of_demo_database

pytestmark = [pytest.mark.slow, pytest.mark.served]


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
