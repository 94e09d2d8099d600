"""A German profile with only a synchronised alias under /en/ is no English partner."""

from wagtail.models import Locale

import pytest

from partners.models import PartnerIndexPage, PartnerProfilePage, PartnerRole

pytestmark = pytest.mark.django_db

NAME = "Neuer Partner nur auf Deutsch"


@pytest.fixture
def german_only_partner():
    index = PartnerIndexPage.objects.get(locale__language_code="de")
    profile = PartnerProfilePage(
        title=NAME,
        slug="neuer-partner",
        short_name="NPD",
        code="npd",
        role=PartnerRole.PARTNER,
    )
    index.add_child(instance=profile)
    profile.save_revision().publish()
    profile.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    return profile


@pytest.mark.parametrize("url", ["/en/partners/", "/en/"])
def test_english_lists_leave_the_alias_out(client, german_only_partner, url):
    response = client.get(url)
    assert response.status_code == 200
    assert NAME.encode() not in response.content


@pytest.mark.parametrize("url", ["/de/partner/", "/de/"])
def test_german_lists_show_the_partner(client, german_only_partner, url):
    assert NAME.encode() in client.get(url).content
