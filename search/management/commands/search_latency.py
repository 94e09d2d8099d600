"""Time the search page in this process: `manage.py search_latency [--rounds 20]`.

Renders `/de/suche/?q=…` for ten terms of the benchmark archive (`bench/build_archive.py N`),
one request at a time, through the whole middleware stack with the page cache switched
off, and prints p50, p95 and the maximum in milliseconds plus the SQL queries of one
request. No server and no load tool: a quick check while working on the search; the
benchmark (`bench/run.py`) measures the same through gunicorn.
"""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

# The benchmark's terms, which the scaled archive contains (bench/archive.py).
TERMS_FILE = settings.BASE_DIR / "bench" / "search_terms.txt"


class Command(BaseCommand):
    help = "Time the search page (p50, p95, max) and count its SQL queries."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--language", default="de")

    def handle(self, *args, rounds, language, **options):
        host = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".")
        if host == "*":
            host = "localhost"
        client = Client(HTTP_HOST=host, secure=not settings.DEBUG)
        with translation.override(language):
            url = reverse("search")
        terms = [line for line in TERMS_FILE.read_text().splitlines() if line.strip()]
        timings = []
        with override_settings(PAGE_CACHE_ENABLED=False):
            for term in terms:  # warm-up: what a running server keeps
                self._get(client, url, term)
            for _round in range(rounds):
                for term in terms:
                    started = time.perf_counter()
                    self._get(client, url, term)
                    timings.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                self._get(client, url, terms[0])
        timings.sort()
        p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
        self.stdout.write(
            f"{len(timings)} requests to {url}: p50 {statistics.median(timings):.1f} ms, "
            f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms; "
            f"{len(queries)} SQL queries per search"
        )

    def _get(self, client, url, term):
        response = client.get(url, {"q": term})
        if response.status_code != 200:
            raise SystemExit(f"{url}?q={term} answered {response.status_code}.")
