"""The search page keeps to the query budget of every public page (12, uncached).

The fixture `many_kinds` makes pages of five types in both languages that all contain
one made-up word, more than fit on one result page, so a query per page type or per
result would show at once. Logging, promotions and the no-results suggestions are
counted too.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.models import Locale

import pytest

from search.pages import log_search, searchable_pages
from tests.utils import data_for_scope, soup

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

BUDGET = 12
WORD = "Zwirbelregion"  # in the test's pages only
PARTNER_CODE = "zwirbelpartner"


@pytest.fixture(scope="module")
def many_kinds(django_db_setup, django_db_blocker):
    """Pages of five kinds with WORD in their titles, in German and English (built once
    for the module, rolled back at its end).

    Returns the English pages. Ten content pages per language besides the four
    translated pages make more than one result page (12 per page).
    """
    with data_for_scope(django_db_blocker):
        yield _many_kinds()


def _many_kinds():
    from home.factories import ContentPageFactory, home_page
    from news.factories import PressReleasePageFactory, news_section
    from partners.factories import PartnerProfilePageFactory
    from podcast.factories import PodcastEpisodePageFactory
    from stories.factories import VideoStoryPageFactory

    partner = PartnerProfilePageFactory(
        title=f"{WORD} Partner", code=PARTNER_CODE, english=True
    )
    translated = [
        partner,
        PressReleasePageFactory(
            parent=news_section(partner), title=f"{WORD} Presse", english=True
        ),
        VideoStoryPageFactory(title=f"{WORD} Geschichte", english=True),
        PodcastEpisodePageFactory(title=f"{WORD} Folge", english=True),
    ]
    locale_en = Locale.objects.get(language_code="en")
    english = [page.get_translation(locale_en) for page in translated]
    for number in range(10):
        ContentPageFactory(title=f"{WORD} Seite {number}")
        english.append(
            ContentPageFactory(parent=home_page("en"), title=f"{WORD} page {number}")
        )
    return english


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url, params):
    """Queries of the second request (the first warms what a running server keeps)."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_search_with_many_kinds_of_result_keeps_to_the_budget(
    client, search_url, many_kinds, language
):
    count, response = count_queries(client, search_url(language), {"q": WORD})
    kinds = {
        item.get_text(strip=True)
        for item in soup(response).select(".search-result__kind")
    }
    assert len(kinds) >= 3, kinds  # otherwise this test proves nothing
    assert count <= BUDGET


def test_further_pages_filters_and_no_results_keep_to_the_budget(
    client, search_url, many_kinds
):
    url = search_url("de")
    for params, results in (
        ({"q": WORD, "page": "2"}, 2),
        ({"q": WORD, "partner": PARTNER_CODE}, 2),  # the profile and its release
        ({"q": WORD, "kind": "news.pressreleasepage"}, 1),
        ({"q": "xyzzyplugh"}, 0),
    ):
        count, response = count_queries(client, url, params)
        assert len(soup(response).select(".search-result")) == results, params
        assert count <= BUDGET, params


def test_promotions_keep_to_the_budget(client, search_url, many_kinds):
    query = Query.get(WORD.lower())
    for page in many_kinds[:4]:
        SearchPromotion.objects.create(query=query, page=page, description="Promoted.")
    count, response = count_queries(client, search_url("en"), {"q": WORD})
    assert len(soup(response).select(".search-result--promoted")) == 4
    assert count <= BUDGET


def test_a_search_is_logged_in_the_database(client, search_url):
    """New and known terms are counted per day, normalised, like Query.add_hit()."""
    log_search("  Netzwerk ")
    log_search("netzwerk")
    client.get(search_url("de"), {"q": "NETZWERK"})
    query = Query.objects.get(query_string="netzwerk")
    assert query.hits == 3
    assert QueryDailyHits.objects.filter(query=query).count() == 1
    assert Query.get_most_popular()[0] == query


def test_an_empty_term_is_not_logged():
    log_search("   ")
    assert not Query.objects.exists()


def test_a_further_page_shows_the_count_of_all_matches(client, search_url, many_kinds):
    url = search_url("de")
    response = client.get(url, {"q": WORD, "page": "2"})
    locale = Locale.objects.get(language_code="de")
    expected = searchable_pages(locale).search(WORD, operator="and").count()
    assert expected == 14  # a second page exists
    count_text = soup(response).select_one(".search-count").get_text(" ", strip=True)
    assert count_text.startswith(f"{expected} ")
    assert soup(response).select_one("ol.search-results")["start"] == "13"


def test_a_search_term_known_today_is_counted_in_two_queries():
    log_search("Wasserstoff")
    with CaptureQueriesContext(connection) as queries:
        log_search("wasserstoff")
    assert len(queries) <= 2
    assert Query.objects.get(query_string="wasserstoff").hits == 2


def test_the_latency_command_times_the_search_page():
    """`manage.py search_latency` renders real searches and reports p95 and queries."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("search_latency", rounds=1, stdout=out)
    report = out.getvalue()
    assert "10 requests to /de/suche/" in report
    assert "p95" in report
    queries = int(report.split("; ")[-1].split()[0])
    assert 0 < queries <= BUDGET
