"""Addresses of many pages at once (tregks.core.page_urls) are Wagtail's addresses."""

import re

from django.test import RequestFactory

from wagtail.models import Page

import pytest

from home.factories import home_page
from news.factories import PressReleasePageFactory, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from tests.utils import data_for_scope
from tregks.cache.generation import bump_generation
from tregks.core.factories import make_image
from tregks.core.page_urls import UrlsBelow

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/", HTTP_HOST="localhost")


@pytest.fixture(scope="module")
def page_keys_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_pages()


@pytest.fixture
def pages(db, page_keys_of_module):
    """A partner and its release in both languages (built once per module)."""
    return Page.objects.filter(translation_key__in=page_keys_of_module)


def build_pages():
    partner = PartnerProfilePageFactory(english=True)
    section = news_section(partner, english=True)
    release = PressReleasePageFactory(
        parent=section,
        title="Straße über Äcker",
        slug="straße-über-äcker",
        english=True,
    )
    return [partner.translation_key, release.translation_key]


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


def test_listings_read_as_rows_show_what_page_objects_show(
    client, settings, monkeypatch
):
    """The partner index and the sitemap read rows and work addresses out once where
    no page type has its own addresses; with one that has, they fall back to page
    objects and Wagtail's addresses: the same documents either way."""
    settings.PAGE_CACHE_ENABLED = False
    partner = PartnerProfilePageFactory(
        title="Logo & Söhne", slug="logo-söhne", logo=make_image(), english=True
    )
    PartnerProfilePageFactory(title="Ohne Logo", english=True)
    urls = [partner_index("de").url, partner_index("en").url, "/sitemap-pages.xml"]

    def documents():
        bump_generation()  # the sitemap's part starts are kept per generation
        return [strip_tokens(client.get(url).content.decode()) for url in urls]

    rows = documents()
    assert partner.url in rows[0] and "Ohne Logo" in rows[0]
    monkeypatch.setattr("tregks.core.page_urls.plain_page_urls", lambda: False)
    monkeypatch.setattr("partners.models.index.plain_page_urls", lambda: False)
    assert documents() == rows


def strip_tokens(html):
    """The page without its per-reader form tokens."""
    return re.sub(r'name="(?:form_token|csrfmiddlewaretoken)" value="[^"]*"', "", html)
