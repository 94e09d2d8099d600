"""Demo builder of the events: the index, a section per partner, past and upcoming events.

The texts are in data/events.yaml. Past events follow the network's milestones; the
upcoming ones (2027) include a fully booked workshop with a waiting list, an online
consultation and a cancelled meeting, so registrations.py has an event to fill.
"""

import datetime

from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventSpeaker
from news.models import PressReleasePage
from partners.models import PartnerProfilePage
from tregks.core.topics import ensure_topics

from .data import load, pair, pairs
from .pages import (
    Phrasebook,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from .partners import partner_sections_below


def build(context, options=None, stdout=None):
    """The events index "Veranstaltungen"/"Events", partner sections and the events."""
    data = load("events")
    t = Phrasebook()
    spec = data["index"]
    index = get_or_create_child(
        context["home_de"],
        EventIndexPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        intro=rich_text(t, pairs(spec["intro"])),
        show_in_menus=True,
    )
    pair(t, spec["slug"])
    translate(index, t)
    context["events_index"] = index
    sections = partner_sections_below(index)
    topics = context.get("topics") or ensure_topics()
    german = get_locale("de")
    partners = {p.code: p for p in PartnerProfilePage.objects.filter(locale=german)}
    for event in data["events"]:
        _event(sections, partners, topics, event)


def moment(value):
    """A YAML date ("2023-06-28") or "YYYY-MM-DD HH:MM" as an aware Berlin datetime."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        naive = value
    elif isinstance(value, datetime.date):
        naive = datetime.datetime.combine(value, datetime.time(0))
    else:
        naive = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    return timezone.make_aware(naive)


def _related(slugs):
    """The German press releases with these slugs, as related-page blocks."""
    pages = PressReleasePage.objects.filter(
        locale=get_locale("de"), slug__in=slugs or []
    )
    return [("page", page) for page in pages]


def _programme(t, rows):
    return [
        (
            "item",
            {
                "start_time": datetime.time.fromisoformat(row["start"]),
                "end_time": datetime.time.fromisoformat(row["end"]),
                "title": pair(t, row["title"]),
                "description": "",
                "speakers": "",
            },
        )
        for row in rows or []
    ]


def _event(sections, partners, topics, spec):
    t = Phrasebook()
    registration = spec.get("registration") or {}
    venue = spec.get("venue")
    notes = spec.get("accessibility_notes")
    page = get_or_create_child(
        sections[spec["owner"]],
        EventPage,
        spec["slug"]["de"],
        title=pair(t, spec["title"]),
        event_format=spec["format"],
        status=spec.get("status", "planned"),
        lead=pair(t, spec["lead"]),
        start=moment(spec["start"]),
        end=moment(spec.get("end")),
        all_day=spec.get("all_day", False),
        venue_name=pair(t, venue) if venue else "",
        street=spec.get("street", ""),
        postcode=spec.get("postcode", ""),
        city=spec.get("city", ""),
        online_url=spec.get("online_url", ""),
        online_link_for_registered_only=spec.get(
            "online_link_for_registered_only", False
        ),
        accessibility=spec.get("accessibility", []),
        accessibility_notes=pair(t, notes) if notes else "",
        review=pair(t, spec["review"]) if spec.get("review") else "",
        organisers=[partners[code] for code in spec.get("organisers", [])],
        topics=[topics[slug] for slug in spec.get("topics", [])],
        network_wide=spec.get("network_wide", False),
        programme=_programme(t, spec.get("programme")),
        related_pages=_related(spec.get("related")),
        speakers=[
            EventSpeaker(name=speaker["name"], role=pair(t, speaker["role"]))
            for speaker in spec.get("speakers", [])
        ],
        registration_open=registration.get("open", False),
        capacity=registration.get("capacity"),
        registration_deadline=moment(registration.get("deadline")),
        ask_organisation=registration.get("ask_organisation", False),
        ask_role=registration.get("ask_role", False),
        ask_needs=registration.get("ask_needs", False),
        waitlist_enabled=registration.get("waitlist", False),
    )
    pair(t, spec["slug"])
    for speaker in spec.get("speakers", []):
        t(speaker["name"], speaker["name"])  # names read the same in both languages
    translate(page, t)
    return page
