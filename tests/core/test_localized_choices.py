"""Topics, partners and guests of a page in the reader's language (core.i18n).

wagtail-localize copies many-to-many values unchanged, so an English press release
points to the German topics and partners; the page shows their English versions.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from news.models import PressReleasePage
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db


def release_with_topics_and_partners(language):
    releases = PressReleasePage.objects.live().filter(locale__language_code=language)
    return next(
        r for r in releases if r.topics.exists() and r.issuing_partners.exists()
    )


def test_english_page_shows_english_topics_and_partners_in_the_same_order():
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


def test_a_render_after_the_first_asks_only_for_the_chosen_ids():
    german = release_with_topics_and_partners("de")
    type(german).objects.get(pk=german.pk).topics_for_reader  # noqa: B018 (table built)
    page = type(german).objects.get(pk=german.pk)
    with CaptureQueriesContext(connection) as queries:
        assert page.topics_for_reader
    assert len(queries) == 1


def test_a_renamed_topic_shows_at_once():
    german = release_with_topics_and_partners("de")
    type(german).objects.get(pk=german.pk).topics_for_reader  # noqa: B018 (table built)
    topic = german.topics.first()
    topic.name = "Neu benannt"
    topic.save()  # a snippet save starts a new cache generation
    page = type(german).objects.get(pk=german.pk)
    assert "Neu benannt" in [t.name for t in page.topics_for_reader]


def test_a_preview_shows_the_unsaved_choice_of_topics():
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
