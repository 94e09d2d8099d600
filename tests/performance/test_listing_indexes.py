"""Newest-first listings read the first rows of an index instead of sorting the archive.

Without the index PostgreSQL joins and sorts every item of the language for each
uncached index page, feed or home page: 22 ms for the first press index page at
10,000 releases per language, 0.2 ms with it (docs/PERFORMANCE.md). Each listing gets
items of its own from the factories.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.factories import PressReleasePageFactory, news_index
from podcast.factories import PodcastEpisodePageFactory
from stories.factories import VideoStoryPageFactory, story_index

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def press_index():
    PressReleasePageFactory()
    PressReleasePageFactory()
    return news_index("de").url


def english_press_feed():
    PressReleasePageFactory(english=True)
    PressReleasePageFactory(english=True)
    return news_index("en").url + "feed/"


def story_listing():
    VideoStoryPageFactory()
    VideoStoryPageFactory()
    return story_index("de").url


def podcast_show():
    show = PodcastEpisodePageFactory().get_parent()
    PodcastEpisodePageFactory(parent=show)
    return show.url


LISTINGS = {
    "press index": (
        press_index,
        "news_pressreleasepage",
        "news_release_newest_first",
    ),
    "English press feed": (
        english_press_feed,
        "news_pressreleasepage",
        "news_release_newest_first",
    ),
    "story index": (
        story_listing,
        "stories_videostorypage",
        "stories_story_newest_first",
    ),
    "podcast show": (
        podcast_show,
        "podcast_podcastepisodepage",
        "podcast_episode_newest_first",
    ),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_newest_first_listing_can_read_its_index(client, listing):
    build, table, index = LISTINGS[listing]
    url = build()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    listing = next(
        query["sql"]
        for query in queries
        if f'ORDER BY "{table}".' in query["sql"] and "LIMIT" in query["sql"]
    )
    with connection.cursor() as cursor:
        # The test site is small enough for a sort to win; forbid sorting to see
        # whether the index delivers the order at all.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {listing}")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
