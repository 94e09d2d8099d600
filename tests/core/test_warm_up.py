"""What gunicorn's master loads before it forks the workers (tregks.warm_up)."""

from django.template import engines

from tregks.warm_up import project_template_names, warm_up


def test_warm_up_needs_no_database_and_compiles_every_project_template():
    """No `django_db` mark: a query here would fail the test (pytest-django), as a
    connection opened before the fork would be shared by every worker."""
    warm_up()

    engine = engines["django"]
    names = project_template_names(engine)
    assert "base.html" in names
    assert "search/search.html" in names
    assert "wagtailadmin/base.html" not in names  # Wagtail's own: for the editors
    for name in names:
        engine.get_template(name)  # compiles: a broken template fails the start


def test_what_the_wsgi_module_loaded_is_left_out_of_garbage_collection():
    """A full collection scanned the loaded application in every worker (~80 ms,
    in the middle of a request); frozen, those objects are skipped."""
    import gc

    import tregks.wsgi  # noqa: F401 - loads, warms up and freezes

    try:
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual
