"""A German release without an English translation may have a synchronised alias under
/en/ (wagtail-localize's "alias" option): it must not pose as an English release."""

import datetime

from wagtail.models import Locale

import pytest

from news.factories import PressReleasePageFactory
from partners.models import PartnerProfilePage
from tests.utils import news_section, soup

pytestmark = pytest.mark.django_db

TITLE = "Nur auf Deutsch erschienen"


@pytest.fixture
def german_only_release():
    """The newest release, issued by the VSB, with an English alias but no translation."""
    vsb = PartnerProfilePage.objects.get(locale__language_code="de", code="vsb")
    release = PressReleasePageFactory(
        parent=news_section("vsb"),
        title=TITLE,
        slug="nur-auf-deutsch",
        release_date=datetime.date.today(),
    )
    release.issuing_partners.set([vsb])
    release.save_revision().publish()
    alias = release.copy_for_translation(
        Locale.objects.get(language_code="en"), alias=True
    )
    return release, alias


def test_the_alias_exists_and_says_noindex(client, german_only_release):
    _release, alias = german_only_release
    response = client.get(alias.url)
    assert response.status_code == 200
    assert soup(response).select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.parametrize(
    "url",
    [
        "/en/press/",
        "/en/press/feed/",
        "/en/",
        "/en/partners/vsb-business-academy/",
        "/en/press/?partner=vsb",
    ],
)
def test_english_listings_leave_the_alias_out(client, german_only_release, url):
    response = client.get(url)
    assert response.status_code == 200
    assert TITLE.encode() not in response.content
    assert b"nur-auf-deutsch" not in response.content


def test_the_german_listings_keep_the_release(client, german_only_release):
    for url in ("/de/presse/", "/de/presse/feed/", "/de/"):
        assert TITLE.encode() in client.get(url).content, url
