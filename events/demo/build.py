"""Demo events from events.yaml: the index, the partners' sections and the events.

German first, English through wagtail-localize (tregks.core.demo.translate), as the
other demo content. Idempotent: pages found by slug are kept as they are.
"""

import datetime
from pathlib import Path

from django.utils import timezone

import yaml

from news.models import PressReleasePage
from partners.demo import ensure_sections
from partners.models import PartnerProfilePage
from tregks.core.demo import (
    Phrasebook,
    get_locale,
    get_or_create_child,
    rich_text,
    translate,
)
from tregks.core.topics import ensure_topics

from ..models import EventIndexPage, EventPage, EventSpeaker

DATA = Path(__file__).with_name("events.yaml")


def load_data():
    with DATA.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


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


def build(context, options=None, stdout=None):
    data = load_data()
    t = Phrasebook()
    spec = data["index"]
    index = get_or_create_child(
        context["home_de"],
        EventIndexPage,
        spec["slug"][0],
        title=t(*spec["title"]),
        intro=rich_text(t, tuple(spec["intro"])),
        show_in_menus=True,
    )
    t(*spec["slug"])
    translate(index, t)
    context["events_index"] = index
    sections = ensure_sections(index)
    topics = context.get("topics") or ensure_topics()
    partners = _partners()
    for event in data["events"]:
        _event(sections, partners, topics, event)


def _partners():
    return {
        p.code: p for p in PartnerProfilePage.objects.filter(locale=get_locale("de"))
    }


def _related(slugs):
    german = get_locale("de")
    pages = PressReleasePage.objects.filter(locale=german, slug__in=slugs or [])
    return [("page", page) for page in pages]


def _programme(t, rows):
    return [
        (
            "item",
            {
                "start_time": datetime.time.fromisoformat(start),
                "end_time": datetime.time.fromisoformat(end),
                "title": t(title_de, title_en),
                "description": "",
                "speakers": "",
            },
        )
        for start, end, title_de, title_en in rows or []
    ]


def _event(sections, partners, topics, spec):
    t = Phrasebook()
    registration = spec.get("registration") or {}
    venue = spec.get("venue")
    notes = spec.get("accessibility_notes")
    start = moment(spec["start"])
    page = get_or_create_child(
        sections[spec["owner"]],
        EventPage,
        spec["slug"][0],
        title=t(*spec["title"]),
        event_format=spec["format"],
        status=spec.get("status", "planned"),
        lead=t(*spec["lead"]),
        start=start,
        end=moment(spec.get("end")),
        all_day=spec.get("all_day", False),
        venue_name=t(*venue) if venue else "",
        street=spec.get("street", ""),
        postcode=spec.get("postcode", ""),
        city=spec.get("city", ""),
        online_url=spec.get("online_url", ""),
        online_link_for_registered_only=spec.get(
            "online_link_for_registered_only", False
        ),
        accessibility=spec.get("accessibility", []),
        accessibility_notes=t(*notes) if notes else "",
        review=t(*spec["review"]) if spec.get("review") else "",
        organisers=[partners[code] for code in spec.get("organisers", [])],
        topics=[topics[slug] for slug in spec.get("topics", [])],
        network_wide=spec.get("network_wide", False),
        programme=_programme(t, spec.get("programme")),
        related_pages=_related(spec.get("related")),
        speakers=[
            EventSpeaker(name=speaker["name"], role=t(*speaker["role"]))
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
    t(*spec["slug"])
    for speaker in spec.get("speakers", []):
        t(speaker["name"], speaker["name"])
    translate(page, t)
    return page
