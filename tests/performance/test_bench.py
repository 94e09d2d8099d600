"""Pieces of the benchmark that live in the site: the trivial view and wrk parsing."""

import importlib.util
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

import pytest

from tregks.cache.views import bench_ping


def load_bench_script():
    path = Path(__file__).resolve().parents[2] / "bench" / "run.py"
    spec = importlib.util.spec_from_file_location("bench_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_trivial_view_is_not_routed_outside_benchmarks(client):
    assert client.get("/bench/ping", follow=True).status_code == 404


def test_trivial_view_answers_without_being_cached():
    response = bench_ping(RequestFactory().get("/bench/ping"))
    assert response.status_code == 200
    assert response.content == b"pong"
    assert "no-cache" in response["Cache-Control"]


def test_wrk_output_is_parsed_into_rate_and_percentiles():
    output = """Running 6s test @ http://127.0.0.1:8110/de/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.12ms    1.23ms  20.00ms   80.00%
  Latency Distribution
     50%  850.00us
     75%    5.50ms
     90%    6.30ms
     99%    1.20s
  24870 requests in 6.00s, 300.00MB read
  Non-2xx or 3xx responses: 5
Requests/sec:   4145.00
"""
    result = load_bench_script().parse_wrk(output)
    assert result["rps"] == 4145.0
    assert result["p50"] == pytest.approx(0.85)
    assert result["p99"] == pytest.approx(1200.0)
    assert result["errors"] == 5


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.53", True),
        ("localhost", True),
        ("[::1]", True),
        ("10.0.0.5", False),
        ("192.168.1.10", False),
        ("db.example.org", False),
    ],
)
def test_benchmark_only_talks_to_loopback_addresses(host, loopback):
    assert load_bench_script().is_loopback(host) is loopback


def test_benchmark_refuses_a_database_elsewhere():
    import argparse

    bench = load_bench_script()
    args = argparse.Namespace(
        pg="postgres://postgres@10.1.2.3:5432", redis="redis://127.0.0.1:6379/9"
    )
    with pytest.raises(SystemExit, match="loopback"):
        bench.require_loopback(args)


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.usefixtures("demo_site")  # the archive extends the demo, as in make bench
def test_scaled_site_leaves_planner_statistics_that_count_the_new_pages():
    """Stale row counts after the bulk insert made PostgreSQL loop over every page
    for a search instead of using the full-text index."""
    from io import StringIO

    from django.db import connection

    from wagtail.models import Page

    from bench.archive import build_scale

    build_scale(50, StringIO())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'"
        )
        estimated_rows = cursor.fetchone()[0]
    assert estimated_rows >= 0.9 * Page.objects.count()


def load_admin_bench():
    path = Path(__file__).resolve().parents[2] / "bench" / "admin.py"
    spec = importlib.util.spec_from_file_location("bench_admin", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_admin_bench_percentiles_are_read_from_the_sorted_timings():
    bench = load_admin_bench()
    timings = [float(value) for value in range(100, 0, -1)]  # 100 … 1 ms
    result = bench.summary(timings, [200] * 100)
    assert result["p95"] == 95.0
    assert result["p50"] == 50.5
    assert result["max"] == 100.0


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.any_database  # the journeys' answers, not their speed: the SQLite pass
@pytest.mark.usefixtures("demo_site")  # the demo's accounts, as in make bench
def test_admin_bench_walks_every_editor_journey_on_a_small_site():
    """The admin bench in miniature: every measured request answers as a partner's
    editor, approver or translator would expect (no refusal, no error), so the
    figures in docs/PERFORMANCE.md measure the journeys, not error pages."""
    from io import StringIO

    from bench.archive import build_scale

    build_scale(30, StringIO())
    measured = load_admin_bench().measure(rounds=1, warm_up=False)
    results = measured["results"]
    expected = {
        "dashboard",
        "explorer of the press section",
        "edit view of a release",
        "page chooser",
        "admin search",
        "translation editor",
        '"Zu übersetzen" list',
        "submit",
        "approve",
        "trivial admin view",
    }
    names = {name.split(" (")[0].split(",")[0] for name in results}
    assert expected <= names, expected - names
    for name, result in results.items():
        wanted = {302} if name.startswith(("submit", "approve")) else {200}
        assert set(result["statuses"]) == wanted, (name, result)
        # Each row has the trivial view's p95 of the same rounds beside it.
        assert result["trivial_p95"] > 0, name


def test_the_archive_builder_refuses_an_empty_archive():
    """bench/build_archive.py N checks N before it sets Django up."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603 (our own script)
        [sys.executable, str(root / "bench" / "build_archive.py"), "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "N must be a positive number." in result.stderr
