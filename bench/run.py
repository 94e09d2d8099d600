#!/usr/bin/env python
"""Benchmark: a large site on PostgreSQL, served by gunicorn, measured with wrk.

    make bench            # or: .venv/bin/python bench/run.py [--scale 10000]

Steps (loopback only; bounded by --max-minutes, 45 by default, on two cores):
1. a fresh PostgreSQL database (tregks_bench), migrations, `load_demo`, then
   `bench/build_archive.py N` (the bulk archive, bench/archive.py);
2. collectstatic into a temporary folder;
3. SQL queries per page, counted in a separate Django process (page cache bypassed);
4. gunicorn with production settings (tregks.settings.bench: production plus the
   trivial view /bench/ping and a cache-bypass header) and the Redis cache;
5. wrk against every page twice, with a warm page cache and with the cache bypassed
   (header X-Bench-Bypass), plus the two ceilings: a static file served by whitenoise
   and the trivial Django view; then search latency (p95) with varying terms;
6. a table on the terminal and in docs/PERFORMANCE.md (between the bench markers).

`--reuse` skips step 1 when the database exists already (for quick re-measurements).

Bounded in time: building the site has its own limit (--build-minutes), every wrk run
lasts --duration seconds, after each run the script waits (at most two minutes) until
gunicorn has finished the requests wrk left queued, so that one slow page cannot slow
the next measurement, and pages still unmeasured when --max-minutes have passed are
listed as such. Only loopback addresses are used: PostgreSQL, Redis and gunicorn must
be on 127.0.0.0/8 or ::1.
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from ipaddress import ip_address
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START_MARK = "<!-- bench:start -->"
END_MARK = "<!-- bench:end -->"
BYPASS_HEADER = "X-Bench-Bypass"
# Issue 13: no uncached page over this p99 at --uncached-connections.
UNCACHED_P99_TARGET_MS = 300
# Terms the scaled archive contains (bench/archive.py); manage.py search_latency uses
# the same file.
SEARCH_TERMS = [
    term
    for term in (ROOT / "bench" / "search_terms.txt").read_text().splitlines()
    if term.strip()
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--database", default="tregks_bench")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--port", type=int, default=8110)
    parser.add_argument("--duration", type=int, default=6, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument(
        "--uncached-connections",
        type=int,
        default=16,
        help="connections of the uncached runs (issue 13 judges p99 at 16)",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=0, help="0: gunicorn default")
    parser.add_argument("--reuse", action="store_true", help="keep the database")
    parser.add_argument(
        "--max-minutes", type=float, default=45, help="bound of the whole run"
    )
    parser.add_argument(
        "--build-minutes", type=float, default=30, help="bound of building the site"
    )
    parser.add_argument("--no-doc", action="store_true", help="do not write the doc")
    parser.add_argument("--inspect", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inspect:
        return inspect()

    started = time.monotonic()
    deadline = started + args.max_minutes * 60
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is missing. Install it with: apt-get install -y wrk")
    require_loopback(args)
    check_services(args)
    workdir = Path(tempfile.mkdtemp(prefix="tregks-bench-"))
    env = bench_env(args, workdir)
    commands = []
    try:
        if not args.reuse or not database_exists(args):
            recreate_database(args)
            commands.append("manage.py migrate")
            manage(env, "migrate", "--noinput", "-v0", timeout=600)
            commands.append(
                "manage.py load_demo --skip-accounts; "
                f"bench/build_archive.py {args.scale}"
            )
            t0 = time.monotonic()
            build_site(env, args.scale, timeout=args.build_minutes * 60)
            build_seconds = time.monotonic() - t0
            analyze_database(args)
            commands.append(f"site built in {build_seconds / 60:.1f} minutes")
            print(f"Site built in {build_seconds:.0f} s.")
        else:
            # The code may have moved on since the database was built.
            manage(env, "migrate", "--noinput", "-v0", timeout=600)
        manage(env, "collectstatic", "--noinput", "-v0", timeout=300)
        print("Counting SQL queries per page …")
        inspected = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--inspect"],
                env=env,
                cwd=ROOT,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
                timeout=600,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        flush_cache(args)
        server = start_gunicorn(env, args, workdir)
        try:
            load_before = load_average()
            results = measure(args, wrk, inspected, deadline)
            results["load_before"], results["load_after"] = load_before, load_average()
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = render(args, inspected, results, commands, time.monotonic() - started)
    print(report)
    if not args.no_doc:
        write_doc(report)
        print(f"Written to {DOC.relative_to(ROOT)}.")


# --- environment ---------------------------------------------------------------------


def bench_env(args, workdir):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CACHE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tregks.settings.bench",
            "PYTHONPATH": str(ROOT / "site"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "False",
            "DATABASE_URL": f"{args.pg}/{args.database}",
            "REDIS_URL": args.redis,
            # Per database: engineers sharing the Redis server keep apart.
            "CACHE_KEY_PREFIX": cache_prefix(args),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BASE_URL": f"http://127.0.0.1:{args.port}",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "BENCH_STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(ROOT / "bench" / "results" / "media"),
            "HOST": "127.0.0.1",
            "PORT": str(args.port),
            "LOG_LEVEL": "WARNING",
        }
    )
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    return env


def cache_prefix(args):
    return f"tregks-bench-{args.database}"


def check_services(args):
    import psycopg
    import redis

    try:
        psycopg.connect(f"{args.pg}/postgres", connect_timeout=3).close()
    except psycopg.Error as error:
        sys.exit(f"PostgreSQL at {args.pg} does not answer: {error}")
    try:
        redis.Redis.from_url(args.redis, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        sys.exit(f"Redis at {args.redis} does not answer: {error}")


def database_exists(args):
    import psycopg

    with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [args.database]
        ).fetchone()
    return row is not None


def recreate_database(args):
    import psycopg
    from psycopg import sql

    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        sys.exit("The database name may hold lower-case letters, digits and _ only.")
    with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as connection:
        name = sql.Identifier(args.database)
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name)
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def analyze_database(args):
    """Statistics for the planner: a server with autovacuum off (as on these machines)
    would otherwise plan every query of the fresh site as if its tables were empty."""
    import psycopg

    with psycopg.connect(f"{args.pg}/{args.database}", autocommit=True) as connection:
        connection.execute("ANALYZE")


def flush_cache(args):
    """Only this benchmark's keys: other processes may share the Redis server."""
    import redis

    client = redis.Redis.from_url(args.redis)
    for key in client.scan_iter(f"{cache_prefix(args)}:*", count=1000):
        client.delete(key)


def build_site(env, scale, timeout=None):
    """The demo, then the bulk archive of `scale` press releases (bench/archive.py)."""
    started = time.monotonic()
    manage(env, "load_demo", "--skip-accounts", timeout=timeout)
    left = None if timeout is None else max(60, timeout - (time.monotonic() - started))
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_archive.py"), str(scale)],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=left,
    )


def manage(env, *arguments, timeout=None):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=timeout,
    )


def is_loopback(host):
    if host in ("localhost", ""):
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_loopback(args):
    """The benchmark sends load only to this machine (docs/PERFORMANCE.md)."""
    for name, url in (("--pg", args.pg), ("--redis", args.redis)):
        host = urllib.parse.urlsplit(url).hostname or ""
        if not is_loopback(host):
            sys.exit(f"{name} must point to a loopback address, not {host!r}.")


def start_gunicorn(env, args, workdir):
    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--pythonpath",
            "site",
            "-c",
            "site/tregks/gunicorn.conf.py",
            "tregks.wsgi",
        ],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    SERVER["pid"] = server.pid
    base = f"http://127.0.0.1:{args.port}"
    for _attempt in range(120):
        try:
            with urllib.request.urlopen(f"{base}/healthz/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
        if server.poll() is not None:
            break
    server.kill()
    sys.exit(f"gunicorn did not start; see {workdir / 'gunicorn.log'}")


# --- measuring -----------------------------------------------------------------------


def fetch(url, bypass=False, timeout=60):
    headers = {BYPASS_HEADER: "1"} if bypass else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http only
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.status, response.read(), response.headers


def server_workers(args):
    return args.workers or (os.cpu_count() or 1) * 2 + 1


def wrk(binary, args, url, bypass=False, connections=None):
    command = [
        binary,
        f"-t{args.threads}",
        f"-c{connections or args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "30s",
        "--latency",
    ]
    if bypass:
        command += ["-H", f"{BYPASS_HEADER}: 1"]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=args.duration + 60,
    ).stdout
    result = parse_wrk(output)
    drain(url.split("/", 3)[:3])
    return result


# The gunicorn master's process id while it runs (for drain()).
SERVER = {"pid": None}


def drain(base_parts, limit=120.0):
    """Wait until gunicorn has worked off what wrk left behind when it stopped.

    wrk closes its connections at the end, but requests already sent are still
    rendered (ten queued uncached index pages take seconds); they would eat into
    the next page's measurement. Done when the workers have used no CPU for a second
    (Linux /proc) and the trivial view, queued behind any request still waiting for a
    worker, answers fast.
    """
    waited = time.monotonic()
    previous = worker_cpu_ticks(SERVER["pid"])
    quiet = 0
    while previous is not None and time.monotonic() - waited < limit:
        time.sleep(0.5)
        current = worker_cpu_ticks(SERVER["pid"])
        if current is None:
            break
        quiet = quiet + 1 if current - previous <= 2 else 0  # clock ticks
        if quiet >= 2:
            break  # then the trivial view must answer fast too (requests still queued)
        previous = current
    ping = "/".join(base_parts) + "/bench/ping"
    while time.monotonic() - waited < limit:
        t0 = time.monotonic()
        try:
            fetch(ping, timeout=5)
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            time.sleep(0.5)
            continue
        if time.monotonic() - t0 < 0.2:
            return time.monotonic() - waited
    return limit


def worker_cpu_ticks(master_pid):
    """CPU time (clock ticks) the master's worker processes have used, or None."""
    if master_pid is None:
        return None
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text()
    except OSError:
        return None
    total = 0
    for pid in children.split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total


def parse_wrk(output):
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        if not match:
            return None
        factor = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[match.group(2)]
        return float(match.group(1)) * factor

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*timeout (\d+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency(50),
        "p99": latency(99),
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(socket_errors.group(1)) if socket_errors else 0,
    }


def measure(args, binary, inspected, deadline):
    base = f"http://127.0.0.1:{args.port}"
    _status, home_html, _headers = fetch(base + inspected["endpoints"]["home"]["url"])
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', home_html)
    static_url = css.group(1).decode() if css else "/static/css/site.css"
    results = {"ceilings": {}, "pages": {}, "search": {}, "failed": {}}
    print("Ceilings …")
    results["ceilings"]["static file (whitenoise)"] = {
        "url": static_url,
        **wrk(binary, args, base + static_url),
    }
    results["ceilings"]["trivial Django view"] = {
        "url": "/bench/ping",
        **wrk(binary, args, base + "/bench/ping"),
    }
    # Uncached at the load (16 connections, more than workers): the p99 then
    # includes waiting for a busy worker, as a reader's would after a publish. drain()
    # keeps the backlog out of the next run.
    uncached_connections = args.uncached_connections
    for name, endpoint in inspected["endpoints"].items():
        if time.monotonic() > deadline:
            results["failed"][name] = {
                "url": endpoint["url"],
                "error": "time bound reached",
            }
            continue
        url = base + endpoint["url"]
        try:
            status, _body, _headers = fetch(url)  # renditions and the cache warm up
            _status, _body, headers = fetch(url)
        except (urllib.error.URLError, TimeoutError) as error:
            # One slow or broken page must not cost the whole run: note it, go on.
            print(f"{name}: {endpoint['url']} failed: {error}")
            results["failed"][name] = {"url": endpoint["url"], "error": str(error)}
            continue
        cache_status = headers.get("X-Page-Cache", "?")
        print(f"{name}: {endpoint['url']} (HTTP {status}, page cache {cache_status}) …")
        results["pages"][name] = {
            "url": endpoint["url"],
            "status": status,
            "cache": cache_status,
            "warm": wrk(binary, args, url),
        }
    # Uncached runs after all warm ones: a slow render left behind (or a query still
    # running in PostgreSQL) must not fall into a cached page's measurement.
    print("Uncached …")
    for page in results["pages"].values():
        page["uncached"] = wrk(
            binary,
            args,
            base + page["url"],
            bypass=True,
            connections=uncached_connections,
        )
    # The machine is shared: the ceiling again at the end shows how much it moved;
    # the percentages use the mean of both.
    results["ceilings"]["trivial Django view, again at the end"] = {
        "url": "/bench/ping",
        **wrk(binary, args, base + "/bench/ping"),
    }
    print("Search latency …")
    results["search"] = search_latency(base + inspected["search_url"], deadline)
    return results


def search_latency(search_url, deadline, rounds=20, limit=120.0):
    """One reader at a time, ten terms in turn; at most `limit` seconds.

    Each request asks for another page of a term's results (the first round for the
    first page, as a new search does), so none is answered from the results kept per
    cache generation (search/results.py): this measures the search itself.
    """
    timings = []
    stop = min(deadline + limit, time.monotonic() + limit)
    for round_number in range(rounds):
        for term in SEARCH_TERMS:
            if time.monotonic() > stop:
                break
            params = {"q": term} | ({"page": round_number + 1} if round_number else {})
            query = urllib.parse.urlencode(params)
            t0 = time.perf_counter()
            fetch(f"{search_url}?{query}", bypass=True)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    if not timings:
        return {"requests": 0, "p50": None, "p95": None, "max": None}
    return {
        "requests": len(timings),
        "p50": statistics.median(timings),
        "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
        "max": timings[-1],
    }


# --- the query counter (runs as a separate Django process) -----------------------------


def inspect():
    """Print JSON: the endpoints to measure and SQL queries per page (cache bypassed)."""
    sys.path.insert(0, str(ROOT / "site"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation

    import wagtail
    from wagtail.models import Locale, Page

    german = Locale.objects.get(language_code="de")
    client = Client(HTTP_HOST="127.0.0.1", headers={BYPASS_HEADER: "1"})

    def first_url(label, **filters):
        try:
            model = apps.get_model(label)
        except LookupError:
            return None
        page = (
            model.objects.live()
            .filter(locale=german, alias_of__isnull=True, **filters)
            .order_by("-path")
            .first()
        )
        return page.url if page else None

    endpoints = {}

    def add(name, url):
        if url:
            endpoints[name] = {"url": url}

    add("home", first_url("home.HomePage"))
    news_index = first_url("news.NewsIndexPage")
    add("news index", news_index)
    if news_index:
        releases = (
            apps.get_model("news.PressReleasePage").objects.live().filter(locale=german)
        )
        page_size = getattr(sys.modules.get("news.listing"), "PAGE_SIZE", None) or 12
        pages = max(1, -(-releases.count() // page_size))
        add("news index, deep page", f"{news_index}?page={max(2, pages * 9 // 10)}")
    add("press release", first_url("news.PressReleasePage"))
    # The demo's own releases carry an image, related pages and downloads.
    add(
        "press release with image",
        first_url("news.PressReleasePage", image__isnull=False),
    )
    add("story", first_url("stories.VideoStoryPage"))
    add("episode", first_url("podcast.PodcastEpisodePage"))
    add("partner", first_url("partners.PartnerProfilePage"))
    with translation.override("de"):
        search_url = reverse("search")
    add("search", f"{search_url}?q=Wasserstoff")
    for label, name in (
        ("podcast.PodcastShowPage", "podcast feed"),
        ("news.NewsIndexPage", "news feed"),
    ):
        url = first_url(label)
        if url:
            add(name, url + "feed/")
    # Crawlers read the index, then every part it lists; measure both (a middle part).
    add("sitemap index", "/sitemap.xml")
    parts = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").text)
    if parts:
        middle = urllib.parse.urlsplit(parts[len(parts) // 2])
        add("sitemap part", f"{middle.path}?{middle.query}".rstrip("?"))

    # Every other public page type found in the database (late arrivals included).
    known = {endpoint["url"].split("?")[0] for endpoint in endpoints.values()}
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        url = first_url(model._meta.label)
        if url and url not in known:
            add(f"{model._meta.verbose_name} ({model._meta.label})", url)

    for endpoint in endpoints.values():
        client.get(endpoint["url"])  # warm: content types, site root paths, renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(endpoint["url"])
        endpoint["queries"] = len(queries)
        endpoint["status"] = response.status_code
        endpoint["bytes"] = len(response.content)

    counts = {
        model: apps.get_model(model).objects.count()
        for model in (
            "news.PressReleasePage",
            "stories.VideoStoryPage",
            "podcast.PodcastEpisodePage",
            "partners.PartnerProfilePage",
        )
        if apps.is_installed(model.split(".")[0])
    }
    counts["all pages"] = Page.objects.count()

    print(
        json.dumps(
            {
                "endpoints": endpoints,
                "search_url": search_url,
                "counts": counts,
                "versions": {
                    "python": platform.python_version(),
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "postgresql": connection.cursor().connection.info.server_version,
                },
            }
        )
    )


# --- report --------------------------------------------------------------------------


def machine():
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPU cores ({cpu}){memory}, {platform.platform()}"


def tool_version(command):
    try:
        output = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    text = (output.stdout or output.stderr).strip().splitlines()
    return text[0] if text else "?"


def load_average():
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def fmt(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def render(args, inspected, results, commands, seconds):
    ping = (
        statistics.mean(
            ceiling["rps"]
            for name, ceiling in results["ceilings"].items()
            if name.startswith("trivial Django view")
        )
        or 1
    )
    static = results["ceilings"]["static file (whitenoise)"]["rps"] or 1
    lines = [
        START_MARK,
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/run.py` "
        f"in {seconds / 60:.1f} minutes.",
        "",
        f"- Machine: {machine()}",
        "- Versions: "
        + ", ".join(f"{k} {v}" for k, v in inspected["versions"].items())
        + f", gunicorn ({tool_version([sys.executable, '-m', 'gunicorn', '--version'])}), "
        + f"{tool_version(['wrk', '--version'])}, "
        + f"{tool_version(['redis-server', '--version'])}",
        f"- Site: {', '.join(f'{v:,} {k}' for k, v in inspected['counts'].items())} "
        "(both languages counted)",
        f"- Load: wrk, {args.threads} threads, {args.connections} connections "
        f"(uncached: {args.uncached_connections}), "
        f"{args.duration} s per run, loopback; gunicorn "
        f"{server_workers(args)} workers, production settings, Redis cache; "
        "percentages are of the mean of the trivial view's two runs",
        f"- Other work on the machine: load average {results['load_before']} "
        f"before, {results['load_after']} after the measurements (1, 5, 15 minutes)",
        "- Commands: `make bench` = `.venv/bin/python bench/run.py "
        f"--scale {args.scale}` ({'; '.join(commands) or 'database reused'})",
        "",
        "| endpoint | SQL queries | KB | page cache | warm rps | warm p50 / p99 ms "
        "| % of trivial view | % of static file | uncached rps | uncached p50 / p99 ms "
        f"| % of trivial view | uncached p99 < {UNCACHED_P99_TARGET_MS} ms |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- |",
    ]
    for name, ceiling in results["ceilings"].items():
        lines.append(
            f"| {name} `{ceiling['url']}` | – | – | – | {fmt(ceiling['rps'], 0)} | "
            f"{fmt(ceiling['p50'])} / {fmt(ceiling['p99'])} | "
            f"{ceiling['rps'] / ping * 100:.0f} % | "
            f"{ceiling['rps'] / static * 100:.0f} % | | | | |"
        )
    for name, page in results["pages"].items():
        warm, cold = page["warm"], page["uncached"]
        queries = inspected["endpoints"][name]["queries"]
        kilobytes = inspected["endpoints"][name]["bytes"] / 1000
        flags = ""
        if warm["errors"] or cold["errors"] or page["status"] != 200:
            flags = (
                f" (HTTP {page['status']}, {warm['errors'] + cold['errors']} errors)"
            )
        lines.append(
            f"| {name} `{page['url']}`{flags} | {queries} | {kilobytes:,.0f} | "
            f"{page.get('cache', '?')} | "
            f"{fmt(warm['rps'], 0)} | "
            f"{fmt(warm['p50'])} / {fmt(warm['p99'])} | {warm['rps'] / ping * 100:.0f} % | "
            f"{warm['rps'] / static * 100:.0f} % | "
            f"{fmt(cold['rps'], 0)} | {fmt(cold['p50'])} / {fmt(cold['p99'])} | "
            f"{cold['rps'] / ping * 100:.1f} % | {p99_verdict(cold)} |"
        )
    for name, failure in results["failed"].items():
        lines.append(
            f"| {name} `{failure['url']}` (not measured: {failure['error']}) | "
            f"{inspected['endpoints'][name].get('queries', '–')} | | | | | | | | | | |"
        )
    search = results["search"]
    lines += [
        "",
        f"Search, one reader at a time, page cache bypassed, {search['requests']} "
        f"requests with {len(SEARCH_TERMS)} terms, each for another page of results "
        f"(none answered from the kept results): p50 {fmt(search['p50'])} ms, "
        f"**p95 {fmt(search['p95'])} ms** (target < 100 ms), max {fmt(search['max'])} ms.",
        END_MARK,
    ]
    return "\n".join(lines)


def p99_verdict(run):
    if run.get("p99") is None:
        return "–"
    return "yes" if run["p99"] < UNCACHED_P99_TARGET_MS else "**no**"


def write_doc(report):
    text = DOC.read_text() if DOC.exists() else "# Performance\n\n"
    if START_MARK in text and END_MARK in text:
        before = text.split(START_MARK)[0]
        after = text.split(END_MARK, 1)[1]
        text = before + report + after
    else:
        text = text.rstrip() + "\n\n## Results\n\n" + report + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
