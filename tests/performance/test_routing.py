"""Page routing below the home page in two queries (tregks.core.routing, a `route()`
of the home page) behaves like Wagtail's own, through Wagtail's serve view."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from home.factories import ContentPageFactory, home_page
from home.models import ContentPage
from news.factories import news_index
from podcast.factories import PodcastEpisodePageFactory

pytestmark = pytest.mark.django_db


def route(path, language="de"):
    """Wagtail's own entry point, as its serve view calls it."""
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        return Page.route_for_request(request, path)


def test_a_page_is_found_with_six_queries_at_most():
    """Wagtail: the site, the home page's translation and its specific object; then
    the home page's route(): every page on the path, the deepest one's object. Wagtail's
    own Page.route would need two more per level."""
    about = ContentPageFactory(slug="ueber-uns-im-test")
    child = ContentPageFactory(parent=about, slug="team")
    route("ueber-uns-im-test/team/")  # content types warm
    with CaptureQueriesContext(connection) as queries:
        result = route("ueber-uns-im-test/team/")
    assert result.page.specific == child
    assert isinstance(result.page, ContentPage)
    assert len(queries) <= 6, [q["sql"] for q in queries]


def test_language_selects_the_tree():
    german = ContentPageFactory(
        slug="rechtliches", english={"title": "Legal", "slug": "legal"}
    )
    assert route("legal/", "en").page.specific == german.get_translation(
        home_page("en").locale
    )
    assert route("rechtliches/", "de").page.specific == german
    assert route("legal/", "de") is None
    assert route("", "en").page.locale.language_code == "en"
    assert route("", "de").page.locale.language_code == "de"


def test_unknown_and_unpublished_pages_are_not_found(client):
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    page = ContentPageFactory()
    assert client.get(page.url).status_code == 200
    assert client.get(f"{page.url}gibt-es-nicht/").status_code == 404
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_routable_page_sub_routes_still_work(client):
    show = PodcastEpisodePageFactory().get_parent().specific
    response = client.get(show.url + "feed/")
    assert response.status_code == 200
    assert b"<rss" in response.content


def test_wagtail_utility_urls_are_left_to_wagtail(client):
    response = client.get("/de/_util/login/")
    assert response.status_code == 200


def test_the_path_lookup_uses_an_index_not_a_scan_of_every_page():
    """Wagtail does not index url_path; without core's index the lookup reads every
    page of the site on each uncached request (2 to 4 ms at 22,000 pages)."""
    path = news_index("de").url.removeprefix("/de/")
    route(path)  # content types warm
    with CaptureQueriesContext(connection) as queries:
        route(path)
    lookup = next(q["sql"] for q in queries if '"url_path" IN' in q["sql"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if index_hidden_by_an_older_transaction(cursor):
                pytest.fail(
                    "PostgreSQL hides the index from this test: a transaction older "
                    "than the test database is still open on the server (another "
                    "process's). End it and run the test again."
                )
            # The test site is small enough for a scan to win; forbid it to see
            # whether an index can answer the query at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {lookup}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {lookup}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "tregks_page_url_path" in plan, plan


def index_hidden_by_an_older_transaction(cursor):
    """True when the planner may not use the index yet: PostgreSQL marks an index built
    over rows updated in place (indcheckxmin, here after Wagtail's migrations) and
    keeps it from transactions whose snapshot reaches back before it. The test
    database is new, so any transaction open on the server since before it does."""
    cursor.execute(
        "SELECT indcheckxmin AND NOT xmin::text::bigint < txid_snapshot_xmin("
        "txid_current_snapshot()) % 4294967296 FROM pg_index "
        "WHERE indexrelid = 'tregks_page_url_path'::regclass"
    )
    return cursor.fetchone()[0]
