"""load_demo builds events in both languages (counts and types only, no wording)."""

import pytest

from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def test_demo_has_an_events_index_and_events_in_both_languages():
    for language in ("de", "en"):
        assert (
            EventIndexPage.objects.live()
            .filter(locale__language_code=language)
            .exists()
        )
    german = EventPage.objects.live().filter(locale__language_code="de")
    english = EventPage.objects.live().filter(
        locale__language_code="en", alias_of__isnull=True
    )
    assert german.count() >= 4
    assert english.count() == german.count()
    # Past events with a review, and upcoming ones of each required kind.
    assert german.past().exclude(review="").exists()
    upcoming = german.upcoming()
    assert upcoming.filter(status="cancelled").exists()
    assert upcoming.filter(status="fully_booked", waitlist_enabled=True).exists()
    assert upcoming.exclude(online_url="").filter(street="", city="").exists()


def test_demo_events_sit_in_partner_sections():
    for event in EventPage.objects.filter(locale__language_code="de"):
        section = event.get_parent().specific
        assert section.partner.code
        assert isinstance(section.get_parent().specific, EventIndexPage)
