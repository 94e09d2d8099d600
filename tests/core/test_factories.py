"""The apps' factories build their own parents and translations, and the pages serve."""

from wagtail.models import Locale

import pytest

from home.factories import ContentPageFactory, home_page
from news.factories import PressReleasePageFactory, news_index, news_section
from partners.factories import PartnerProfilePageFactory, partner_index
from podcast.factories import PodcastEpisodePageFactory, podcast_show
from stories.factories import VideoStoryPageFactory, story_section

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def test_parents_are_the_sites_own_pages_of_each_language():
    assert home_page("de").url == "/de/"
    assert home_page("en").url == "/en/"
    assert news_index("de").get_parent().specific == home_page("de")
    assert news_index("en").get_parent().specific == home_page("en")
    assert partner_index("en").locale == english()


def test_release_without_parent_gets_a_new_partner_section(client):
    release = PressReleasePageFactory(title="Eine Mitteilung")
    section = release.get_parent().specific
    assert section.get_parent().specific == news_index("de")
    assert section.partner.code in release.url
    response = client.get(release.url)
    assert response.status_code == 200
    assert "Eine Mitteilung" in response.content.decode()


def test_release_with_its_english_translation(client):
    section = news_section(english=True)
    release = PressReleasePageFactory(
        parent=section,
        title="Neue Werkstatt",
        english={"title": "New workshop", "slug": "new-workshop"},
    )
    translated = release.get_translation(english())
    assert translated.live
    assert translated.url.startswith("/en/press/")
    assert translated.url.endswith("/new-workshop/")
    response = client.get(translated.url)
    assert response.status_code == 200
    assert "New workshop" in response.content.decode()


def test_english_translation_brings_its_parents_along(client):
    story = VideoStoryPageFactory(english__title="A story")
    translated = story.get_translation(english())
    assert translated.get_parent().locale == english()
    assert client.get(translated.url).status_code == 200


def test_story_profile_and_episode_serve(client):
    partner = PartnerProfilePageFactory(title="Werkzeugbau Nord")
    story = VideoStoryPageFactory(parent=story_section(partner))
    episode = PodcastEpisodePageFactory(title="Folge über Werkzeuge")
    page = ContentPageFactory(title="Über uns")
    for built in (partner, story, episode, page):
        assert client.get(built.url).status_code == 200, built.url
    assert episode.get_parent().specific == podcast_show("de")
