"""Benchmarks (bench/run.py): production settings plus the benchmark's own switches.

Everything else is production: DEBUG off, hashed static files served by whitenoise,
the Redis cache and PostgreSQL from the environment.
"""

import os

from .production import *  # noqa: F403

# collectstatic writes to a temporary folder for the run.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
# The trivial view /bench/ping, and a header that skips the page cache, so the same
# server can be measured with a warm cache and without it.
BENCH_PING = True
PAGE_CACHE_BYPASS_HEADER = "X-Bench-Bypass"
