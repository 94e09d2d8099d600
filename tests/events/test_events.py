"""Events: tree rules, pages in both languages, filters, calendar files, JSON-LD,
query budget. Every test builds its own events with events.factories."""

import datetime
import json

from django.utils import timezone

import icalendar
import pytest

from events.calendar import event_ics
from events.factories import (
    EventPageFactory,
    EventSectionFactory,
    EventSpeakerFactory,
)
from events.models import EventIndexPage, EventPage
from tests.utils import soup
from tregks.core.factories import expert_group_topic
from tregks.demo.pages import translate

pytestmark = pytest.mark.django_db
BUDGET = 12


def at(days, hour=10):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def titles(response):
    assert response.status_code == 200
    return [a.get_text() for a in soup(response).select(".card__title a")]


class English(dict):
    """Every German segment gets "EN " before it; the slug an "en-" prefix."""

    def __init__(self, slug):
        super().__init__()
        self.slug = slug

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return f"en-{key}" if key == self.slug else f"EN {key}"


def english_of(page):
    """The page's English translation (its index and section translated first)."""
    section = page.get_parent().specific
    index = section.get_parent().specific
    translate(index, English(index.slug))
    translate(section, English(section.slug))
    return translate(page, English(page.slug))


# Tree rules ------------------------------------------------------------------


def test_event_index_belongs_below_home_and_events_below_its_sections(home_de):
    from news.factories import news_section
    from partners.models import PartnerSectionPage

    section = EventSectionFactory()
    index = section.get_parent().specific
    assert EventIndexPage.can_exist_under(home_de)
    assert EventPage.can_exist_under(section)
    assert not EventPage.can_exist_under(index)
    assert not EventPage.can_exist_under(home_de)
    press_section = news_section()
    assert not EventPage.can_exist_under(press_section)
    assert EventPage not in type(press_section).creatable_subpage_models() or (
        not EventPage.can_create_at(press_section)
    )
    assert PartnerSectionPage.can_exist_under(index)
    assert not EventIndexPage.can_exist_under(section)


# Pages in both languages -----------------------------------------------------


def test_event_page_renders_every_field_in_german_and_english(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    topic = expert_group_topic("qualifizierung")
    event = EventPageFactory(
        title="Werkstatt Weiterbildung",
        accessibility=["step_free", "hearing_loop"],
        accessibility_notes="Eingang hinten.",
    )
    event.topics.set([topic])
    event.organisers.set([event.get_parent().specific.partner])
    EventSpeakerFactory(page=event, name="Fachreferentin", locale=event.locale)
    event.save_revision().publish()
    english = english_of(EventPage.objects.get(pk=event.pk))
    assert english.live

    german_html = soup(client.get(event.url))
    assert german_html.h1.get_text() == "Werkstatt Weiterbildung"
    assert "Stufenloser Zugang" in german_html.get_text()
    assert "Fachreferentin" in german_html.get_text()
    assert "Qualifizierung" in german_html.get_text()
    when = german_html.select_one(".event-when time")
    assert when["datetime"] == timezone.localtime(event.start).isoformat()
    assert (
        event.start.astimezone(timezone.get_default_timezone()).strftime("%H:%M")
        in when.get_text()
    )

    response = client.get(english.url)
    assert response.status_code == 200
    english_html = soup(response)
    assert english_html.h1.get_text() == "EN Werkstatt Weiterbildung"
    assert "EN Betriebsrat, Beispiel GmbH" in english_html.get_text()
    assert "Step-free access" in english_html.get_text()
    assert "Qualification" in english_html.get_text()


def test_cancelled_event_says_so_at_the_top_and_hides_a_private_link(client):
    event = EventPageFactory(
        status="cancelled",
        online_url="https://meet.example.org/geheim",
        online_link_for_registered_only=True,
    )
    html = soup(client.get(event.url))
    header = html.select_one("article.event header")
    first = header.find("p")
    assert "Abgesagt" in first.get_text()
    assert "meet.example.org/geheim" not in str(html)


def test_public_online_link_is_shown(client):
    event = EventPageFactory(online_url="https://meet.example.org/offen")
    assert (
        'href="https://meet.example.org/offen"'
        in client.get(event.url).content.decode()
    )


# Index: order, filters, pagination -------------------------------------------


def test_index_lists_upcoming_soonest_first_then_past_latest_first(client):
    section = EventSectionFactory()
    index = section.get_parent()
    EventPageFactory(parent=section, title="Bald", start=at(3), end=at(3, 12))
    EventPageFactory(parent=section, title="Später", start=at(30), end=at(30, 12))
    EventPageFactory(parent=section, title="Gestern", start=at(-1), end=at(-1, 12))
    EventPageFactory(
        parent=section, title="Lange her", start=at(-300), end=at(-300, 12)
    )
    response = client.get(index.url)
    assert titles(response) == ["Bald", "Später", "Gestern", "Lange her"]
    html = soup(response)
    assert [a.get_text() for a in html.select("#past-heading + ul .card__title a")] == [
        "Gestern",
        "Lange her",
    ]


def test_filters_by_format_topic_partner_and_year(client):
    section = EventSectionFactory()
    other = EventSectionFactory(parent=section.get_parent())
    index = section.get_parent()
    topic = expert_group_topic("dekarbonisierung")
    online = EventPageFactory(
        parent=section, title="Online-Runde", event_format="online"
    )
    online.topics.set([topic])
    online.save_revision().publish()
    EventPageFactory(parent=other, title="Werkstatt B", start=at(400), end=at(400, 12))
    assert titles(client.get(index.url + "?format=online")) == ["Online-Runde"]
    assert titles(client.get(index.url + "?topic=dekarbonisierung")) == ["Online-Runde"]
    code = other.partner.code
    assert titles(client.get(index.url + f"?partner={code}")) == ["Werkstatt B"]
    year = timezone.localtime(at(400)).year
    assert "Werkstatt B" in titles(client.get(index.url + f"?year={year}"))
    bad = client.get(index.url + "?format=zirkus")
    assert bad.status_code == 200
    assert titles(bad) == []
    assert soup(bad).select_one(".notice").get_text().strip()


def test_pagination_in_the_database(client):
    section = EventSectionFactory()
    index = section.get_parent()
    for day in range(14):
        EventPageFactory(
            parent=section,
            title=f"Termin {day:02d}",
            start=at(day + 1),
            end=at(day + 1, 12),
        )
    first = titles(client.get(index.url))
    second = titles(client.get(index.url + "?page=2"))
    assert first == [f"Termin {day:02d}" for day in range(12)]
    assert second == ["Termin 12", "Termin 13"]
    assert titles(client.get(index.url + "?page=99")) == second
    assert titles(client.get(index.url + "?page=abc")) == first


# Calendar ------------------------------------------------------------------


def parse_event(content):
    calendar = icalendar.Calendar.from_ical(content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_ics_carries_the_rfc_5545_fields(client):
    event = EventPageFactory(start=at(20, 9), end=at(20, 17))
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar, entry = parse_event(response.content)
    assert str(entry["UID"]) == f"{event.translation_key}@tregks-events"
    assert entry["DTSTAMP"].dt.tzinfo is not None
    assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert entry["DTSTART"].dt == event.start
    assert entry["DTEND"].dt == event.end
    assert "Teststraße 1" in str(entry["LOCATION"])
    assert str(entry["URL"]).endswith(event.url)
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert int(entry["SEQUENCE"]) == EventPage.objects.get(pk=event.pk).sequence
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_all_day_event_uses_dates_and_cancelled_status():
    event = EventPageFactory(
        all_day=True, start=at(5, 0), end=at(6, 0), status="cancelled"
    )
    _calendar, entry = parse_event(event_ics(event))
    assert entry["DTSTART"].dt == timezone.localtime(event.start).date()
    assert entry["DTEND"].dt == timezone.localtime(
        event.end
    ).date() + datetime.timedelta(days=1)
    assert str(entry["STATUS"]) == "CANCELLED"


def test_sequence_goes_up_with_every_published_change():
    event = EventPageFactory()
    event.save_revision().publish()
    before = int(
        parse_event(event_ics(EventPage.objects.get(pk=event.pk)))[1]["SEQUENCE"]
    )
    page = EventPage.objects.get(pk=event.pk)
    page.title = "Neuer Titel"
    revision = page.save_revision()
    assert (
        int(parse_event(event_ics(EventPage.objects.get(pk=event.pk)))[1]["SEQUENCE"])
        == before
    )
    revision.publish()
    after = int(
        parse_event(event_ics(EventPage.objects.get(pk=event.pk)))[1]["SEQUENCE"]
    )
    assert after == before + 1
    # An older revision published again does not lower it.
    page.get_latest_revision().publish()
    assert EventPage.objects.get(pk=event.pk).sequence == after + 1


def test_calendar_feed_lists_upcoming_and_recent_events(client):
    section = EventSectionFactory()
    index = section.get_parent()
    EventPageFactory(parent=section, title="Kommt", start=at(10), end=at(10, 12))
    EventPageFactory(
        parent=section, title="War neulich", start=at(-10), end=at(-10, 12)
    )
    EventPageFactory(parent=section, title="Uralt", start=at(-800), end=at(-800, 12))
    response = client.get(index.url + "calendar/")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Kommt", "War neulich"]
    assert index.url + "calendar/" in client.get(index.url).content.decode()


# Structured data -------------------------------------------------------------


def json_ld_event(response):
    for script in soup(response).select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes:
            if node.get("@type") == "Event":
                return node
    raise AssertionError("no Event in the page's JSON-LD")


def test_event_json_ld_names_the_required_properties(client):
    event = EventPageFactory(status="postponed")
    event.organisers.set([event.get_parent().specific.partner])
    event.save_revision().publish()
    node = json_ld_event(client.get(event.url))
    for name in (
        "name",
        "startDate",
        "endDate",
        "eventStatus",
        "eventAttendanceMode",
        "location",
        "organizer",
        "offers",
        "inLanguage",
    ):
        assert node.get(name), name
    assert node["eventStatus"] == "https://schema.org/EventPostponed"
    assert node["location"]["@type"] == "Place"
    assert node["location"]["address"]["postalCode"] == "34117"
    assert node["offers"]["price"] == "0" and node["offers"]["priceCurrency"] == "EUR"
    assert node["inLanguage"] == "de"
    assert datetime.datetime.fromisoformat(node["startDate"]) == event.start


def test_online_event_json_ld_is_a_virtual_location(client):
    event = EventPageFactory(
        venue_name="",
        street="",
        postcode="",
        city="",
        online_url="https://meet.example.org/x",
    )
    node = json_ld_event(client.get(event.url))
    assert node["location"]["@type"] == "VirtualLocation"
    assert node["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


# Query budget ---------------------------------------------------------------


def test_index_and_event_page_keep_to_the_query_budget(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    section = EventSectionFactory()
    topic = expert_group_topic("digitalisierung")
    events = [EventPageFactory(parent=section, start=at(day + 1)) for day in range(14)]
    for event in events:
        event.topics.set([topic])
        event.organisers.set([section.partner])
        EventSpeakerFactory(page=event, locale=event.locale)
        event.save_revision().publish()
    for url in (section.get_parent().url, events[0].url):
        client.get(url)  # warm: what a running server keeps
        with django_assert_max_num_queries(BUDGET):
            assert client.get(url).status_code == 200


# Home page, partner profile, search, sitemap --------------------------------------


def test_home_and_partner_profile_show_the_next_events(client):
    event = EventPageFactory(title="Nächster Termin", start=at(1), end=at(1, 12))
    partner = event.get_parent().specific.partner
    partner.save_revision().publish()
    assert "Nächster Termin" in client.get("/de/").content.decode()
    assert "Nächster Termin" in client.get(partner.url).content.decode()


def test_sitemap_lists_event_pages(client):
    event = EventPageFactory()
    content = client.get("/sitemap.xml").content.decode()
    if "<sitemapindex" in content:
        content = "".join(
            client.get(loc.replace("http://127.0.0.1:8000", "")).content.decode()
            for loc in [
                line.split("<loc>")[1].split("</loc>")[0]
                for line in content.split("\n")
                if "<loc>" in line
            ]
        )
    assert event.url in content


def test_search_finds_events_with_their_kind_in_each_language(client):
    from django.urls import reverse
    from django.utils import translation

    word = "Zukunftsschmiede"
    event = EventPageFactory(title=f"Treffen {word}", lead=f"Wir reden über {word}.")
    english = english_of(EventPage.objects.get(pk=event.pk))
    for language, page, kind in (
        ("de", event, "Veranstaltung"),
        ("en", english, "Event"),
    ):
        with translation.override(language):
            url = reverse("search")
        html = soup(client.get(url, {"q": word}))
        results = html.select("ol.search-results .search-result")
        assert [r.select_one("a")["href"] for r in results] == [page.url]
        assert (
            results[0].select_one(".search-result__kind").get_text(strip=True) == kind
        )


def test_meta_description_comes_from_the_lead(client):
    event = EventPageFactory(lead="Ein Tag voller Beispiele aus der Praxis.")
    meta = soup(client.get(event.url)).select_one('meta[name="description"]')
    assert meta["content"] == "Ein Tag voller Beispiele aus der Praxis."


def test_publishing_an_event_refreshes_the_cached_events_page(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    section = EventSectionFactory()
    index = section.get_parent()
    EventPageFactory(parent=section, title="Erster Termin", start=at(2))
    assert titles(client.get(index.url)) == ["Erster Termin"]
    EventPageFactory(parent=section, title="Zweiter Termin", start=at(3))
    assert titles(client.get(index.url)) == ["Erster Termin", "Zweiter Termin"]
