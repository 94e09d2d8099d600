#!/usr/bin/env python
"""Fault drills: the site under load while its cache, database or a worker fails.

    .venv/bin/python bench/faults.py [--only redis-frozen,publish-blip] [--no-doc]
    .venv/bin/python bench/faults.py --smoke     # short, SQLite, Redis scenarios only
    .venv/bin/python bench/faults.py --smoke --freeze 3 --breaker 2   # the suite's smoke

Loopback only, bounded in time, and it never touches the machine's shared services:
it starts its own redis-server and its own PostgreSQL cluster (initdb in a temporary
folder, as user postgres when run as root) on free ports, builds the demo site in it
(migrate, load_demo, collectstatic) and serves it with the Procfile's web command
(gunicorn) and production settings (tregks.settings.bench: production plus a
temporary static folder). In every scenario wrk holds 16 connections on every public
page of both languages, a prober reads one page every 100 ms (status, latency,
X-Page-Cache) and the readiness view every 250 ms. Scenarios:

- redis-killed: Redis killed (SIGKILL), started again empty 20 s later;
- redis-frozen: Redis frozen (SIGSTOP: accepts, never answers) for 60 s (--freeze);
- worker-killed: one gunicorn worker killed (SIGKILL);
- publish-blip: Redis frozen; an editor's process publishes a new title of one press
  release and unpublishes another; Redis thaws; two probers read both pages all along;
- postgres-stopped: PostgreSQL stopped (fast shutdown) for 10 s, then started again.

The figures (requests by status, p99, seconds to recovery) go to the terminal and into
docs/RELIABILITY.md between the faults markers; the run fails (exit 1) when a target
of issue 17 is missed (see TARGETS).
"""

import argparse
import contextlib
import faulthandler
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "RELIABILITY.md"
START_MARK = "<!-- faults:start -->"
END_MARK = "<!-- faults:end -->"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
CONNECTIONS = 16
BREAKER_SECONDS = 5  # production's default (CACHE_BREAKER_SECONDS); --breaker
TARGETS = """\
Redis frozen 60 s under 16 connections: zero 5xx and p99 under 1 s. Redis killed:
zero 5xx, a log line and a degraded readiness. An invalidation made during an outage
visible within 1 s of the cache's return (no stale answer after the change returned).
"""

# collectstatic, then the pages to read: one Django start-up instead of two.
LIST_PAGES = """
import json
from django.core.management import call_command
from wagtail.models import Page
from news.models import PressReleasePage
call_command("collectstatic", interactive=False, verbosity=0)
urls = sorted(p.url for p in Page.objects.live().public().specific() if p.url)
releases = list(PressReleasePage.objects.live().filter(locale__language_code="de")
                .order_by("-release_date")[:2])
print(json.dumps({"urls": urls, "releases": [[p.pk, p.url] for p in releases]}))
"""

# The editor of the publish-blip scenario: ready first, acts on a line from stdin.
EDITOR = """
import json, sys, time
from news.models import PressReleasePage
publish = PressReleasePage.objects.get(pk={PUBLISH})
withdraw = PressReleasePage.objects.get(pk={WITHDRAW})
print("READY", flush=True)
sys.stdin.readline()
publish.title = {TITLE!r}
started = time.time()
publish.save_revision().publish()
published = time.time()
withdraw.unpublish()
unpublished = time.time()
print("EDITOR " + json.dumps({"started": started, "published": published,
                             "unpublished": unpublished}), flush=True)
"""

WRK_SCRIPT = """
local paths = {PATHS}
local threads = {}
local counter = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    s2, s3, s4, s503, s5 = 0, 0, 0, 0, 0
    counter = math.random(#paths)
end

request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
    if status == 503 then s503 = s503 + 1
    elseif status >= 500 then s5 = s5 + 1
    elseif status >= 400 then s4 = s4 + 1
    elseif status >= 300 then s3 = s3 + 1
    else s2 = s2 + 1 end
end

function done(summary, latency, requests)
    local t = {0, 0, 0, 0, 0}
    for _, thread in ipairs(threads) do
        t[1] = t[1] + thread:get("s2")
        t[2] = t[2] + thread:get("s3")
        t[3] = t[3] + thread:get("s4")
        t[4] = t[4] + thread:get("s503")
        t[5] = t[5] + thread:get("s5")
    end
    local e = summary.errors
    io.write(string.format("FAULTS_RESULT %d %d %d %d %d %d %d %d\\n",
        summary.requests, t[1], t[2], t[3], t[4], t[5],
        e.connect + e.read + e.write + e.timeout, summary.duration))
    io.write(string.format("FAULTS_LATENCY %d %d %d\\n",
        latency:percentile(50), latency:percentile(99), latency.max))
end
"""


# --- services of the drill's own --------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=1),
        ):
            return
        time.sleep(0.1)
    sys.exit(f"Nothing answers on port {port}.")


class Redis:
    """redis-server on a free loopback port, without persistence."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server") or sys.exit("redis-server is missing."),
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


class Postgres:
    """A PostgreSQL cluster in a temporary folder, on a free loopback port."""

    def __init__(self, folder):
        self.port = free_port()
        self.data = folder / "pgdata"
        self.log = folder / "postgres.log"
        self.folder = folder
        # initdb refuses to run as root.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, *command):
        subprocess.run(  # noqa: S603
            [*self.as_user, *command],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def init(self):
        if self.as_user:
            os.chmod(self.folder, 0o777)  # noqa: S103 (a temporary folder of the drill)
        self.run(
            str(PG_BIN / "initdb"),
            *("-D", str(self.data), "-U", "postgres", "--auth=trust"),
            *("--encoding=UTF8", "--no-sync"),
        )
        self.start()

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self.run(
            str(PG_BIN / "pg_ctl"),
            *("-D", str(self.data), "-l", str(self.log), "-o", options, "-w"),
            "start",
        )

    def stop(self, mode="fast"):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "stop")


# --- the site ---------------------------------------------------------------------------


def site_env(args, workdir, database_url, redis_port):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CACHE_", "TEST_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tregks.settings.bench",
            "PYTHONPATH": str(ROOT / "site"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "False",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "CACHE_BREAKER_SECONDS": str(args.breaker),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BASE_URL": f"http://127.0.0.1:{args.port}",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "BENCH_STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "HOST": "127.0.0.1",
            "PORT": str(args.port),
            "LOG_LEVEL": "WARNING",
        }
    )
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    return env


def manage(env, *command):
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def procfile_web_command():
    """The Procfile's web command, with gunicorn from this virtual environment."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            command = shlex.split(line.split(":", 1)[1])
            command[0] = str(Path(sys.executable).with_name(command[0]))
            return command
    sys.exit("The Procfile has no web process.")


class Site:
    def __init__(self, env, log_path):
        self.env = env
        self.base = f"http://127.0.0.1:{env['PORT']}"
        self.log_path = log_path
        self.process = None

    def start(self):
        self.log = self.log_path.open("a")
        self.process = subprocess.Popen(  # noqa: S603
            procfile_web_command(),
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("gunicorn exited during start-up.")
            if get(self.base + "/healthz/", timeout=2)[0] == 200:
                return
            time.sleep(0.3)
        sys.exit("gunicorn did not answer in time.")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def workers(self):
        return children(self.process.pid)

    def log_text(self):
        return self.log_path.read_text(errors="replace")


def children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def get(url, timeout=10):
    """(status, X-Page-Cache, body, seconds); status 0 for no answer."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            body = response.read()
            return (
                response.status,
                response.headers.get("X-Page-Cache", ""),
                body,
                time.monotonic() - started,
            )
    except urllib.error.HTTPError as error:
        return (
            error.code,
            error.headers.get("X-Page-Cache", ""),
            error.read(),
            time.monotonic() - started,
        )
    except OSError:
        return 0, "", b"", time.monotonic() - started


# --- observers during a scenario -----------------------------------------------------------


class Prober(threading.Thread):
    """Reads one path again and again; every answer with its time since the start."""

    def __init__(self, base, path, started, interval=0.1, check=None):
        super().__init__(daemon=True)
        self.url, self.path, self.started = base + path, path, started
        self.interval = interval
        self.check = check or (lambda body: None)  # what to keep of the body
        self.answers = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            sent = time.monotonic() - self.started
            status, cache, body, seconds = get(self.url)
            self.answers.append(
                {
                    "sent": sent,
                    "at": time.monotonic() - self.started,
                    "status": status,
                    "cache": cache,
                    "check": self.check(body),
                    "seconds": seconds,
                }
            )
            self.stop.wait(self.interval)


def parse_json(body):
    with contextlib.suppress(ValueError):
        return json.loads(body)
    return {}


def readiness_of(answer):
    return answer["check"] or {}


def run_wrk(args, lua, base, seconds):
    """Starts wrk in the background; result() waits and parses its summary, or ends
    the load first with result(stop=True) (wrk reports what it did until then)."""
    process = subprocess.Popen(  # noqa: S603
        [
            args.wrk,
            *("-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s"),
            *("-s", str(lua), base),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def result(stop=False):
        if stop and process.poll() is None:
            process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=seconds + 60)[0]
        numbers = re.search(r"FAULTS_RESULT ([\d ]+)", output)
        latency = re.search(r"FAULTS_LATENCY ([\d ]+)", output)
        if not numbers or not latency:
            sys.exit(f"wrk gave no result:\n{output}")
        requests, s2, s3, s4, s503, s5, errors, micros = map(
            int, numbers.group(1).split()
        )
        p50, p99, worst = (int(v) / 1000 for v in latency.group(1).split())
        return {
            "requests": requests,
            "rps": round(requests / (micros / 1e6), 1),
            "2xx": s2,
            "3xx": s3,
            "4xx": s4,
            "503": s503,
            "other_5xx": s5,
            "socket_errors": errors,
            "p50_ms": round(p50),
            "p99_ms": round(p99),
            "max_ms": round(worst),
        }

    return result


class Scenario:
    """wrk plus probers for `seconds`; the fault happens in between (see run())."""

    def __init__(self, args, site, lua, seconds, probe_paths=("/de/",), check=None):
        self.args, self.site, self.lua, self.seconds = args, site, lua, seconds
        self.started = time.monotonic()
        self.probers = [
            Prober(site.base, path, self.started, check=check) for path in probe_paths
        ]
        self.readiness = Prober(
            site.base, "/readyz/", self.started, interval=0.25, check=parse_json
        )
        self.log_offset = len(site.log_text())

    def __enter__(self):
        self.wrk = run_wrk(self.args, self.lua, self.site.base, self.seconds)
        for prober in [*self.probers, self.readiness]:
            prober.start()
        return self

    def now(self):
        return time.monotonic() - self.started

    def sleep_until(self, moment):
        time.sleep(max(0, moment - self.now()))

    def finish(self, stop=False):
        result = self.wrk(stop=stop)
        for prober in [*self.probers, self.readiness]:
            prober.stop.set()
            prober.join(timeout=15)
        log = self.site.log_text()[self.log_offset :]
        result["log"] = {
            "outage": log.count("is not answering"),
            "recovery": log.count("answers again"),
            "recorded": log.count("recorded as pending"),
            "applied": log.count("pending page cache invalidation"),
            "tracebacks": log.count("Traceback"),
            "worker_timeouts": log.count("WORKER TIMEOUT"),
        }
        return result

    def __exit__(self, *exc):
        for prober in [*self.probers, self.readiness]:
            prober.stop.set()

    def first(self, prober, after, condition):
        """Seconds from `after` to the first answer sent after it that meets it."""
        for answer in prober.answers:
            if answer["sent"] >= after and condition(answer):
                return round(answer["at"] - after, 2)
        return None

    def readiness_seen(self, status, start, end):
        return any(
            readiness_of(a).get("status") == status
            for a in self.readiness.answers
            if start <= a["sent"] <= end
        )


# --- the scenarios ------------------------------------------------------------------------


def redis_killed(args, site, services, lua):
    down_for = 8 if args.smoke else 20
    with Scenario(args, site, lua, down_for + 12) as s:
        s.sleep_until(2)
        services.redis.kill()
        killed = s.now()
        s.sleep_until(killed + down_for)
        services.redis.start()
        restarted = s.now()
        result = s.finish()
        result["fault"] = (
            f"killed at {killed:.0f} s, started again (empty) {down_for} s later"
        )
        result["recovery_s"] = s.first(
            s.probers[0], restarted, lambda a: a["cache"] == "hit"
        )
        result["recovery_what"] = "first page from the cache after Redis is back"
        result["readiness_degraded"] = s.readiness_seen("degraded", killed, restarted)
        result["readiness_ok_after_s"] = s.first(
            s.readiness, restarted, lambda a: readiness_of(a).get("status") == "ok"
        )
    return result


def redis_frozen(args, site, services, lua):
    frozen_for = args.freeze
    # After the thaw: the breaker's cooldown, then a few seconds of a working cache.
    with Scenario(args, site, lua, 2 + frozen_for + args.breaker + 3) as s:
        s.sleep_until(2)
        services.redis.freeze()
        frozen = s.now()
        s.sleep_until(frozen + frozen_for)
        services.redis.thaw()
        thawed = s.now()
        result = s.finish()
        result["fault"] = f"frozen (SIGSTOP) at {frozen:.0f} s for {frozen_for} s"
        result["recovery_s"] = s.first(
            s.probers[0], thawed, lambda a: a["cache"] == "hit"
        )
        result["recovery_what"] = "first page from the cache after Redis thaws"
        result["readiness_degraded"] = s.readiness_seen("degraded", frozen, thawed)
        during = [a for a in s.probers[0].answers if frozen <= a["sent"] <= thawed]
        result["prober_max_ms"] = round(1000 * max(a["seconds"] for a in during))
    return result


def worker_killed(args, site, services, lua):
    with Scenario(args, site, lua, 15) as s:
        s.sleep_until(3)
        workers = site.workers()
        os.kill(workers[0], signal.SIGKILL)
        killed = s.now()
        recovered = None
        while s.now() < killed + 12:
            current = site.workers()
            if len(current) == len(workers) and workers[0] not in current:
                recovered = round(s.now() - killed, 2)
                break
            time.sleep(0.1)
        result = s.finish()
        result["fault"] = (
            f"one of {len(workers)} workers killed (SIGKILL) at {killed:.0f} s"
        )
        result["recovery_s"] = recovered
        result["recovery_what"] = "a new worker replaces it"
    return result


def publish_blip(args, site, services, lua, releases):
    (publish_id, publish_url), (withdraw_id, withdraw_url) = releases
    title = f"Neuer Titel {secrets.token_hex(4)}"
    editor = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-v0",
            "-c",
            EDITOR.replace("{PUBLISH}", str(publish_id))
            .replace("{WITHDRAW}", str(withdraw_id))
            .replace("{TITLE!r}", repr(title)),
        ],
        cwd=ROOT,
        env=site.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in editor.stdout:  # Django's shell may say something first
        if line.strip() == "READY":
            break
    else:
        sys.exit(f"The editor's process failed:\n{editor.communicate()[1][-3000:]}")
    probe_paths = (publish_url, withdraw_url)
    marker = title.encode()
    # Long enough for a slow editor (bounded at 60 s) and the breaker's cooldown after
    # the thaw; the probers read on until the load stops (early when all is done).
    with Scenario(
        args, site, lua, 45, probe_paths, check=lambda body: marker in body
    ) as s:
        s.sleep_until(3)
        services.redis.freeze()
        frozen = s.now()
        s.sleep_until(frozen + 1)
        editor.stdin.write("go\n")
        editor.stdin.flush()
        try:
            output, errors = editor.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            editor.kill()
            output, errors = editor.communicate()
        line = next((x for x in output.splitlines() if x.startswith("EDITOR ")), "")
        if not line:
            sys.exit(f"The editor's process failed:\n{output[-2000:]}{errors[-3000:]}")
        times = json.loads(line.split(" ", 1)[1])
        # Wall-clock times of the editor's process, on this scenario's clock.
        offset = time.time() - s.now()
        published = times["published"] - offset
        unpublished = times["unpublished"] - offset
        s.sleep_until(unpublished + 1)
        services.redis.thaw()
        thawed = s.now()
        s.sleep_until(max(thawed + args.breaker + 3, 0 if args.smoke else 20))
        result = s.finish(stop=True)
    published_prober, withdrawn_prober = s.probers
    stale_title = [
        a
        for a in published_prober.answers
        if a["sent"] > published and a["status"] == 200 and not a["check"]
    ]
    stale_withdrawn = [
        a
        for a in withdrawn_prober.answers
        if a["sent"] > unpublished and a["status"] == 200
    ]
    result["fault"] = (
        f"Redis frozen at {frozen:.0f} s; publish and unpublish in an editor's "
        f"process; Redis thawed at {thawed:.0f} s"
    )
    result["publish_s"] = round(times["published"] - times["started"], 2)
    result["unpublish_s"] = round(times["unpublished"] - times["published"], 2)
    result["stale_answers"] = len(stale_title) + len(stale_withdrawn)
    result["last_stale_after_thaw_s"] = max(
        (round(a["at"] - thawed, 2) for a in stale_title + stale_withdrawn),
        default=None,
    )
    result["new_state_after_thaw_s"] = s.first(
        published_prober, thawed, lambda a: a["check"]
    )
    result["cached_new_state_after_thaw_s"] = s.first(
        published_prober, thawed, lambda a: a["cache"] == "hit" and a["check"]
    )
    result["recovery_s"] = result["cached_new_state_after_thaw_s"]
    result["recovery_what"] = "new title served from the cache after Redis thaws"
    result["pending_applied_after_thaw_s"] = s.first(
        s.readiness,
        thawed,
        lambda a: readiness_of(a).get("cache", {}).get("pending_invalidations") == 0,
    )
    return result


def postgres_stopped(args, site, services, lua):
    with Scenario(args, site, lua, 25) as s:
        s.sleep_until(3)
        services.postgres.stop()
        stopped = s.now()
        s.sleep_until(stopped + 10)
        services.postgres.start()
        started = s.now()
        result = s.finish()
        result["fault"] = f"stopped (fast shutdown) at {stopped:.0f} s for 10 s"
        result["recovery_s"] = s.first(
            s.readiness, started, lambda a: a["status"] == 200
        )
        result["recovery_what"] = "readiness (database) answers 200 again"
        result["readiness_unavailable"] = s.readiness_seen(
            "unavailable", stopped, started
        )
    return result


SCENARIOS = {
    "redis-killed": redis_killed,
    "redis-frozen": redis_frozen,
    "worker-killed": worker_killed,
    "publish-blip": publish_blip,
    "postgres-stopped": postgres_stopped,
}
SMOKE_SCENARIOS = ["redis-frozen", "publish-blip"]


def verdict(results, latency=True):
    """The targets of issue 17 that a run missed (`latency`: also the p99 target,
    which the short smoke run in CI leaves to the full run on a quiet machine)."""
    problems = []
    frozen = results.get("redis-frozen")
    if frozen:
        fivexx = frozen["503"] + frozen["other_5xx"]
        if fivexx:
            problems.append(f"Redis frozen: {fivexx} responses with status 5xx")
        if latency and frozen["p99_ms"] >= 1000:
            problems.append(f"Redis frozen: p99 {frozen['p99_ms']} ms (target < 1 s)")
    killed = results.get("redis-killed")
    if killed:
        fivexx = killed["503"] + killed["other_5xx"]
        if fivexx:
            problems.append(f"Redis killed: {fivexx} responses with status 5xx")
        if not killed["log"]["outage"]:
            problems.append("Redis killed: no log line")
        if not killed["readiness_degraded"]:
            problems.append("Redis killed: readiness never said degraded")
    blip = results.get("publish-blip")
    if blip:
        if blip["stale_answers"]:
            problems.append(f"publish-blip: {blip['stale_answers']} stale answers")
        # Readers must see the change from the moment it returned, through the
        # outage and after the cache's return (whenever their request is answered).
        if blip["new_state_after_thaw_s"] is None:
            problems.append("publish-blip: new state not seen after the thaw")
        if blip["other_5xx"] + blip["503"]:
            problems.append("publish-blip: 5xx responses")
    for name, result in results.items():
        if result["log"]["tracebacks"] or result["log"]["worker_timeouts"]:
            problems.append(f"{name}: tracebacks or worker timeouts in the log")
    return problems


# --- the report ------------------------------------------------------------------------------


def seconds(value):
    return "–" if value is None else f"{value:.1f} s"


def tables(meta, results):
    lines = [
        f"Run {meta['date']}: {meta['cpus']} CPU cores shared with other work, "
        f"{meta['workers']} gunicorn workers, {CONNECTIONS} wrk connections, "
        f"database {meta['database']}, breaker {meta['breaker']} s, Redis timeouts "
        "50 ms.",
        "",
        "| scenario | fault | requests | 2xx | 3xx/4xx | 503 | other 5xx | socket errors "
        "| p50 / p99 / max | recovery |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['fault']} | {r['requests']} ({r['rps']}/s) | {r['2xx']} "
            f"| {r['3xx'] + r['4xx']} | {r['503']} | **{r['other_5xx']}** "
            f"| {r['socket_errors']} | {r['p50_ms']} / **{r['p99_ms']}** / "
            f"{r['max_ms']} ms | {seconds(r['recovery_s'])}: {r['recovery_what']} |"
        )
    lines += ["", "| scenario | observed |", "| --- | --- |"]
    for name, r in results.items():
        notes = [
            f"log: {r['log']['outage']} outage, {r['log']['recovery']} recovery, "
            f"{r['log']['recorded']} recorded and {r['log']['applied']} applied "
            "invalidation lines (all workers), "
            f"{r['log']['tracebacks']} tracebacks, "
            f"{r['log']['worker_timeouts']} worker timeouts"
        ]
        if "readiness_degraded" in r:
            notes.append(
                "readiness said degraded: "
                + ("yes" if r["readiness_degraded"] else "no")
            )
        if "readiness_ok_after_s" in r:
            notes.append(f"readiness ok {seconds(r['readiness_ok_after_s'])} after")
        if "prober_max_ms" in r:
            notes.append(f"slowest probe while frozen: {r['prober_max_ms']} ms")
        if "readiness_unavailable" in r:
            notes.append(
                "readiness said unavailable: "
                + ("yes" if r["readiness_unavailable"] else "no")
            )
        if "stale_answers" in r:
            notes.append(
                f"publish took {r['publish_s']} s, unpublish {r['unpublish_s']} s "
                "(Redis frozen); "
                f"**stale answers after the change returned: {r['stale_answers']}**; "
                "the first probe sent after the thaw was answered, with the new title, "
                f"{seconds(r['new_state_after_thaw_s'])} after it "
                f"(from the cache after {seconds(r['cached_new_state_after_thaw_s'])}); "
                "pending invalidations applied "
                f"{seconds(r['pending_applied_after_thaw_s'])} after the thaw"
            )
        lines.append(f"| {name} | {'; '.join(notes)} |")
    problems = meta["problems"]
    lines += [
        "",
        "Verdict: "
        + ("all targets met." if not problems else "missed: " + "; ".join(problems)),
    ]
    return "\n".join(lines)


def write_doc(text):
    current = DOC.read_text()
    block = f"{START_MARK}\n{text}\n{END_MARK}"
    if START_MARK in current:
        current = re.sub(
            re.escape(START_MARK) + ".*?" + re.escape(END_MARK),
            lambda _match: block,
            current,
            flags=re.S,
        )
    else:
        current += f"\n{block}\n"
    DOC.write_text(current)
    print(f"Written to {DOC.relative_to(ROOT)}.")


# --- main ------------------------------------------------------------------------------------


class Services:
    redis = None
    postgres = None


def build(args, workdir, services):
    services.redis = Redis(workdir)
    services.redis.start()
    if args.smoke:
        database_url = f"sqlite:///{workdir / 'site.sqlite3'}"
    else:
        services.postgres = Postgres(workdir)
        services.postgres.init()
        database_url = services.postgres.url
    env = site_env(args, workdir, database_url, services.redis.port)
    if args.demo_database:
        # The test suite's demo, already built: a copy of it, with its media.
        shutil.copy(args.demo_database, workdir / "site.sqlite3")
        env["MEDIA_ROOT"] = str(args.demo_media)
    else:
        print("Building the demo site …", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "-v0")
    pages = json.loads(manage(env, "shell", "-c", LIST_PAGES).strip().splitlines()[-1])
    return env, pages


def warm_up(site, paths):
    """Every page twice, so that the scenarios start from a warm cache."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready = parse_json(get(site.base + "/readyz/")[2])
        if ready.get("status") == "ok":
            break
        time.sleep(0.5)
    # A few at a time, so that every worker (and CPU) renders.
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(2):
            list(pool.map(lambda path: get(site.base + path, timeout=30), paths))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated scenario names")
    parser.add_argument("--smoke", action="store_true", help="short run on SQLite")
    parser.add_argument("--port", type=int, default=0, help="loopback port")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers")
    parser.add_argument("--no-doc", action="store_true", help="do not write the doc")
    parser.add_argument(
        "--freeze",
        type=int,
        default=0,
        help="seconds Redis stays frozen in redis-frozen (60; --smoke: 10)",
    )
    parser.add_argument(
        "--breaker",
        type=int,
        default=BREAKER_SECONDS,
        help=f"the cache breaker's cooldown, CACHE_BREAKER_SECONDS ({BREAKER_SECONDS})",
    )
    parser.add_argument(
        "--demo-database",
        type=Path,
        help="smoke only: start from a copy of this SQLite demo database",
    )
    parser.add_argument(
        "--demo-media", type=Path, help="the media folder of --demo-database"
    )
    args = parser.parse_args()
    if args.demo_database and not args.smoke:
        sys.exit("--demo-database is for the SQLite smoke run (--smoke).")
    args.port = args.port or free_port()
    args.freeze = args.freeze or (10 if args.smoke else 60)
    args.wrk = shutil.which("wrk") or sys.exit("wrk is needed: apt-get install wrk")
    names = [n for n in args.only.split(",") if n] or (
        SMOKE_SCENARIOS if args.smoke else list(SCENARIOS)
    )
    unknown = set(names) - set(SCENARIOS)
    if unknown or (args.smoke and "postgres-stopped" in names):
        sys.exit(f"Unknown or unavailable scenarios: {', '.join(sorted(unknown))}")

    faulthandler.register(signal.SIGUSR1)  # kill -USR1 <pid>: where is it stuck?
    # A terminated run still stops its Redis, PostgreSQL and gunicorn (finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Terminated."))
    services = Services()
    results = {}
    with tempfile.TemporaryDirectory(prefix="tregks-faults-") as folder:
        workdir = Path(folder)
        site = None
        try:
            env, pages = build(args, workdir, services)
            releases = pages["releases"]
            # The publish-blip pages are read by their own probers, not by wrk.
            skipped = {url for _pk, url in releases}
            paths = [url for url in pages["urls"] if url not in skipped]
            lua = workdir / "faults.lua"
            lua.write_text(
                WRK_SCRIPT.replace(
                    "{PATHS}", "{" + ", ".join(json.dumps(p) for p in paths) + "}"
                )
            )
            site = Site(env, workdir / "gunicorn.log")
            site.start()
            for name in names:
                warm_up(site, paths + [url for _pk, url in releases])
                print(f"Scenario {name} …", flush=True)
                extra = (releases,) if name == "publish-blip" else ()
                results[name] = SCENARIOS[name](args, site, services, lua, *extra)
                print(json.dumps(results[name], indent=2), flush=True)
        finally:
            if site:
                site.stop()
            if services.redis:
                services.redis.kill()
            if services.postgres:
                services.postgres.stop("immediate")
    problems = verdict(results, latency=not args.smoke)
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "workers": env.get("WEB_CONCURRENCY", "2×cores+1"),
        "database": "SQLite (smoke)" if args.smoke else "PostgreSQL 15",
        "breaker": args.breaker,
        "problems": problems,
    }
    text = tables(meta, results)
    print(text)
    if not args.no_doc and not args.only and not args.smoke:
        write_doc(text)
    for problem in problems:
        print(f"FAILED: {problem}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
