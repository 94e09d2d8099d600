"""Shared fixtures: each test session starts from the migrated site (no demo).

CI sets TREGKS_FAIL_ON_SKIP=1: a test that skips because a service or browser is
missing then fails instead, so a green CI run means every test really ran.
"""

import os

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


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Files with slow tests first, the others by number of tests, most first; files
    that need the demo site wait until the first of them has built it.

    pytest-xdist hands out whole files (`--dist loadfile`, with `--no-loadscope-reorder`
    in the Makefile so that this order stands) to the worker that runs out of work
    first. A long file handed out last would leave the other worker idle until it
    ends; started first, it runs beside many short files. The demo is built once, by
    the first file that needs it (about a minute and a half); a second such file on the
    other worker would only wait for it, so the slow files that do not need it come
    in between. Within a file the order stays as written. trylast: after the browser
    tests are marked slow.
    """
    tests, slow, demo = {}, set(), set()
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        tests[path] = tests.get(path, 0) + 1
        if item.get_closest_marker("slow"):
            slow.add(path)
        if needs_the_demo(item):
            demo.add(path)
    order = sorted(tests, key=lambda path: (path not in slow, -tests[path]))
    first_demo = [path for path in order if path in demo][:1]
    slow_without_demo = [path for path in order if path in slow and path not in demo]
    placed = first_demo + slow_without_demo
    order = placed + [path for path in order if path not in placed]
    rank = {path: rank for rank, path in enumerate(order)}
    items.sort(key=lambda item: rank[item.nodeid.split("::", 1)[0]])


def needs_the_demo(item):
    """Served and browser tests run on a copy of the demo; `demo_site` copies it in."""
    return (
        "demo_site" in item.fixturenames
        or item.get_closest_marker("served") is not None
        or item.get_closest_marker("browser") is not None
    )


def use_database(connection, configured, name):
    """Point Django's connection (and the settings it came from) at database `name`."""
    connection.close()
    for settings_dict in (configured, connection.settings_dict):
        settings_dict["NAME"] = name
    connection.ensure_connection()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker
):
    """The test database is the site as `migrate` leaves it: no pages but Wagtail's
    root, no accounts. Each test builds the pages and users it checks (the apps'
    factories make missing parents, the home pages and the topics on the way).

    The migrated site is built once and kept in .test-cache/ until the code changes
    (tests/demo_database.py); each session copies it: SQLite into memory, PostgreSQL
    from a template database, one per xdist worker. `--create-db` rebuilds it. The demo
    site itself is built only for the tests that serve it or are about it.
    """
    from django.conf import settings
    from django.db import connections

    from tests import demo_database

    rebuild = request.config.getoption("create_db", False)
    connection = connections["default"]
    configured = settings.DATABASES["default"]
    test_name = configured.get("TEST", {}).get("NAME")
    prefix = f"test_{configured['NAME']}"
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "sqlite":
            # Django's own name for the shared in-memory test database.
            name = test_name or "file:memorydb_default?mode=memory&cache=shared"
            use_database(connection, configured, name)
            demo_database.load_migrated_sqlite_into(
                connection.connection, rebuild=rebuild
            )
        else:
            name = test_name or prefix
            template = demo_database.migrated_postgres_template(
                configured, prefix, rebuild=rebuild
            )
            demo_database.create_postgres_from_template(configured, name, template)
            use_database(connection, configured, name)
    yield {"prefix": prefix, "rebuild": rebuild}
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor != "sqlite":
            demo_database.drop_postgres(configured, name)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site as the database of a whole module, for the tests that need a whole
    site (the demo's own test, the HTML check, backups, the outage test, the benches).

    The demo is built once per code key (tests/demo_database.py) and copied in, as the
    migrated site is for the others: SQLite from its file into the in-memory database,
    PostgreSQL from its template into a database of this worker's. After the module the
    worker goes back to its migrated database. Session-scoped data (e.g. the editorial
    tests' network) is not in it.
    """
    from django.conf import settings
    from django.db import connections

    from tests import demo_database

    connection = connections["default"]
    configured = settings.DATABASES["default"]
    own = configured["NAME"]
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            demo_database.load_sqlite_file_into(
                connection.connection, demo_database.sqlite_file()
            )
            yield
            connection.close()
            connection.ensure_connection()
            demo_database.load_migrated_sqlite_into(connection.connection)
            return
        template = demo_database.postgres_template(
            configured, django_db_setup["prefix"], rebuild=django_db_setup["rebuild"]
        )
        name = f"{own}_demo"
        demo_database.create_postgres_from_template(configured, name, template)
        use_database(connection, configured, name)
        try:
            yield
        finally:
            use_database(connection, configured, own)
            demo_database.drop_postgres(configured, name)


@pytest.fixture
def home_de(db):
    """The site's German home page (made with its English version when missing)."""
    from home.factories import home_page

    return home_page("de")


@pytest.fixture
def home_en(db):
    from home.factories import home_page

    return home_page("en")


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with an empty cache: the page cache (tregks.cache) must not hand
    a page rendered in one test's rolled-back transaction to the next test."""
    from django.core.cache import cache

    cache.clear()
