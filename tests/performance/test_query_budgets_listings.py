"""Query budgets of listings: the queries of the indexes and feeds do not grow with the
number of items listed, and the press feed lists twenty items at most (pieces in
tests/performance/budgets.py).
"""

import pytest

from bench.archive import add_archive
from news.factories import news_section
from partners.factories import PartnerProfilePageFactory

from .budgets import (
    EXTRA,
    build_rich_site,
    ensure_listings,
    latest,
    measure,
)

pytestmark = pytest.mark.django_db


# (page type, suffix) of every listing, counted in English (where the built pages
# are translated); the podcast feed in German: the built episodes' audio is German,
# so the English show has no feed (docs/podcast.md).
LISTINGS = [
    ("home.HomePage", ""),
    ("news.NewsIndexPage", ""),
    ("news.NewsIndexPage", "feed/"),
    ("podcast.PodcastShowPage", ""),
    ("podcast.PodcastShowPage", "feed/"),
    ("stories.StoryIndexPage", ""),
    ("partners.PartnerIndexPage", ""),
]


@pytest.mark.slow
def test_listing_queries_do_not_grow_with_the_number_of_items(client, settings):
    """All listings on one site, counted before and after the archive is added (one
    build and one archive for all of them)."""
    settings.PAGE_CACHE_ENABLED = False
    ensure_listings()
    build_rich_site()
    urls = [
        latest(label, "de" if (label, suffix) == LISTINGS[4] else "en").url + suffix
        for label, suffix in LISTINGS
    ]
    before = {url: measure(client, url) for url in urls}
    add_archive(
        releases=EXTRA,
        stories=EXTRA,
        episodes=EXTRA,
        profiles=EXTRA,
        topics_per_page=3,
        partners=3,
    )
    after = {url: measure(client, url) for url in urls}
    grown = {url: (before[url], after[url]) for url in urls if after[url] > before[url]}
    assert not grown, f"queries before and after {EXTRA} more items: {grown}"


def test_news_feed_lists_twenty_items_at_most(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    ensure_listings()
    news_section(PartnerProfilePageFactory(english=True), english=True)
    add_archive(releases=EXTRA, stories=0, episodes=0, profiles=0)
    response = client.get(latest("news.NewsIndexPage", "de").url + "feed/")
    assert response.content.count(b"<item>") == 20
