"""A German release without an English translation may have a synchronised alias under
/en/ (wagtail-localize's "alias" option): it must not pose as an English release."""

import datetime

from wagtail.models import Locale

import pytest

from news.factories import PressReleasePageFactory, news_index, news_section
from partners.factories import PartnerProfilePageFactory
from tests.utils import data_for_scope, fresh, soup

pytestmark = pytest.mark.django_db

TITLE = "Nur auf Deutsch erschienen"


@pytest.fixture(scope="module")
def german_only_release_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_german_only_release()


@pytest.fixture
def german_only_release(db, german_only_release_of_module):
    """The newest release of a partner, with an English alias but no translation
    (built once per module, read afresh for each test)."""
    return fresh(german_only_release_of_module)


def build_german_only_release():
    english = Locale.objects.get(language_code="en")
    partner = PartnerProfilePageFactory(english={"slug": "partner-in-english"})
    release = PressReleasePageFactory(
        parent=news_section(partner, english=True),
        title=TITLE,
        slug="nur-auf-deutsch",
        release_date=datetime.date.today(),
        issuing_partners=[partner],
    )
    release.save_revision().publish()
    alias = release.copy_for_translation(english, alias=True)
    return release, alias, partner


def test_the_alias_exists_and_says_noindex(client, german_only_release):
    _release, alias, _partner = german_only_release
    response = client.get(alias.url)
    assert response.status_code == 200
    assert soup(response).select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.parametrize(
    "where", ["index", "feed", "home", "profile", "partner filter"]
)
def test_english_listings_leave_the_alias_out(client, german_only_release, where):
    _release, _alias, partner = german_only_release
    index = news_index("en").url
    url = {
        "index": index,
        "feed": f"{index}feed/",
        "home": "/en/",
        "profile": partner.get_translation(news_index("en").locale).url,
        "partner filter": f"{index}?partner={partner.code}",
    }[where]
    response = client.get(url)
    assert response.status_code == 200
    assert TITLE.encode() not in response.content
    assert b"nur-auf-deutsch" not in response.content


def test_the_german_listings_keep_the_release(client, german_only_release):
    index = news_index("de").url
    for url in (index, f"{index}feed/", "/de/"):
        assert TITLE.encode() in client.get(url).content, url
