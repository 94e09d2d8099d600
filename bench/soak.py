#!/usr/bin/env python
"""Soak test: 32 connections for 60 seconds against gunicorn, zero 5xx, steady memory.

    .venv/bin/python bench/soak.py [--duration 60] [--connections 32] [--port 8106]
    .venv/bin/python bench/soak.py --duration 3 --sample-every 0.5   # the suite's smoke

Loopback only and bounded in time. Steps:
1. a temporary copy of the demo site: SQLite, `migrate` + `load_demo`, collectstatic;
2. gunicorn with production settings (tregks.settings.bench) on 127.0.0.1;
3. wrk (Debian package `wrk`) holds the connections open and cycles through every
   public page of both languages, the search and the health check; the page cache is
   bypassed by default, so every request renders (--cached measures the cached site);
4. every 2 seconds (--sample-every) the resident memory (RSS) of each gunicorn worker is sampled;
5. the result goes to the terminal and into docs/RELIABILITY.md (between the markers).

The run fails (exit 1) on any 5xx, on a socket error count above 1 % of requests, on a
traceback or a worker timeout in gunicorn's log, or when the largest worker's memory in
the last third of the run is more than 25 % above its memory in the first third (after
a warm-up that visits every page once).
"""

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import statistics
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
START_MARK = "<!-- soak:start -->"
END_MARK = "<!-- soak:end -->"
BYPASS_HEADER = "X-Bench-Bypass"
MEMORY_GROWTH_LIMIT = 1.25

# collectstatic, then the pages to cycle: one Django start-up instead of two.
LIST_URLS = """
import json
from django.core.management import call_command
from wagtail.models import Page
call_command("collectstatic", interactive=False, verbosity=0)
urls = sorted(p.url for p in Page.objects.live().public().specific() if p.url)
print(json.dumps(urls))
"""

WRK_SCRIPT = """
-- Cycles through the paths; counts 5xx answers across all threads.
local paths = {PATHS}
local threads = {}
local counter = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    fivexx = 0
    other = 0
    counter = math.random(#paths)
end

request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1], {HEADERS})
end

function response(status, headers, body)
    if status >= 500 then
        fivexx = fivexx + 1
    elseif status >= 400 then
        other = other + 1
    end
end

function done(summary, latency, requests)
    local total5, total4 = 0, 0
    for _, thread in ipairs(threads) do
        total5 = total5 + thread:get("fivexx")
        total4 = total4 + thread:get("other")
    end
    io.write(string.format("SOAK_RESULT %d %d %d %d %d %d %d %d\\n",
        summary.requests, total5, total4,
        summary.errors.connect, summary.errors.read, summary.errors.write,
        summary.errors.timeout, summary.duration))
    io.write(string.format("SOAK_LATENCY %d %d %d %d\\n",
        latency:percentile(50), latency:percentile(95), latency:percentile(99),
        latency.max))
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds (2 to 600)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--port", type=int, default=8106, help="loopback port")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers")
    parser.add_argument("--cached", action="store_true", help="use the page cache")
    parser.add_argument("--no-doc", action="store_true", help="do not write the doc")
    parser.add_argument(
        "--sample-every",
        type=float,
        default=2.0,
        help="seconds between memory samples (at least 0.2)",
    )
    add_demo_arguments(parser)
    args = parser.parse_args()
    args.duration = max(2, min(args.duration, 600))  # bounded, whatever is asked
    args.sample_every = max(0.2, args.sample_every)
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is needed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="tregks-soak-") as folder:
        workdir = Path(folder)
        env = soak_env(args, workdir)
        if args.demo_database:
            # The test suite's demo, already built: a copy of it, with its media.
            shutil.copy(args.demo_database, workdir / "demo.sqlite3")
            env["MEDIA_ROOT"] = str(args.demo_media)
        else:
            print("Building the demo site …", flush=True)
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "load_demo", "-v0")
        paths = json.loads(
            manage(env, "shell", "-c", LIST_URLS).strip().splitlines()[-1]
        )
        paths += ["/de/suche/?q=Kassel", "/en/search/?q=transformation", "/healthz/"]
        result = run(args, env, workdir, wrk, paths)
    print_result(result)
    if not args.no_doc:
        write_doc(result)
    problems = verdict(result)
    for problem in problems:
        print(f"FAILED: {problem}")
    sys.exit(1 if problems else 0)


def add_demo_arguments(parser):
    parser.add_argument(
        "--demo-database",
        type=Path,
        help="start from a copy of this SQLite demo database instead of building one",
    )
    parser.add_argument(
        "--demo-media", type=Path, help="the media folder of --demo-database"
    )


def soak_env(args, workdir):
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
            "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
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
    result = subprocess.run(
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


def children(pid):
    """Process ids of a process's children (the gunicorn workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent pid is the 4th field, after the parenthesised command name.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def rss_kib(pid):
    try:
        status = (Path("/proc") / str(pid) / "status").read_text()
    except OSError:
        return None
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) if match else None


def sample_memory(master_pid, samples, stop, every):
    started = time.monotonic()
    while not stop.is_set():
        workers = [rss for pid in children(master_pid) if (rss := rss_kib(pid))]
        if workers:
            samples.append(
                {
                    "t": round(time.monotonic() - started, 1),
                    "workers": len(workers),
                    "max_kib": max(workers),
                    "total_kib": sum(workers),
                }
            )
        stop.wait(every)


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn exited during start-up.")
        try:
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not answer in time.")


def warm(url):
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(url, timeout=30).close()  # noqa: S310


def run(args, env, workdir, wrk, paths):
    headers = "" if args.cached else f'["{BYPASS_HEADER}"] = "1"'
    lua = workdir / "soak.lua"
    lua.write_text(
        WRK_SCRIPT.replace(
            "{PATHS}", "{" + ", ".join(json.dumps(p) for p in paths) + "}"
        ).replace("{HEADERS}", "{" + headers + "}")
    )
    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "tregks.wsgi:application",
            "--pythonpath",
            "site",
            "--config",
            "site/tregks/gunicorn.conf.py",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{args.port}"
    samples, stop = [], threading.Event()
    try:
        wait_until_up(f"{base}/healthz/", server)
        # Warm-up: every page once, so memory after warm-up is the baseline; a few
        # at a time, so that every worker (and CPU) renders.
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda path: warm(base + path), paths))
        sampler = threading.Thread(
            target=sample_memory,
            args=(server.pid, samples, stop, args.sample_every),
            daemon=True,
        )
        sampler.start()
        print(
            f"Holding {args.connections} connections for {args.duration} s …",
            flush=True,
        )
        output = subprocess.run(
            [
                wrk,
                f"-t{args.threads}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "30s",
                "-s",
                str(lua),
                base,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=args.duration + 120,
        ).stdout
        stop.set()
        sampler.join()
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    server_errors = (workdir / "gunicorn.log").read_text(errors="replace")
    numbers = re.search(r"SOAK_RESULT ([\d ]+)", output)
    latency = re.search(r"SOAK_LATENCY ([\d ]+)", output)
    if not numbers or not latency:
        sys.exit(f"wrk gave no result:\n{output}")
    requests, fivexx, fourxx, connect, read, write, timeouts, micros = map(
        int, numbers.group(1).split()
    )
    p50, p95, p99, worst = (int(v) / 1000 for v in latency.group(1).split())
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "workers": env.get("WEB_CONCURRENCY", "2×cores+1"),
        "connections": args.connections,
        "duration_s": round(micros / 1e6, 1),
        "page_cache": "on" if args.cached else "bypassed",
        "paths": len(paths),
        "requests": requests,
        "rps": round(requests / (micros / 1e6), 1),
        "status_5xx": fivexx,
        "status_4xx": fourxx,
        "socket_errors": connect + read + write + timeouts,
        "latency_ms": {"p50": p50, "p95": p95, "p99": p99, "max": worst},
        "memory": summarise_memory(samples),
        "tracebacks_in_log": server_errors.count("Traceback"),
        "worker_timeouts_in_log": server_errors.count("WORKER TIMEOUT"),
    }


def summarise_memory(samples):
    if len(samples) < 3:
        return {"samples": len(samples)}
    third = max(1, len(samples) // 3)
    first = statistics.mean(s["max_kib"] for s in samples[:third])
    last = statistics.mean(s["max_kib"] for s in samples[-third:])
    return {
        "samples": len(samples),
        "workers": samples[-1]["workers"],
        "max_worker_mib_start": round(first / 1024, 1),
        "max_worker_mib_end": round(last / 1024, 1),
        "growth": round(last / first, 3),
        "total_mib_end": round(samples[-1]["total_kib"] / 1024, 1),
    }


def verdict(result):
    problems = []
    if result["status_5xx"]:
        problems.append(f"{result['status_5xx']} responses with status 5xx")
    if result["socket_errors"] > result["requests"] / 100:
        problems.append(f"{result['socket_errors']} socket errors")
    if result["tracebacks_in_log"]:
        problems.append("tracebacks in the gunicorn log")
    if result["worker_timeouts_in_log"]:
        # A killed worker drops the request it was serving.
        problems.append(f"{result['worker_timeouts_in_log']} worker timeouts")
    growth = result["memory"].get("growth")
    if growth is None:
        problems.append("too few memory samples")
    elif growth > MEMORY_GROWTH_LIMIT:
        problems.append(f"worker memory grew by {growth - 1:.0%}")
    return problems


def print_result(result):
    print(json.dumps(result, indent=2))


def table(result):
    memory = result["memory"]
    latency = result["latency_ms"]
    rows = [
        ("date", result["date"]),
        ("machine", f"{result['cpus']} CPU cores, loopback"),
        ("gunicorn workers", result["workers"]),
        ("connections held", result["connections"]),
        ("duration", f"{result['duration_s']} s"),
        ("page cache", result["page_cache"]),
        ("paths cycled", result["paths"]),
        ("requests", f"{result['requests']} ({result['rps']}/s)"),
        ("**5xx responses**", f"**{result['status_5xx']}**"),
        ("4xx responses", result["status_4xx"]),
        ("socket errors", result["socket_errors"]),
        (
            "latency p50 / p95 / p99 / max",
            f"{latency['p50']:.0f} / {latency['p95']:.0f} / {latency['p99']:.0f} / "
            f"{latency['max']:.0f} ms",
        ),
        (
            "largest worker RSS, first / last third",
            f"{memory.get('max_worker_mib_start')} / {memory.get('max_worker_mib_end')} "
            f"MiB (×{memory.get('growth')})",
        ),
        ("all workers' RSS at the end", f"{memory.get('total_mib_end')} MiB"),
        (
            "tracebacks / worker timeouts in the log",
            f"{result['tracebacks_in_log']} / {result['worker_timeouts_in_log']}",
        ),
    ]
    lines = ["| measure | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def write_doc(result):
    text = DOC.read_text() if DOC.exists() else f"{START_MARK}\n{END_MARK}\n"
    block = f"{START_MARK}\n{table(result)}\n{END_MARK}"
    text = re.sub(
        re.escape(START_MARK) + ".*?" + re.escape(END_MARK), block, text, flags=re.S
    )
    DOC.write_text(text)
    print(f"Written to {DOC.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
