"""schema.org `Event` of an event page (tregks.core.structured_data builds the graph)."""

from django.utils import timezone

from tregks.core import structured_data as jsonld

from .choices import EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.PLANNED: "EventScheduled",
    EventStatus.FULLY_BOOKED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}


def _date_or_datetime(event, value):
    """All-day events carry dates, timed ones date and time with the Berlin offset."""
    local = timezone.localtime(value)
    return local.date().isoformat() if event.all_day else local.isoformat()


def _place(event):
    address = {
        "@type": "PostalAddress",
        "streetAddress": event.street,
        "postalCode": event.postcode,
        "addressLocality": event.city,
        "addressCountry": "DE",
    }
    return {
        "@type": "Place",
        "name": event.venue_name or event.city,
        "address": {key: value for key, value in address.items() if value},
    }


def _virtual_location(event, request):
    # A link kept for registered people is not published here either.
    url = event.online_url if event.show_online_link else event.get_url(request)
    return {"@type": "VirtualLocation", "url": jsonld.absolute(request, url)}


def event_node(event, request):
    """name, dates, status, attendance mode, location, organizer, offers, language."""
    page_url = jsonld.absolute(request, event.get_url(request))
    places = []
    if event.has_venue:
        places.append(_place(event))
    if event.online_url:
        places.append(_virtual_location(event, request))
    if event.has_venue and event.online_url:
        mode = "MixedEventAttendanceMode"
    elif event.online_url:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    node = {
        "@type": "Event",
        "name": jsonld.shortened(event.title, 200),
        "description": jsonld.shortened(event.lead, 300),
        "url": page_url,
        "mainEntityOfPage": page_url,
        "inLanguage": jsonld.page_language(event),
        "startDate": _date_or_datetime(event, event.start),
        "endDate": _date_or_datetime(event, event.ends_at),
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + mode,
        "organizer": [
            {
                "@type": "Organization",
                "name": partner.title,
                "url": jsonld.absolute(request, partner.get_url(request)),
            }
            for partner in event.organisers_for_reader
        ]
        or [jsonld.network_reference(request, event.locale_id)],
        # The network's events are free of charge.
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": page_url,
            "availability": SCHEMA
            + ("SoldOut" if event.status == EventStatus.FULLY_BOOKED else "InStock"),
        },
        "isAccessibleForFree": True,
    }
    if places:
        node["location"] = places[0] if len(places) == 1 else places
    return node
