"""A German profile with only a synchronised alias under /en/ is no English partner."""

from wagtail.models import Locale

import pytest

from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerRole

pytestmark = pytest.mark.django_db

NAME = "Neuer Partner nur auf Deutsch"


@pytest.fixture
def german_only_partner():
    partner_index("en")
    profile = PartnerProfilePageFactory(title=NAME, role=PartnerRole.PARTNER)
    profile.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    return profile


@pytest.mark.parametrize("where", ["index", "home"])
def test_english_lists_leave_the_alias_out(client, german_only_partner, where):
    url = partner_index("en").url if where == "index" else "/en/"
    response = client.get(url)
    assert response.status_code == 200
    assert NAME.encode() not in response.content


@pytest.mark.parametrize("where", ["index", "home"])
def test_german_lists_show_the_partner(client, german_only_partner, where):
    url = partner_index("de").url if where == "index" else "/de/"
    assert NAME.encode() in client.get(url).content
