"""The five expert groups: one taxonomy, translated, with the same slug everywhere."""

import pytest

from tregks.core.factories import expert_group_topic
from tregks.core.models import Topic
from tregks.core.topics import EXPERT_GROUPS, ensure_topics

pytestmark = pytest.mark.django_db


def test_five_expert_groups_in_both_languages():
    ensure_topics()
    for language in ("de", "en"):
        slugs = set(
            Topic.objects.filter(locale__language_code=language).values_list(
                "slug", flat=True
            )
        )
        assert slugs == {group[0] for group in EXPERT_GROUPS}
    german = expert_group_topic("arbeitsbeziehungen")
    english = german.get_translation(
        Topic.objects.filter(locale__language_code="en").first().locale
    )
    assert german.name == "Arbeitsbeziehungen"
    assert english.name == "Industrial relations"
    assert english.slug == german.slug


def test_ensure_topics_is_idempotent():
    ensure_topics()
    before = Topic.objects.count()
    ensure_topics()
    assert Topic.objects.count() == before
