"""Pages with exact text for the search tests, made inside each test's transaction."""

import itertools
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import QueryDict
from django.utils import translation

import pytest

from tests.search.helpers import ORIGIN
from tests.utils import CHROMIUM, launch_chromium

_slugs = itertools.count(1)


def _factories():
    from home.factories import ContentPageFactory
    from home.models import ContentPage
    from partners.factories import PartnerProfilePageFactory, PartnerSectionPageFactory
    from partners.models import PartnerProfilePage, PartnerSectionPage

    return {
        ContentPage: ContentPageFactory,
        PartnerProfilePage: PartnerProfilePageFactory,
        PartnerSectionPage: PartnerSectionPageFactory,
    }


@pytest.fixture
def make_page(db):
    """make_page(parent, title, text="", lead="", publish=True) -> a ContentPage.

    `model=` makes a partner profile or section instead (their factories fill the rest).
    A page is saved with a revision, published or (publish=False) left a draft, as the
    admin does.
    """
    from home.models import ContentPage

    def make(
        parent, title, text="", lead="", publish=True, model=ContentPage, **fields
    ):
        body = [("paragraph", f"<p>{text}</p>")] if text else []
        if model is ContentPage:
            fields.update(lead=lead, body=body)
        page = _factories()[model](
            parent=parent,
            title=title,
            slug=f"suchtest-{next(_slugs)}",
            live=publish,
            **fields,
        )
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def search_url():
    """The search page's address in a language, e.g. search_url("en")."""
    from django.urls import reverse

    def url(language, name="search"):
        with translation.override(language):
            return reverse(name)

    return url


@pytest.fixture
def pages_before_browser():
    """The pages a browser test needs; a test module overrides it."""
    return []


@pytest.fixture
def browser_page(client, monkeypatch, pages_before_browser):
    """A Chromium tab whose every request (the page, its script, the suggestion
    endpoint) is answered in-process by the test client. A test module makes its pages
    in `pages_before_browser`: made before Playwright starts."""
    # The connection that holds the test's transaction, taken before Playwright runs:
    # once its event loop runs, Django code in the route handlers (and in the test
    # body) would get a second connection outside the transaction, which commits.
    # Hence: pages are made before, the handlers get this connection, and the test
    # bodies touch no database.
    test_connection = connections[DEFAULT_DB_ALIAS]
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    playwright = playwright_api.sync_playwright().start()
    browser = launch_chromium(playwright)
    context = browser.new_context()
    requests = []

    def answer(route):
        connections[DEFAULT_DB_ALIAS] = test_connection
        url = urlsplit(route.request.url)
        requests.append(route.request.url)
        if url.path.startswith("/static/"):
            found = finders.find(url.path.removeprefix("/static/"))
            if found:
                route.fulfill(path=found)
                return
            route.fulfill(status=404, body="")
            return
        response = client.get(url.path, QueryDict(url.query).dict())
        # Files (the favicon) come as a streaming response.
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        route.fulfill(
            status=response.status_code,
            content_type=response.get("Content-Type", "text/html"),
            body=body,
        )

    context.route(f"{ORIGIN}/**", answer)
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()
    browser.close()
    playwright.stop()
