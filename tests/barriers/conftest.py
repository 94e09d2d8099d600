import pytest

from tests.newsletter.conftest import admin_user, lead_user, partner_user  # noqa: F401


@pytest.fixture(autouse=True)
def _forms(settings):
    settings.FORM_RATE_LIMIT = (5, 600)
    settings.BASE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _no_demo_reports(db):
    """The session's demo holds reports; each test starts without them."""
    from barriers.models import BarrierReport

    BarrierReport.objects.all().delete()
