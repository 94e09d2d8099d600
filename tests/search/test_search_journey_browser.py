"""A reader's search in a real browser: search from the header, read the count, page
through, search the same term again (answered from the kept results, search/results.py)
and open a result. What changes between searches is tested in test_kept_results.py
(the browser tests' bodies touch no database, see conftest.browser_page)."""

from urllib.parse import urlsplit

import pytest

from tests.search.helpers import ORIGIN

pytestmark = [pytest.mark.django_db, pytest.mark.browser, pytest.mark.slow]

WORD = "Zwirbelgetriebe"  # in this test's pages only
PAGES = 14  # more than one page of results (12 per page)


@pytest.fixture
def pages_before_browser(home_de, make_page):
    return [
        make_page(home_de, f"{WORD} Werkstatt {number}", text=f"Bericht über {WORD}.")
        for number in range(PAGES)
    ]


def result_titles(page):
    return page.locator(
        "ol.search-results:not(.search-results--promoted) .search-result__title a"
    ).all_text_contents()


def test_a_reader_searches_pages_through_and_opens_a_result(
    browser_page, pages_before_browser
):
    page = browser_page
    page.goto(f"{ORIGIN}/de/")
    page.locator("#site-search-q").fill(WORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator(".search-count").text_content().split()[0] == str(PAGES)
    first_page = result_titles(page)
    assert len(first_page) == 12

    with page.expect_navigation():
        page.get_by_role("link", name="Weiter").click()
    second_page = result_titles(page)
    assert len(second_page) == PAGES - 12
    assert not set(first_page) & set(second_page)

    # The same search again, as the next reader would send it.
    page.goto(f"{ORIGIN}/de/suche/?q={WORD}")
    assert result_titles(page) == first_page

    with page.expect_navigation():
        page.get_by_role("link", name=first_page[0]).click()
    assert page.locator("h1").text_content().strip() == first_page[0]
    titles_to_urls = {made.title: made.url for made in pages_before_browser}
    assert urlsplit(page.url).path == titles_to_urls[first_page[0]]
