"""Topics, partners and guests of a page in the reader's language (core.i18n).

wagtail-localize copies many-to-many values unchanged, so an English press release
points to the German topics and partners; the page shows their English versions.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from news.factories import PressReleasePageFactory, news_section
from news.models import PressReleasePage
from partners.factories import PartnerProfilePageFactory
from podcast.factories import PodcastShowPageFactory
from tests.utils import data_for_scope
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_release(django_db_setup, django_db_blocker):
    """A release with two topics and its issuing partner, translated (the partner too),
    built once for the module."""
    with data_for_scope(django_db_blocker):
        partner = PartnerProfilePageFactory(english=True)
        german = PressReleasePageFactory(
            rich=True, parent=news_section(partner), english=True
        )
        assert german.topics.count() == 2 and german.issuing_partners.count() == 1
        yield german.pk


@pytest.fixture
def release_with_topics_and_partners(built_release):
    def in_language(language):
        german = PressReleasePage.objects.get(pk=built_release)
        if language == "de":
            return german
        locale = Locale.objects.get(language_code=language)
        return german.get_translation(locale).specific

    return in_language


def test_english_page_shows_english_topics_and_partners_in_the_same_order(
    release_with_topics_and_partners,
):
    english = release_with_topics_and_partners("en")
    german_topics = list(english.topics.all())
    assert {topic.locale.language_code for topic in german_topics} == {"de"}
    shown = english.topics_for_reader
    assert [topic.translation_key for topic in shown] == [
        topic.translation_key for topic in german_topics
    ]
    assert {topic.locale.language_code for topic in shown} == {"en"}
    partners = english.partners_for_reader
    assert partners and all(p.locale.language_code == "en" for p in partners)
    assert all(p.url.startswith("/en/") for p in partners)


def test_a_render_after_the_first_asks_only_for_the_chosen_ids(
    release_with_topics_and_partners,
):
    german = release_with_topics_and_partners("de")
    type(german).objects.get(pk=german.pk).topics_for_reader  # noqa: B018 (table built)
    page = type(german).objects.get(pk=german.pk)
    with CaptureQueriesContext(connection) as queries:
        assert page.topics_for_reader
    assert len(queries) == 1


def test_a_renamed_topic_shows_at_once(release_with_topics_and_partners):
    german = release_with_topics_and_partners("de")
    type(german).objects.get(pk=german.pk).topics_for_reader  # noqa: B018 (table built)
    topic = german.topics.first()
    topic.name = "Neu benannt"
    topic.save()  # a snippet save starts a new cache generation
    page = type(german).objects.get(pk=german.pk)
    assert "Neu benannt" in [t.name for t in page.topics_for_reader]


def test_a_preview_shows_the_unsaved_choice_of_topics(release_with_topics_and_partners):
    german = release_with_topics_and_partners("de")
    chosen = list(
        Topic.objects.filter(locale=german.locale).exclude(
            pk__in=german.topics.values_list("pk", flat=True)
        )[:1]
    )
    assert chosen, "the release should leave a topic to pick"
    draft = german.get_latest_revision_as_object()
    draft.topics = list(chosen)  # what the editor picked, not saved yet
    assert [t.pk for t in draft.topics_for_reader] == [t.pk for t in chosen]


def test_a_shows_partner_in_the_readers_language_costs_no_query_once_kept():
    """The show's running partner is synchronised (the German profile); the English
    show names the English profile, from the partners' table kept per generation."""
    partner = PartnerProfilePageFactory(english=True)
    german = PodcastShowPageFactory(owner_partner=partner, english=True)
    english = german.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.owner_partner == partner  # synchronised unchanged
    english.owner_partner_for_reader  # noqa: B018 (table built)
    page = type(english).objects.select_related("owner_partner").get(pk=english.pk)
    with CaptureQueriesContext(connection) as queries:
        shown = page.owner_partner_for_reader
    assert shown.translation_key == partner.translation_key
    assert shown.locale.language_code == "en"
    assert not queries
