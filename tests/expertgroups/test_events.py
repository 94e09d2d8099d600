"""The group page shows the group's upcoming and past events (events app)."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from events.factories import EventPageFactory
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
