import pytest

from tests.utils import data_for_scope

from . import utils


@pytest.fixture(autouse=True)
def _own_podcast_per_test():
    """Each test makes its own podcast on first use (utils.own_show), unless its module
    shares one (`module_podcast` below)."""
    utils.MADE.clear()
    yield
    utils.MADE.clear()


@pytest.fixture(scope="module")
def podcast(django_db_setup, django_db_blocker):
    """One show for the module, built once (a show with three episodes in two languages
    costs seconds of CPU); what a test changes is rolled back after it."""
    with data_for_scope(django_db_blocker):
        yield utils.make_podcast().pk


@pytest.fixture
def module_podcast(podcast):
    """The module's show is this test's podcast: a module opts in with
    `pytest.mark.usefixtures("module_podcast")`."""
    utils.MADE["show"] = podcast
