"""Shared fixtures: the demo site is built once per test session.

CI sets TREGKS_FAIL_ON_SKIP=1: a test that skips because a service or browser is
missing then fails instead, so a green CI run means every test really ran.
"""

import os

from django.core.management import call_command

import pytest

FAIL_ON_SKIP = os.environ.get("TREGKS_FAIL_ON_SKIP") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if FAIL_ON_SKIP and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = (
            report.longrepr[2]
            if isinstance(report.longrepr, tuple)
            else report.longrepr
        )
        report.longrepr = f"Skipped where it must run (TREGKS_FAIL_ON_SKIP=1): {reason}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the bilingual demo site for every test."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def home_de(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def home_en(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with an empty cache: the page cache (tregks.cache) must not hand
    a page rendered in one test's rolled-back transaction to the next test."""
    from django.core.cache import cache

    cache.clear()
