"""Query budgets on pages as readers see them: a site built with the apps' factories
(`rich`: images, topics, partners, related pages, downloads, videos with captions,
guests, partner sections), every page and every page above them in both languages
keeps to the budget (pieces in tests/performance/budgets.py; the richest page of each
type: test_query_budgets_richest.py).
"""

import pytest

from .budgets import (
    BUDGET,
    build_rich_site,
    measure,
    site_urls,
)

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_every_page_as_readers_see_it_stays_within_the_query_budget(client, settings):
    """Built pages carry what archive pages lack: images, related pages, downloads,
    videos with captions, guests, partner sections under both indexes."""
    settings.PAGE_CACHE_ENABLED = False
    german_pages = build_rich_site()
    counts = {url: measure(client, url) for url in site_urls(german_pages)}
    assert len(counts) > 40, "Every page type in both languages should be built."
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"Over {BUDGET} queries: {over}"
