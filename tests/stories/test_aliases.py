"""A German story with only a synchronised alias under /en/ stays out of English lists."""

import datetime

from wagtail.models import Locale

import pytest

from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole
from stories.factories import VideoStoryPageFactory, story_index, story_section
from tests.utils import data_for_scope, fresh

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def german_only_story_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_german_only_story()


@pytest.fixture
def german_only_story(db, german_only_story_of_module):
    """Built once per module, read afresh for each test."""
    return fresh(german_only_story_of_module)


def build_german_only_story():
    english = Locale.objects.get(language_code="en")
    partner = PartnerProfilePageFactory(english=True)
    company = PartnerProfilePageFactory(role=PartnerRole.COMPANY, english=True)
    story = VideoStoryPageFactory(
        parent=story_section(partner, english=True),
        title="Eine Geschichte nur auf Deutsch",
        company=company,
        date=datetime.date.today(),
    )
    story.copy_for_translation(english, alias=True)
    english_pages = {
        "index": story_index("en"),
        "company": company.get_translation(english),
        "section": story.get_parent().get_translation(english),
    }
    return story, english_pages


@pytest.mark.parametrize("where", ["index", "home", "company", "section"])
def test_english_listings_leave_the_alias_out(client, german_only_story, where):
    story, english_pages = german_only_story
    url = "/en/" if where == "home" else english_pages[where].url
    response = client.get(url)
    assert response.status_code == 200
    assert story.title.encode() not in response.content


def test_the_german_index_keeps_the_story(client, german_only_story):
    story, _english_pages = german_only_story
    assert story.title.encode() in client.get(story_index("de").url).content
