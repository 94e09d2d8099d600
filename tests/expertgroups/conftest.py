"""An expert group of its own topic in both languages, with press releases, stories and
episodes on it and on another topic, built with factories once per module; each test
gets them read afresh and its changes rolled back (tests.utils.data_for_scope)."""

import datetime

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

import pytest

from expertgroups.factories import (
    ExpertGroupIndexPageFactory,
    ExpertGroupPageFactory,
    TopicFactory,
    english_topic,
)
from home.factories import home_page
from news.factories import PressReleasePageFactory
from partners.factories import PartnerSectionPageFactory
from partners.models import PartnerRole
from podcast.models import PodcastEpisodePage
from stories.models import VideoStoryPage
from tests.contact.conftest import network, network_of_module  # noqa: F401 - shared
from tests.podcast.utils import demo_mp3, make_audio
from tests.utils import data_for_scope, fresh

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def add(parent, page):
    parent.add_child(instance=page)
    return page


def poster():
    return get_image_model().objects.create(
        title="Testplakat", file=get_test_image_file()
    )


def story(parent, title, topic, company, date):
    page = add(
        parent,
        VideoStoryPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            company=company,
            summary="Kurz gesagt.",
            transcript="<p>Was im Video gesagt wird.</p>",
            poster=poster(),
            video_url=VIDEO,
            date=date,
            locale=parent.locale,
        ),
    )
    page.topics.add(topic)
    page.save()
    return page


def episode(parent, title, topic, date):
    page = add(
        parent,
        PodcastEpisodePage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            summary="Worum es geht.",
            release_date=date,
            episode_number=1,
            audio=make_audio(demo_mp3(1), "testfolge.mp3"),
            locale=parent.locale,
        ),
    )
    page.topics.add(topic)
    page.save()
    return page


def release(parent, title, topic, date):
    page = PressReleasePageFactory(parent=parent, title=title, release_date=date)
    page.topics.add(topic)
    page.save()
    return page


@pytest.fixture(scope="module")
def group_of_module(network_of_module, django_db_blocker):  # noqa: F811 - shared
    with data_for_scope(django_db_blocker):
        yield build_group(network_of_module)


@pytest.fixture
def group(db, group_of_module):
    return fresh(group_of_module)


def build_group(network):  # noqa: F811 - the shared fixture's data
    home_de, home_en = home_page("de"), home_page("en")
    english = Locale.objects.get(language_code="en")
    topic, other = TopicFactory(), TopicFactory()
    english_topic(topic)
    partner = network["partners"]["a"]
    company = partner["de"]
    company.role = PartnerRole.COMPANY
    company.save()
    sections = {
        language: PartnerSectionPageFactory(
            parent=partner[language].get_parent(), partner=partner["de"]
        )
        for language in ("de", "en")
    }
    day = datetime.date(2025, 3, 1)
    items = {
        "release_de": release(sections["de"], "Mitteilung zum Thema", topic, day),
        "release_other": release(
            sections["de"], "Mitteilung anderes Thema", other, day
        ),
        "release_en": release(sections["en"], "Release on the topic", topic, day),
        "story_de": story(
            sections["de"],
            "Geschichte zum Thema",
            topic,
            company,
            day - datetime.timedelta(1),
        ),
        "story_other": story(
            sections["de"], "Geschichte anderes Thema", other, company, day
        ),
        "episode_de": episode(
            sections["de"], "Folge zum Thema", topic, day - datetime.timedelta(2)
        ),
    }
    index_de = ExpertGroupIndexPageFactory(parent=home_de)
    index_en = ExpertGroupIndexPageFactory(
        parent=home_en, locale=english, translation_key=index_de.translation_key
    )
    page_de = ExpertGroupPageFactory(parent=index_de, topic=topic, title="Testgruppe")
    page_en = ExpertGroupPageFactory(
        parent=index_en,
        locale=english,
        translation_key=page_de.translation_key,
        topic=topic,
        title="Test group",
    )
    return {
        "topic": topic,
        "other": other,
        "items": items,
        "page": {"de": page_de, "en": page_en},
        "network": network,
    }
