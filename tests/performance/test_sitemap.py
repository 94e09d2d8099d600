"""The sitemap is split into parts of at most `limit` URLs, listed by a sitemap index."""

import re

from wagtail.models import Locale, Page

import pytest

from home.factories import ContentPageFactory
from partners.models import PartnerSectionPage
from tregks.core.sitemaps import AllLocalesSitemap

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")


def test_parts_stay_well_under_the_protocol_maximum():
    """The protocol allows 50,000 URLs a part; smaller parts render quickly after a
    publish and stay small enough for the page cache."""
    assert AllLocalesSitemap.limit <= 50_000


@pytest.fixture
def pages_in_both_languages():
    """Four pages and the home pages, in German and English: two parts of five."""
    return [
        ContentPageFactory(english={"title": f"In English {n}", "slug": f"english-{n}"})
        for n in range(4)
    ]


def test_sitemap_is_split_into_parts_past_the_limit(
    client, monkeypatch, pages_in_both_languages
):
    german = pages_in_both_languages[0]
    english = german.get_translation(Locale.objects.get(language_code="en"))
    monkeypatch.setattr(AllLocalesSitemap, "limit", 5)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    parts = LOC.findall(index.content.decode())
    # Partner sections are not indexable (docs/seo.md): not in the sitemap.
    live_pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of=None)
        .not_type(PartnerSectionPage)
    )
    expected_parts = -(-live_pages.count() // 5)
    assert len(parts) == expected_parts > 1
    assert parts[1].endswith("/sitemap-pages.xml?p=2")

    urls = []
    for part in parts:
        response = client.get(part.replace("http://testserver", ""))
        assert response.status_code == 200
        found = LOC.findall(response.content.decode())
        assert 1 <= len(found) <= 5
        urls.extend(found)
    # Every live page exactly once, German and English.
    assert len(urls) == len(set(urls)) == live_pages.count()
    assert german.get_full_url() in urls
    assert english.get_full_url() in urls
    assert english.url.startswith("/en/")


def test_sitemap_parts_are_served_from_the_page_cache(
    client, monkeypatch, pages_in_both_languages
):
    monkeypatch.setattr(AllLocalesSitemap, "limit", 5)
    client.get("/sitemap-pages.xml?p=2")
    assert client.get("/sitemap-pages.xml?p=2")["X-Page-Cache"] == "hit"


def test_sitemap_page_out_of_range_is_a_404_not_a_500(client):
    assert client.get("/sitemap-pages.xml?p=999").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
