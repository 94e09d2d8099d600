"""CPU microseconds per request through the WSGI application gunicorn runs, in this
process.

For the cached hit path (issue 13): a static file served by whitenoise, the trivial
view and pages served by the page cache, with and without `Accept-Encoding: gzip`,
called the way gunicorn calls `tregks.wsgi.application` (a WSGI environ, the body
iterated and closed), without the network. `APP=django` measures Django's handler
alone (every hit through PageCacheMiddleware, no fast path in front). Use the environment of bench/run.py (benchmark
settings, Redis, a built bench database), e.g.:

    DJANGO_SETTINGS_MODULE=tregks.settings.bench PYTHONPATH=site SECRET_KEY=x \
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_perf_bench \
    REDIS_URL=redis://127.0.0.1:6379/0 CACHE_KEY_PREFIX=tregks-bench-h_perf_bench \
    ALLOWED_HOSTS=127.0.0.1 BENCH_STATIC_ROOT=/tmp/perf_static \
    SECURE_SSL_REDIRECT=False SECURE_HSTS_SECONDS=0 \
    .venv/bin/python bench/hit_cpu.py /static/css/site.css /bench/ping /de/ ...

Prints one line per path: median CPU µs per request (ROUNDS blocks of REQUESTS).
`time.process_time()` counts this process only, so it moves far less with other
work on the machine than requests per second do.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT))

from tests.serving import wsgi_environ  # noqa: E402


def request(app, path, gzip):
    status = []
    gzip_header = {"accept_encoding": "gzip, deflate"} if gzip else {}
    body = app(
        wsgi_environ(path, host="127.0.0.1", **gzip_header),
        lambda s, h, exc_info=None: status.append((s, h)),
    )
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return status[0][0], dict(status[0][1]), size


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.bench")
    import tregks.wsgi

    app = tregks.wsgi.application
    if os.environ.get("APP") == "django":
        app = tregks.wsgi.django_application
    rounds = int(os.environ.get("ROUNDS", "7"))
    requests = int(os.environ.get("REQUESTS", "200"))
    for path in sys.argv[1:]:
        for gzip in (False, True):
            for _warm in range(5):
                status, headers, size = request(app, path, gzip)
            if not status.startswith("200"):
                sys.exit(f"{path} answers {status}")
            samples = []
            for _round in range(rounds):
                start = time.process_time()
                for _request in range(requests):
                    request(app, path, gzip)
                samples.append((time.process_time() - start) / requests * 1e6)
            print(
                f"{path:<40} gzip={'yes' if gzip else 'no ':<3} "
                f"{statistics.median(samples):7.0f} µs  {size / 1024:6.1f} KB  "
                f"cache={headers.get('X-Page-Cache', '-')}",
                flush=True,
            )


if __name__ == "__main__":
    main()
