import pytest

from . import utils


@pytest.fixture(autouse=True)
def _own_podcast_per_test():
    """Each test makes its own podcast on first use (utils.own_show)."""
    utils.MADE.clear()
    yield
    utils.MADE.clear()
