"""Query budgets on the richest page of each type: built with everything filled in, in
German and English, counted with pytest-django's own counter (pieces in
tests/performance/budgets.py).
"""

from wagtail.models import Locale

import pytest

from news.factories import PressReleasePageFactory, news_section
from partners.factories import PartnerProfilePageFactory
from podcast.factories import (
    PodcastEpisodePageFactory,
    PodcastShowPageFactory,
)
from stories.factories import VideoStoryPageFactory, story_section

from .budgets import (
    BUDGET,
    translate_related_pages,
)

pytestmark = pytest.mark.django_db


def rich_release():
    partner = PartnerProfilePageFactory(rich=True, english=True)
    release = PressReleasePageFactory(
        rich=True, parent=news_section(partner, english=True), english=True
    )
    translate_related_pages([release])
    return release


RICHEST = {
    "press release": lambda: rich_release(),
    "story": lambda: VideoStoryPageFactory(
        rich=True, parent=story_section(english=True), english=True
    ),
    "episode": lambda: PodcastEpisodePageFactory(
        rich=True,
        parent=PodcastShowPageFactory(english=True),
        guests=[PartnerProfilePageFactory(english=True)],
        english=True,
    ),
    "partner profile": lambda: PartnerProfilePageFactory(rich=True, english=True),
    # A partner's press section with a full release in it.
    "partner section": lambda: rich_release().get_parent(),
}


@pytest.mark.parametrize("kind", RICHEST)
def test_richest_page_of_each_type_keeps_to_the_budget(
    client, settings, django_assert_max_num_queries, kind
):
    """pytest-django's own counter on a page with everything filled in (images,
    topics, partners, related pages, downloads, uploaded video with captions, guests),
    in German and in its English translation (one page built for both)."""
    settings.PAGE_CACHE_ENABLED = False
    german = RICHEST[kind]()
    english = german.get_translation(Locale.objects.get(language_code="en"))
    for page in (german, english):
        client.get(page.url)  # warm: what a running server keeps
        with django_assert_max_num_queries(BUDGET, info=page.url):
            assert client.get(page.url).status_code == 200
