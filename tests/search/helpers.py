"""Helpers of the search tests."""

from pathlib import Path

from tests.utils import soup

CHROMIUM = Path("/usr/bin/chromium")
ORIGIN = (
    "http://testserver"  # what the browser tests' tab loads (conftest.browser_page)
)


def result_urls(response):
    """The addresses of the ordinary results, in order (promotions not included)."""
    return [
        link["href"]
        for link in soup(response).select(
            "ol.search-results:not(.search-results--promoted) .search-result__title a"
        )
    ]
