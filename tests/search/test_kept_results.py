"""A page of search results is ranked once per cache generation (search.results).

A repeated search skips the ranking and the count, yet every change an editor makes
shows in the next search, every search is still counted, and a page made private is
never shown from the kept ids, also when the cache did not hear of the change.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

import pytest

from tests.search.helpers import result_urls
from tests.utils import soup

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

WORD = "Zwirbelkolben"  # appears in no other test's pages


def search_twice(client, url, **params):
    """The second of two identical searches, with the SQL it ran."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_repeated_search_is_not_ranked_or_counted_again(
    client, home_de, make_page, search_url
):
    pages = [make_page(home_de, f"Seite {number}", text=WORD) for number in range(3)]
    url = search_url("de")

    first = client.get(url, {"q": WORD})
    second, queries = search_twice(client, url, q=WORD)

    assert sorted(result_urls(second)) == sorted(page.url for page in pages)
    assert result_urls(second) == result_urls(first)
    assert soup(second).select_one(".search-count").text.split()[0] == "3"
    assert not [sql for sql in queries if "COUNT(" in sql.upper()]


def test_a_published_page_is_found_by_the_next_search(
    client, home_de, make_page, search_url
):
    url = search_url("de")
    first = make_page(home_de, "Erste", text=WORD)
    assert result_urls(client.get(url, {"q": WORD})) == [first.url]

    second = make_page(home_de, "Zweite", text=WORD)

    assert sorted(result_urls(client.get(url, {"q": WORD}))) == sorted(
        [first.url, second.url]
    )


def test_an_unpublished_page_leaves_the_next_search(
    client, home_de, make_page, search_url
):
    url = search_url("de")
    staying = make_page(home_de, "Bleibt", text=WORD)
    leaving = make_page(home_de, "Geht", text=WORD)
    assert len(result_urls(client.get(url, {"q": WORD}))) == 2

    leaving.unpublish()

    assert result_urls(client.get(url, {"q": WORD})) == [staying.url]


def test_a_page_made_private_is_not_shown_even_if_the_cache_missed_it(
    client, home_de, make_page, search_url, monkeypatch
):
    """The kept ids are checked against the database on every search: a restriction
    saved while the cache generation could not move (e.g. during a Redis outage, when
    the invalidation waits in the database) still hides the page at once."""
    import tregks.cache.generation

    url = search_url("de")
    public = make_page(home_de, "Offen", text=WORD)
    private = make_page(home_de, "Intern", text=WORD)
    assert len(result_urls(client.get(url, {"q": WORD}))) == 2

    monkeypatch.setattr(tregks.cache.generation, "invalidate", lambda *a, **k: None)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    assert result_urls(client.get(url, {"q": WORD})) == [public.url]


def test_every_search_is_counted_when_its_results_are_kept(
    client, home_de, make_page, search_url
):
    make_page(home_de, "Gezählt", text=WORD)
    url = search_url("de")
    for _reader in range(3):
        client.get(url, {"q": WORD})

    assert Query.get(WORD).hits == 3
