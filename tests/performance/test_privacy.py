"""Page privacy without queries: the shortcut must restrict exactly what Wagtail does.

`tregks.cache.privacy` answers "no restriction applies" from the restricted paths kept
per cache generation; where a restriction may apply or an alias is on the way,
Wagtail's own check runs. These tests serve pages with the page cache switched off, so
each request really asks the restrictions.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from home.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def about():
    return ContentPage.objects.get(
        slug="ueber-das-netzwerk", locale__language_code="de"
    )


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def publish_child(parent, slug):
    child = parent.add_child(instance=ContentPage(title=f"Seite {slug}", slug=slug))
    child.save_revision().publish()
    return child


def asks_for_login(response):
    return response.status_code == 302 and "login" in response["Location"]


def test_public_page_is_served_without_asking_the_restrictions(client):
    url = about().url
    client.get(url)  # warm: the kept restricted paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]


def test_page_below_a_restricted_page_asks_for_login(client):
    section = about()
    child = publish_child(section, "intern")
    restrict(section)
    assert asks_for_login(client.get(section.url))
    assert asks_for_login(client.get(child.url))


def test_removing_the_restriction_makes_the_page_public_at_once(client):
    section = about()
    restriction = restrict(section)
    assert asks_for_login(client.get(section.url))
    restriction.delete()
    assert client.get(section.url).status_code == 200


def test_alias_of_a_restricted_page_is_restricted_too(client):
    section = about()
    restrict(section)
    alias = section.create_alias(update_slug="netzwerk-kopie")
    assert asks_for_login(client.get(alias.url))


def test_own_page_below_an_alias_of_a_restricted_page_is_restricted(client):
    """Wagtail resolves aliases on the way to their source page's restrictions."""
    section = about()
    alias = section.create_alias(update_slug="netzwerk-kopie")
    child = publish_child(alias, "unter-der-kopie")
    assert client.get(child.url).status_code == 200
    restrict(section)
    assert asks_for_login(client.get(child.url))
