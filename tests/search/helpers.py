"""Helpers of the search tests."""

from tests.utils import soup

# What the browser tests' tab loads (conftest.browser_page).
ORIGIN = "http://testserver"


def result_urls(response):
    """The addresses of the ordinary results, in order (promotions not included)."""
    return [
        link["href"]
        for link in soup(response).select(
            "ol.search-results:not(.search-results--promoted) .search-result__title a"
        )
    ]
