"""The suggestion combobox in a real browser: keyboard, ARIA states, live region.

Chromium (Debian) loads the page rendered by Django's test client (`browser_page` in
conftest.py), so the test sees the test database and needs no server.
"""

from urllib.parse import urlsplit

import pytest

from tests.search.helpers import ORIGIN

pytestmark = [pytest.mark.django_db, pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def suggested_pages(home_de, make_page):
    """Made before Playwright starts, inside the test's transaction."""
    return [
        make_page(home_de, "Zylinderkopf im Wandel"),
        make_page(home_de, "Zylinderkopf und Motor"),
    ]


@pytest.fixture
def pages_before_browser(suggested_pages):
    return suggested_pages


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
