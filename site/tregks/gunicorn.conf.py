"""gunicorn settings, each overridable from the environment."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# The application is loaded once, in the master, and each worker is a fork of it: a
# worker (re)starts in milliseconds instead of booting Django for about 1.3 s of CPU,
# and the workers share the loaded code's memory. Nothing connects at import (database
# and Redis connections open on a worker's first request), so no socket is shared.
# A deploy restarts gunicorn (a HUP would keep the old code).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in {"0", "false"}
# Recycle workers now and then so that a slow leak cannot grow without bound. The
# limit is high: cached pages are served at some 600 requests per second and worker,
# and a limit of 2,000 meant a restart every few seconds under load. The jitter is
# half the limit so that workers do not restart in lockstep: five workers booting at
# once (before the preload) stalled every request for 2 to 4 s in the benchmark.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(
    os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 2))
)
# Request limits: oversized request lines and headers get a 400 from gunicorn itself.
limit_request_line = 8190
limit_request_fields = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Heartbeat files in memory: a slow disk must not make gunicorn kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
