"""The consent note of an external video links the privacy page in the reader's language.

The link comes from the footer links every page shows (kept per cache generation), so
the story page needs no query of its own for it.
"""

from wagtail.models import Locale, Site

import pytest

from home.factories import ContentPageFactory
from stories.factories import VideoStoryPageFactory, story_section
from tests.utils import soup
from tregks.core.models import FooterLinks

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    """A story with a YouTube video, in German and English."""
    return VideoStoryPageFactory(
        parent=story_section(english=True),
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        english=True,
    )


@pytest.fixture
def footer():
    return FooterLinks.for_site(Site.objects.get(is_default_site=True))


def consent_privacy_link(client, page):
    note = soup(client.get(page.url)).select_one(".video-consent__note")
    assert note is not None, "An external video shows the consent note."
    link = note.find("a")
    return link["href"] if link else None


@pytest.mark.parametrize("language", ["de", "en"])
def test_consent_note_links_the_privacy_page_in_the_readers_language(
    client, story, footer, language
):
    footer.privacy_page = ContentPageFactory(title="Datenschutz", english=True)
    footer.save()
    locale = Locale.objects.get(language_code=language)
    privacy = footer.privacy_page.get_translation(locale)
    assert consent_privacy_link(client, story.get_translation(locale)) == privacy.url


def test_consent_note_has_no_privacy_link_without_a_privacy_page(client, story, footer):
    footer.privacy_page = None
    footer.save()
    assert consent_privacy_link(client, story) is None
