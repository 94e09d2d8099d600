"""The suggestion combobox in a real browser: keyboard, ARIA states, live region.

Chromium (Debian) loads the page rendered by Django's test client; every request of the
page (the script, the suggestion endpoint) is answered in-process by the same test
client, so the test sees the test database and needs no server.
"""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.db import DEFAULT_DB_ALIAS, connections

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ORIGIN = "http://testserver"


@pytest.fixture
def suggested_pages(home_de, make_page):
    """Made before Playwright starts, inside the test's transaction."""
    return [
        make_page(home_de, "Zylinderkopf im Wandel"),
        make_page(home_de, "Zylinderkopf und Motor"),
    ]


@pytest.fixture
def browser_page(client, monkeypatch, suggested_pages):
    # The connection that holds the test's transaction, taken before Playwright runs:
    # once its event loop runs, Django code in the route handlers (and in the test
    # body) would get a second connection outside the transaction, which commits.
    # Hence: pages are made before, the handlers get this connection, and the test
    # bodies touch no database.
    test_connection = connections[DEFAULT_DB_ALIAS]
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is missing (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    playwright = playwright_api.sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
    )
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
        response = client.get(url.path, dict_from_query(url.query))
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


def dict_from_query(query):
    from django.http import QueryDict

    return QueryDict(query).dict()


def suggestion_requests(page):
    return [url for url in page.requests if "/vorschlaege/" in url]


def test_keyboard_and_screen_reader_use(browser_page, suggested_pages):
    url_of = {page.title: page.url for page in suggested_pages}
    page = browser_page
    page.goto(f"{ORIGIN}/de/suche/")
    box = page.locator("#site-search-q")

    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")

    # One character: no request.
    box.focus()
    page.keyboard.type("Z")
    page.wait_for_timeout(600)
    assert suggestion_requests(page) == []

    page.keyboard.type("ylinderkopf")
    page.wait_for_selector(f"#{listbox_id} [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    # Debounced: one request for the whole word, not one per key.
    assert len(suggestion_requests(page)) == 1
    options = page.locator(f"#{listbox_id} [role=option]")
    assert options.count() == 2
    status = page.locator("#site-search-q ~ [role=status]")
    assert status.first.text_content().startswith("2 Vorschläge")

    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active == options.nth(0).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute(
        "id"
    )

    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None

    # Enter on a chosen suggestion opens that page.
    page.keyboard.press("ArrowDown")
    chosen = options.nth(0).text_content()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == url_of[chosen.split(" – ")[0]]


def test_enter_without_a_choice_submits_the_search(browser_page):
    page = browser_page
    page.goto(f"{ORIGIN}/de/suche/")
    page.locator("#site-search-q").fill("Zylinderkopf")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/de/suche/"
    assert "q=Zylinderkopf" in page.url
