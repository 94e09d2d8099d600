"""Page routing below the home page in two queries (tregks.core.routing, a `route()`
of the home page) behaves like Wagtail's own, through Wagtail's serve view."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page

import pytest

from home.models import ContentPage

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
    about = ContentPage.objects.get(slug="ueber-das-netzwerk")
    child = ContentPage(title="Team", slug="team", lead="")
    about.add_child(instance=child)
    child.save_revision().publish()
    route("ueber-das-netzwerk/team/")  # content types warm
    with CaptureQueriesContext(connection) as queries:
        result = route("ueber-das-netzwerk/team/")
    assert result.page.specific == child
    assert isinstance(result.page, ContentPage)
    assert len(queries) <= 6, [q["sql"] for q in queries]


def test_language_selects_the_tree():
    assert route("legal-notice/", "en").page.slug == "legal-notice"
    assert route("", "en").page.locale.language_code == "en"
    assert route("", "de").page.locale.language_code == "de"


def test_unknown_and_unpublished_pages_are_not_found(client):
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    assert client.get("/de/impressum/gibt-es-nicht/").status_code == 404
    ContentPage.objects.get(slug="impressum").unpublish()
    assert client.get("/de/impressum/").status_code == 404


def test_routable_page_sub_routes_still_work(client):
    show = Page.objects.get(
        content_type__app_label="podcast",
        content_type__model="podcastshowpage",
        locale__language_code="de",
    ).specific
    response = client.get(show.url + "feed/")
    assert response.status_code == 200
    assert b"<rss" in response.content


def test_wagtail_utility_urls_are_left_to_wagtail(client):
    response = client.get("/de/_util/login/")
    assert response.status_code == 200


def test_the_path_lookup_uses_an_index_not_a_scan_of_every_page():
    """Wagtail does not index url_path; without core's index the lookup reads every
    page of the site on each uncached request (2 to 4 ms at 22,000 pages)."""
    route("presse/")  # content types warm
    with CaptureQueriesContext(connection) as queries:
        route("presse/")
    lookup = next(q["sql"] for q in queries if '"url_path" IN' in q["sql"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test site is small enough for a scan to win; forbid it to see
            # whether an index can answer the query at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {lookup}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {lookup}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "tregks_page_url_path" in plan, plan
