"""The consent note of an external video links the privacy page in the reader's language.

The link comes from the footer links every page shows (kept per cache generation), so
the story page needs no query of its own for it.
"""

from wagtail.models import Locale

import pytest

from tests.utils import soup
from tregks.core.models import FooterLinks

from .utils import HERKULES_DE, story

pytestmark = pytest.mark.django_db


def consent_privacy_link(client, page):
    note = soup(client.get(page.url)).select_one(".video-consent__note")
    assert note is not None, "An external video shows the consent note."
    link = note.find("a")
    return link["href"] if link else None


@pytest.mark.parametrize("language", ["de", "en"])
def test_consent_note_links_the_privacy_page_in_the_readers_language(client, language):
    locale = Locale.objects.get(language_code=language)
    page = story(HERKULES_DE).get_translation(locale)
    privacy = FooterLinks.objects.get().privacy_page.get_translation(locale)
    assert consent_privacy_link(client, page) == privacy.url


def test_consent_note_has_no_privacy_link_without_a_privacy_page(client):
    footer = FooterLinks.objects.get()
    footer.privacy_page = None
    footer.save()
    assert consent_privacy_link(client, story(HERKULES_DE)) is None
