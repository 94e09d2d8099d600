"""bench/faults.py, the fault drill of docs/RELIABILITY.md: its verdict, and a short
real run (SQLite, gunicorn, a Redis of its own frozen under load while an editor's
process publishes and unpublishes, then thawed) that must meet the targets: no 5xx, no
stale answer, the new state seen after the thaw (the other scenarios and the p99
target are the full run's, `make faults`, on a quiet machine).

The server is another process serving a copy of the demo site (`demo_arguments`): the
drill needs a whole site to read and publish; the test asserts no demo wording."""

import importlib.util
import shutil
import subprocess
import sys

import pytest

from tests.serving import ROOT, demo_arguments

FAULTS = ROOT / "bench" / "faults.py"


def load_faults():
    spec = importlib.util.spec_from_file_location("faults", FAULTS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_log():
    return {"outage": 1, "recovery": 1, "tracebacks": 0, "worker_timeouts": 0}


def good_run():
    return {
        "redis-frozen": {"503": 0, "other_5xx": 0, "p99_ms": 300, "log": clean_log()},
        "redis-killed": {
            "503": 0,
            "other_5xx": 0,
            "p99_ms": 300,
            "readiness_degraded": True,
            "log": clean_log(),
        },
        "publish-blip": {
            "503": 0,
            "other_5xx": 0,
            "stale_answers": 0,
            "new_state_after_thaw_s": 0.1,
            "log": clean_log(),
        },
    }


@pytest.mark.parametrize(
    ("scenario", "change", "problem"),
    [
        ("redis-frozen", {"other_5xx": 2}, "Redis frozen: 2 responses with status 5xx"),
        ("redis-frozen", {"p99_ms": 1200}, "Redis frozen: p99 1200 ms (target < 1 s)"),
        ("redis-killed", {"503": 1}, "Redis killed: 1 responses with status 5xx"),
        ("redis-killed", {"readiness_degraded": False}, "Redis killed: readiness"),
        ("publish-blip", {"stale_answers": 3}, "publish-blip: 3 stale answers"),
        ("publish-blip", {"new_state_after_thaw_s": None}, "publish-blip: new state"),
    ],
)
def test_the_verdict_fails_a_missed_target(scenario, change, problem):
    results = good_run()
    results[scenario].update(change)
    problems = load_faults().verdict(results)
    assert len(problems) == 1
    assert problems[0].startswith(problem)


def test_a_missing_log_line_fails_the_redis_killed_scenario():
    results = good_run()
    results["redis-killed"]["log"]["outage"] = 0
    assert load_faults().verdict(results) == ["Redis killed: no log line"]


def test_the_smoke_run_leaves_the_latency_target_to_the_full_run():
    results = good_run()
    results["redis-frozen"]["p99_ms"] = 5000
    assert load_faults().verdict(results, latency=False) == []


def test_the_verdict_passes_a_good_run():
    assert load_faults().verdict(good_run()) == []


@pytest.mark.slow
@pytest.mark.served
def test_a_short_fault_drill_meets_the_targets():
    if not shutil.which("wrk"):
        pytest.skip("wrk is missing (apt-get install wrk)")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is missing")
    run = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(FAULTS),
            "--smoke",
            # The suite's share: the scenario with a frozen Redis under load, a
            # publish and an unpublish, and the thaw, with a short breaker cooldown;
            # redis-frozen for 10 s and the rest stay in `make faults`.
            *("--only", "publish-blip", "--breaker", "2"),
            "--no-doc",
            *demo_arguments(),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert "all targets met" in output
    assert "| publish-blip |" in output
    assert "breaker 2 s" in output
