"""The group page shows the group's upcoming and past events (events app)."""

import datetime

from django.test import Client
from django.utils import timezone

from wagtail import hooks

import pytest

from events.factories import EventPageFactory
from expertgroups.sources import EVENT_SOURCE_HOOK
from tests.utils import soup

pytestmark = pytest.mark.django_db


def event(title, topic, days_from_now):
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    page = EventPageFactory(title=title, start=start)
    page.topics.add(topic)
    page.save()
    return page


def test_upcoming_soonest_first_and_past_latest_first(group):
    topic = group["topic"]
    event("Später", topic, 30)
    event("Bald", topic, 3)
    event("Neulich", topic, -5)
    event("Lange her", topic, -60)
    event("Andere Gruppe", group["other"], 4)
    html = soup(Client().get(group["page"]["de"].url))
    found = {
        section.select_one("h2").get_text(): [
            a.get_text() for a in section.select(".card__title a")
        ]
        for section in html.select(".expert-group__events")
    }
    assert found == {
        "Kommende Veranstaltungen": ["Bald", "Später"],
        "Vergangene Veranstaltungen": ["Neulich", "Lange her"],
    }


def test_without_events_the_page_has_no_event_sections(group):
    html = soup(Client().get(group["page"]["de"].url))
    assert html.select(".expert-group__events") == []


def test_the_events_app_registers_itself_as_the_groups_event_source(group):
    """Expert groups know no events model: the events app hands them its events."""
    (source,) = hooks.get_hooks(EVENT_SOURCE_HOOK)
    assert source.__module__ == "events.wagtail_hooks"
    topic = group["topic"]
    soon = event("Bald", topic, 3)
    event("Andere Gruppe", group["other"], 4)
    upcoming, past = source(topic.slug, soon.locale_id, 4)
    assert (upcoming, past) == ([soon], [])


def test_the_group_page_shows_what_the_registered_source_returns(group):
    """The page lists the first registered source's events, whatever app it is."""
    elsewhere = event("Aus einer anderen Quelle", group["other"], 2)

    def other_source(slug, locale_id, limit):
        return [elsewhere], []

    with hooks.register_temporarily(EVENT_SOURCE_HOOK, other_source, order=-1):
        html = soup(Client().get(group["page"]["de"].url))
    titles = [a.get_text() for a in html.select(".expert-group__events .card__title a")]
    assert titles == ["Aus einer anderen Quelle"]
