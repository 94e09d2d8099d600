"""Language-correct full-text search on PostgreSQL (search/backend.py).

German pages are stemmed as German and English pages as English in the one shared index
table, by signals and by `update_index` alike. The word pairs are chosen so that the
wrong configuration fails: "…verbindung" finds "…verbindungen" and "…haus" finds
"…häuser" only with German stemming; "…connection" finds "…connecting" only with English
stemming. Every word carries the made-up prefix "Zwirbel", so only the test's own pages
contain them, whatever the rest of the database holds.
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
        "Zwirbelfahrzeugbau im Wandel",
        text="Unser Zwirbelnetzwerk verbindet jedes Zwirbelfahrzeug, viele "
        "Zwirbelhäuser und neue Zwirbelverbindungen in der Region.",
    )
    english = make_page(
        home_en,
        "Zwirbelvehicle making in zwirbeltransition",
        text="Our zwirbelnetwork is zwirbelconnecting companies, zwirbelhouses and "
        "zwirbelvehicles.",
    )
    return german, english


def found(client, search_url, language, query):
    """Result URLs of the search page (its first page holds every test page)."""
    return result_urls(client.get(search_url(language), {"q": query}))


def test_the_backend_is_the_language_aware_one():
    from wagtail.search.backends import get_search_backend

    assert isinstance(get_search_backend(), LocalePostgresSearchBackend)
    assert isinstance(SearchBackend({}), LocalePostgresSearchBackend)


@pytest.mark.parametrize(
    "query",
    [
        "Zwirbelnetzwerke",
        "Zwirbelfahrzeuge",
        "Zwirbelverbindung",
        "Zwirbelhaus",
    ],
)
def test_german_stemming(client, search_url, pages, query):
    german, _english = pages
    assert found(client, search_url, "de", query) == [german.url]


@pytest.mark.parametrize(
    "query",
    [
        "zwirbelnetworks",
        "zwirbelvehicle",
        "zwirbelconnection",
        "zwirbelhouse",
    ],
)
def test_english_stemming(client, search_url, pages, query):
    _german, english = pages
    assert found(client, search_url, "en", query) == [english.url]


def test_each_language_finds_only_its_own_pages(client, search_url, pages):
    german, english = pages
    assert found(client, search_url, "en", "Zwirbelfahrzeugbau") == []
    assert found(client, search_url, "de", "zwirbeltransition") == []
    assert found(client, search_url, "de", "Zwirbelfahrzeugbau") == [german.url]
    assert found(client, search_url, "en", "zwirbeltransition") == [english.url]


def test_update_index_keeps_each_language(client, search_url, pages):
    german, english = pages
    call_command("update_index", verbosity=0, stdout=None)

    for query in ["Zwirbelnetzwerke", "Zwirbelverbindung", "Zwirbelhaus"]:
        assert found(client, search_url, "de", query) == [german.url]
    for query in ["zwirbelconnection", "zwirbelhouse"]:
        assert found(client, search_url, "en", query) == [english.url]


def test_saving_an_english_page_does_not_restem_it_as_german(client, search_url, pages):
    # With a German-only configuration the last save would decide the language.
    german, english = pages
    english.save_revision().publish()
    german.save_revision().publish()
    assert found(client, search_url, "en", "zwirbelconnection") == [english.url]
    assert found(client, search_url, "de", "Zwirbelverbindung") == [german.url]


def test_title_outranks_body(client, search_url, home_de, make_page):
    in_body = make_page(
        home_de, "Allgemeines", text="Es geht um Zwirbelwasserstoffzüge."
    )
    in_title = make_page(home_de, "Zwirbelwasserstoffzüge", text="Allgemeiner Text.")
    assert found(client, search_url, "de", "Zwirbelwasserstoffzüge") == [
        in_title.url,
        in_body.url,
    ]


def test_query_language_follows_the_locale_filter(pages):
    german, english = pages
    de = Locale.objects.get(language_code="de")
    with translation.override("en"):
        results = Page.objects.live().filter(locale=de).search("Zwirbelverbindung")
        assert [page.pk for page in results] == [german.pk]


def test_query_language_falls_back_to_the_active_language(pages):
    german, english = pages
    with translation.override("de"):
        results = Page.objects.live().search("Zwirbelverbindung")
        assert [page.pk for page in results] == [german.pk]
    with translation.override("en"):
        results = Page.objects.live().search("zwirbelconnection")
        assert [page.pk for page in results] == [english.pk]
