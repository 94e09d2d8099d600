"""Addresses of many pages at once (tregks.core.page_urls) are Wagtail's addresses."""

from django.test import RequestFactory

from wagtail.models import Page

import pytest

from home.factories import home_page
from news.factories import PressReleasePageFactory, news_section
from partners.factories import PartnerProfilePageFactory
from tregks.core.page_urls import UrlsBelow

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/", HTTP_HOST="localhost")


@pytest.fixture
def pages():
    partner = PartnerProfilePageFactory(english=True)
    section = news_section(partner, english=True)
    release = PressReleasePageFactory(
        parent=section,
        title="Straße über Äcker",
        slug="straße-über-äcker",
        english=True,
    )
    return Page.objects.filter(
        translation_key__in=[partner.translation_key, release.translation_key]
    )


@pytest.mark.parametrize("full", [False, True])
def test_addresses_below_the_homes_are_wagtails(request_, pages, full):
    homes = [home_page("de"), home_page("en")]
    urls = UrlsBelow(homes, request_, full=full)
    for page in pages:
        wagtail = page.get_full_url(request_) if full else page.get_url(request_)
        assert urls(page) == wagtail


def test_a_page_outside_the_ancestors_gets_wagtails_address(request_, pages):
    german = [page for page in pages if page.locale.language_code == "de"]
    english = [page for page in pages if page.locale.language_code == "en"]
    urls = UrlsBelow([home_page("de")], request_)
    assert [urls(page) for page in german + english] == [
        page.get_url(request_) for page in german + english
    ]
    assert any(urls(page).startswith("/en/") for page in english)
