"""gunicorn's workers as configured in site/tregks/gunicorn.conf.py: recycled after
GUNICORN_MAX_REQUESTS at staggered counts without dropping a request, on a copy of the
demo site (tests/serving.py). A stuck worker: test_server_stuck_worker.py.
"""

import runpy

import pytest

from tests.serving import ROOT, SiteServer, copy_of_demo_database, whole_log

pytestmark = [pytest.mark.slow, pytest.mark.served]


def test_recycled_workers_drop_no_request():
    """Workers restart after GUNICORN_MAX_REQUESTS (against slow leaks); a reader
    never notices: the other worker answers while a recycled one boots."""
    database = copy_of_demo_database()
    with SiteServer(
        f"sqlite:///{database}", workers=2, GUNICORN_MAX_REQUESTS="10"
    ) as site:
        answers = [site.get("/healthz/", timeout=60)[0] for _ in range(60)]
        log = whole_log(site)
    assert log.count("Autorestarting worker") >= 3
    assert set(answers) == {200}


def test_workers_recycle_at_staggered_counts():
    """Under even load every worker reaches the same request count at once; a jitter
    of half the limit spreads the restarts (five workers booting together stalled the
    site for seconds in the benchmark)."""
    config = runpy.run_path(str(ROOT / "site" / "tregks" / "gunicorn.conf.py"))
    assert config["max_requests"] >= 1000
    assert config["max_requests_jitter"] >= config["max_requests"] // 2
