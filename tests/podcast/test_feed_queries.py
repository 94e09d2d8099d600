"""The podcast feed's queries do not grow with its episodes' images."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from podcast.factories import PodcastEpisodePageFactory, PodcastShowPageFactory

pytestmark = pytest.mark.django_db


def feed_queries(client, show):
    url = show.get_url() + "feed/"
    assert client.get(url).status_code == 200  # warm: renditions made, tables kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.count(b"<itunes:image")


def test_episodes_with_images_of_their_own_cost_no_query_each(client, settings):
    """Each image's artwork rendition comes with the episodes, not one query each."""
    settings.PAGE_CACHE_ENABLED = False
    show = PodcastShowPageFactory()
    PodcastEpisodePageFactory(rich=True, parent=show)
    before, images_before = feed_queries(client, show)
    for _ in range(3):
        PodcastEpisodePageFactory(rich=True, parent=show)
    after, images_after = feed_queries(client, show)
    # The channel's artwork and one image per episode.
    assert (images_before, images_after) == (2, 5)
    assert after <= before, f"{before} queries with one episode, {after} with four"
