"""bench/soak.py, the load check of docs/RELIABILITY.md: its verdict, and a short real
run (32 connections for 3 s against gunicorn on loopback, memory read every 0.5 s) that
must pass it; the full minute is run by hand (docs/RELIABILITY.md).

The server is another process serving a copy of the demo site (`demo_arguments`): load
on a whole site with every page type; the test asserts no demo wording."""

import importlib.util
import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.serving import ROOT, demo_arguments, free_port

SOAK = ROOT / "bench" / "soak.py"


def load_soak():
    spec = importlib.util.spec_from_file_location("soak", SOAK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def healthy_result(**changes):
    result = {
        "requests": 1000,
        "status_5xx": 0,
        "socket_errors": 0,
        "tracebacks_in_log": 0,
        "worker_timeouts_in_log": 0,
        "memory": {"growth": 1.01},
    }
    result.update(changes)
    return result


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"status_5xx": 1}, "1 responses with status 5xx"),
        ({"socket_errors": 11}, "11 socket errors"),
        ({"tracebacks_in_log": 2}, "tracebacks in the gunicorn log"),
        ({"worker_timeouts_in_log": 1}, "1 worker timeouts"),
        ({"memory": {"growth": 1.3}}, "worker memory grew by 30%"),
        ({"memory": {"samples": 2}}, "too few memory samples"),
    ],
)
def test_the_verdict_fails_a_bad_run(changes, problem):
    assert load_soak().verdict(healthy_result(**changes)) == [problem]


def test_the_verdict_passes_a_good_run():
    assert load_soak().verdict(healthy_result(socket_errors=10)) == []


def test_memory_is_compared_between_the_first_and_last_third():
    samples = [
        {"max_kib": kib, "total_kib": kib * 3, "workers": 3}
        for kib in [100_000] * 4 + [110_000] * 4 + [120_000] * 4
    ]
    memory = load_soak().summarise_memory(samples)
    assert memory["growth"] == 1.2
    assert memory["max_worker_mib_start"] == round(100_000 / 1024, 1)


@pytest.mark.slow
@pytest.mark.served
def test_a_short_soak_run_passes():
    if not shutil.which("wrk"):
        pytest.skip("wrk is missing (apt-get install wrk)")
    run = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(SOAK),
            *("--duration", "3", "--sample-every", "0.5"),  # about six memory samples
            "--connections",
            "32",
            "--workers",
            "2",
            "--port",
            str(free_port()),
            "--no-doc",
            *demo_arguments(),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = json.loads(re.search(r"^\{.*^\}", run.stdout, re.M | re.S).group(0))
    assert result["connections"] == 32
    assert result["requests"] > 0
    assert result["status_5xx"] == 0
    assert result["memory"]["samples"] >= 3, "the memory is compared over the run"
    assert result["paths"] > 20, "every public page of both languages is cycled"
