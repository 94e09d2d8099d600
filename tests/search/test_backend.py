"""Language-correct full-text search on PostgreSQL (search/backend.py).

German pages are stemmed as German and English pages as English in the one shared index
table, by signals and by `update_index` alike. The word pairs are chosen so that the
wrong configuration fails: "Verbindung" finds "Verbindungen" and "Haus" finds "Häuser"
only with German stemming; "connection" finds "connecting" only with English stemming.
"""

from django.core.management import call_command
from django.db import connection
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from search.backend import LocalePostgresSearchBackend, SearchBackend
from tests.search.helpers import result_urls

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (run with TEST_DATABASE_URL).")


@pytest.fixture
def pages(home_de, home_en, make_page):
    german = make_page(
        home_de,
        "Fahrzeugbau im Wandel",
        text="Unser Netzwerk verbindet jedes Fahrzeug, viele Häuser und neue "
        "Verbindungen in der Region.",
    )
    english = make_page(
        home_en,
        "Vehicle making in transition",
        text="Our network is connecting companies, houses and vehicles.",
    )
    return german, english


def found(client, search_url, language, query, pages=5):
    """Result URLs of the first few result pages: a common word matches much of the
    demo site, so the test's page need not rank first."""
    urls = []
    for number in range(1, pages + 1):
        page = result_urls(
            client.get(search_url(language), {"q": query, "page": number})
        )
        if not page or page[0] in urls:
            break
        urls.extend(page)
    return urls


def test_the_backend_is_the_language_aware_one():
    from wagtail.search.backends import get_search_backend

    assert isinstance(get_search_backend(), LocalePostgresSearchBackend)
    assert isinstance(SearchBackend({}), LocalePostgresSearchBackend)


@pytest.mark.parametrize("query", ["Netzwerke", "Fahrzeuge", "Verbindung", "Haus"])
def test_german_stemming(client, search_url, pages, query):
    german, _english = pages
    assert german.url in found(client, search_url, "de", query)


@pytest.mark.parametrize("query", ["networks", "vehicle", "connection", "house"])
def test_english_stemming(client, search_url, pages, query):
    _german, english = pages
    assert english.url in found(client, search_url, "en", query)


def test_each_language_finds_only_its_own_pages(client, search_url, pages):
    german, english = pages
    assert german.url not in found(client, search_url, "en", "Fahrzeugbau")
    assert english.url not in found(client, search_url, "de", "transition")
    assert found(client, search_url, "de", "Fahrzeugbau")[0] == german.url


def test_update_index_keeps_each_language(client, search_url, pages):
    german, english = pages
    call_command("update_index", verbosity=0, stdout=None)

    for query in ["Netzwerke", "Verbindung", "Haus"]:
        assert german.url in found(client, search_url, "de", query)
    for query in ["connection", "house"]:
        assert english.url in found(client, search_url, "en", query)


def test_saving_an_english_page_does_not_restem_it_as_german(client, search_url, pages):
    # With a German-only configuration the last save would decide the language.
    german, english = pages
    english.save_revision().publish()
    german.save_revision().publish()
    assert english.url in found(client, search_url, "en", "connection")
    assert german.url in found(client, search_url, "de", "Verbindung")


def test_title_outranks_body(client, search_url, home_de, make_page):
    in_body = make_page(home_de, "Allgemeines", text="Es geht um Wasserstoffzüge.")
    in_title = make_page(home_de, "Wasserstoffzüge", text="Allgemeiner Text.")
    assert found(client, search_url, "de", "Wasserstoffzüge")[:2] == [
        in_title.url,
        in_body.url,
    ]


def test_query_language_follows_the_locale_filter(pages):
    german, english = pages
    de = Locale.objects.get(language_code="de")
    with translation.override("en"):
        results = Page.objects.live().filter(locale=de).search("Verbindung")
        assert german.pk in [page.pk for page in results]


def test_query_language_falls_back_to_the_active_language(pages):
    german, english = pages
    with translation.override("de"):
        assert german.pk in [p.pk for p in Page.objects.live().search("Verbindung")]
    with translation.override("en"):
        assert english.pk in [p.pk for p in Page.objects.live().search("connection")]
