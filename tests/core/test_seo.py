"""What search engines read: the sitemap, hreflang, titles, descriptions, previews.

The tests crawl the site as a search engine does (sitemap first, then every page in
it) after building pages of their own: a release with a long lead and none of the
editor's search description, a translated release with an image, a German-only
partner whose English copy is an alias, and a draft. The crawl checks every page the
database holds (the demo site too, while the test database has it), so each page type
the site has is held to the same rules; what it asserts by name is the built pages.
"""

import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from news.factories import PressReleasePageFactory, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerRole, PartnerSectionPage
from tests.utils import data_for_scope, soup
from tregks.core.factories import make_image
from tregks.core.seo import DESCRIPTION_LENGTH, trim_description

pytestmark = [pytest.mark.django_db, pytest.mark.any_database]

SITEMAP = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
LONG_LEAD = (
    "Die Betriebe der Region stellen ihre Fertigung auf neue Antriebe um und "
    "brauchen dafür Fachkräfte, Weiterbildung und verlässliche Partner; das "
    "Netzwerk bringt Unternehmen, Beschäftigte und Hochschule an einen Tisch, "
    "damit der Wandel gelingt."
)


@pytest.fixture(scope="module")
def built_pages(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_pages()


def build_pages():
    """A release without search description, a translated release with an image, a
    German-only partner, a draft."""
    release = PressReleasePageFactory(
        parent=news_section(), title="Neue Antriebe", lead=LONG_LEAD
    )
    illustrated = PressReleasePageFactory(
        parent=news_section(english=True),
        title="Mit Bild",
        image=make_image("Pressebild", (1200, 675)),
        english={"title": "With a picture", "slug": "with-a-picture"},
    )
    partner_index("en")  # the alias's English parent
    partner = PartnerProfilePageFactory(
        title="Nur deutscher Partner", role=PartnerRole.MEMBER
    )
    alias = partner.copy_for_translation(
        Locale.objects.get(language_code="en"), alias=True
    )
    draft = PressReleasePageFactory(parent=news_section(), live=False)
    return {
        "release": release,
        "illustrated": illustrated,
        "partner": partner,
        "alias": alias,
        "draft": draft,
    }


def sitemap_entries(client):
    """{location: {hreflang: href}} of every part of the sitemap."""
    # The site's own output, not untrusted input.
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    entries = {}
    for part in index.findall("sm:sitemap/sm:loc", SITEMAP):
        response = client.get(local(part.text))
        assert response.status_code == 200
        part_root = ElementTree.fromstring(response.content)  # noqa: S314
        for url in part_root.findall("sm:url", SITEMAP):
            location = url.find("sm:loc", SITEMAP).text
            assert location not in entries, f"{location} is listed twice."
            entries[location] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", SITEMAP)
            }
    return entries


def expected_locations():
    """Live, public pages with their own text below the home pages, partner
    sections left out, as absolute addresses: built from the tree, not the sitemap."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .not_type(PartnerSectionPage)
    )
    return {page.get_full_url() for page in pages}


def local(url):
    """The path and query of an absolute address (the test client has one host)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def head(client, location):
    response = client.get(local(location))
    assert response.status_code == 200, location
    return response, soup(response)


def meta(document, **attrs):
    tag = document.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_the_sitemap_lists_exactly_the_canonical_indexable_pages(client, built_pages):
    entries = sitemap_entries(client)
    assert set(entries) == expected_locations()
    assert built_pages["release"].get_full_url() in entries
    assert built_pages["partner"].get_full_url() in entries
    assert built_pages["alias"].get_full_url() not in entries
    assert built_pages["draft"].get_full_url() not in entries
    sections = {page.get_full_url() for page in PartnerSectionPage.objects.live()}
    assert built_pages["release"].get_parent().get_full_url() in sections
    assert not sections.intersection(entries)


@pytest.mark.slow
def test_a_crawl_of_the_sitemap_finds_canonical_titled_described_pages(
    client, built_pages
):
    """Every page in the sitemap: indexable, its own canonical, a title unique in its
    language, a description, OpenGraph and Twitter tags, and the hreflang set of its
    sitemap entry, which each named translation returns (reciprocal)."""
    entries = sitemap_entries(client)
    titles = defaultdict(Counter)
    for location, links in entries.items():
        response, document = head(client, location)
        assert "noindex" not in response.get("X-Robots-Tag", "")
        assert document.find("meta", attrs={"name": "robots"}) is None, location
        canonical = document.find("link", rel="canonical")
        assert canonical and canonical["href"] == location

        in_head = {
            link["hreflang"]: link["href"]
            for link in document.find_all("link", rel="alternate", hreflang=True)
        }
        assert in_head == links, location
        if links:
            assert links[document.html["lang"]] == location
        if len(links) > 1:
            assert links["x-default"] == links["de"]
        for code, href in links.items():
            assert href in entries, f"{href} ({code}) is not in the sitemap."
            assert entries[href] == links, f"{href} does not link back to {location}."

        language = document.html["lang"]
        titles[language][document.title.string.strip()] += 1
        description = meta(document, name="description")
        assert description, f"{location} has no description."
        assert meta(document, property="og:title"), location
        assert meta(document, property="og:description") == description
        assert meta(document, property="og:url") == location
        assert meta(document, property="og:type")
        og_locale = {"de": "de_DE", "en": "en_GB"}[language]
        assert meta(document, property="og:locale") == og_locale
        assert meta(document, name="twitter:card") in ("summary", "summary_large_image")
        assert meta(document, name="twitter:title") == meta(
            document, property="og:title"
        )
    assert set(titles) == {"de", "en"}
    for language, counted in titles.items():
        repeated = {title: n for title, n in counted.items() if n > 1}
        assert not repeated, f"Titles used twice in {language}: {repeated}"
    translated = [links for links in entries.values() if len(links) > 1]
    assert len(translated) > len(entries) / 2, "Most pages have a translation."


def test_a_page_in_one_language_and_its_alias_name_no_translation(client, built_pages):
    partner = built_pages["partner"].get_full_url()
    assert sitemap_entries(client)[partner] == {"de": partner}
    _response, alias = head(client, built_pages["alias"].get_full_url())
    assert alias.find("link", rel="alternate", hreflang=True) is None
    assert meta(alias, name="robots") == "noindex"
    # Its text is the German original's: that is the address to index.
    assert alias.find("link", rel="canonical")["href"] == partner


def test_a_description_is_derived_from_the_lead_and_trimmed_at_a_word(
    client, built_pages
):
    _response, document = head(client, built_pages["release"].get_full_url())
    description = meta(document, name="description")
    assert len(description) <= DESCRIPTION_LENGTH
    assert description.endswith("…")
    assert LONG_LEAD.startswith(description[:-1])
    assert LONG_LEAD[len(description) - 1] == " ", "Cut inside a word."


def test_the_editors_search_description_comes_first(client, built_pages):
    release = built_pages["release"]
    release.search_description = "Was die Redaktion für Suchmaschinen schreibt."
    release.save_revision().publish()
    _response, document = head(client, release.get_full_url())
    assert meta(document, name="description") == release.search_description
    assert meta(document, property="og:description") == release.search_description


def test_a_page_with_an_image_names_it_for_link_previews(client, built_pages):
    release = built_pages["illustrated"]
    _response, document = head(client, release.get_full_url())
    image = meta(document, property="og:image")
    assert image and re.match(r"https?://", image)
    assert meta(document, name="twitter:card") == "summary_large_image"
    assert meta(document, property="og:locale:alternate") == "en_GB"


@pytest.mark.parametrize("language", ["de", "en"])
def test_partner_sections_are_noindex_and_left_out_of_search_and_api(client, language):
    section = news_section(english=True)
    if language == "en":
        section = section.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(section.url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert meta(soup(response), name="robots") == "noindex"
    listing = client.get("/api/v2/pages/?type=partners.PartnerSectionPage").json()
    assert listing["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{section.pk}/").status_code == 200
    api_ids = set()
    for offset in range(0, 200, 50):
        listing = client.get(f"/api/v2/pages/?limit=50&offset={offset}").json()
        api_ids |= {item["id"] for item in listing["items"]}
    assert len(api_ids) == listing["meta"]["total_count"]
    assert section.pk not in api_ids
    with translation.override(language):
        search = reverse("search")
    found = soup(client.get(search, {"q": section.title}))
    assert section.url not in {a.get("href") for a in found.find_all("a")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurz.", "Kurz."),
        (
            "<p>Rich &amp; <b>text</b></p>\n<p>on two lines</p>",
            "Rich & text on two lines",
        ),
        ("<p>Erster Absatz.</p><p>Zweiter</p>", "Erster Absatz. Zweiter"),
        ("wort " * 40, ("wort " * 31).strip() + "…"),
        ("wort, " * 40, ("wort, " * 25).strip(" ,") + "…"),
        ("a" * 200, "a" * 154 + "…"),
    ],
)
def test_trim_description(text, expected):
    assert trim_description(text) == expected
    assert len(trim_description(text)) <= DESCRIPTION_LENGTH
