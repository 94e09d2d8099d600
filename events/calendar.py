"""iCalendar (RFC 5545) files: one per event, and a subscribable feed per language.

`event_ics(event_page) -> bytes` is the one entry point other apps use (the
registrations app attaches it to its e-mails). Times are written with TZID
Europe/Berlin and a matching VTIMEZONE; all-day events as DATE values.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import icalendar

from tregks.core.i18n import language_code

from .choices import EventStatus

PRODID = "-//Transformationsnetzwerk Region Kassel//tregks events//DE"
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# The feed: every upcoming event and those of the last months, at most this many.
FEED_PAST_DAYS = 180
FEED_LIMIT = 500
ICAL_STATUS = {
    EventStatus.PLANNED: "CONFIRMED",
    EventStatus.FULLY_BOOKED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def event_uid(event):
    """Stable and the same in every language: one event, one calendar entry."""
    return f"{event.translation_key}@tregks-events"


def _location(event):
    address = " ".join(part for part in (event.postcode, event.city) if part)
    parts = [event.venue_name, event.street, address]
    if event.online_url:
        parts.append(
            event.online_url
            if event.show_online_link
            else _("Online (link for registered participants)")
        )
    return ", ".join(part for part in parts if part)


def _description(event, url):
    lines = []
    if event.is_cancelled:
        lines.append(_("This event is cancelled."))
    elif event.status == EventStatus.POSTPONED:
        lines.append(_("This event is postponed."))
    lines += [event.lead, url]
    return "\n\n".join(line for line in lines if line)


def build_event(event, url):
    """The VEVENT of one event page; `url` is the page's absolute address."""
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    stamp = event.last_published_at or event.latest_revision_created_at
    entry.add("dtstamp", (stamp or timezone.now()).astimezone(datetime.UTC))
    if stamp:
        entry.add("last-modified", stamp.astimezone(datetime.UTC))
    entry.add("sequence", event.sequence)
    entry.add("summary", event.title)
    if event.all_day:
        entry.add("dtstart", event.start_date)
        # DTEND of a DATE event is exclusive: the day after the last day.
        entry.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", timezone.localtime(event.start))
        if event.end:
            entry.add("dtend", timezone.localtime(event.end))
    location = _location(event)
    if location:
        entry.add("location", location)
    entry.add("url", url)
    entry.add("description", _description(event, url))
    entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    entry.add("categories", [event.get_event_format_display()])
    return entry


def _calendar(name=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    return calendar


def _finish(calendar, events):
    """The VTIMEZONE for the years the events span, then the bytes."""
    if events:
        first = min(event.start_date for event in events)
        last = max(event.end_date for event in events)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year - 1, 1, 1),
            last_date=datetime.date(last.year + 2, 1, 1),
        )
    return calendar.to_ical()


def event_ics(event_page, url=None):
    """The .ics of one event in its page's language, as bytes."""
    with translation.override(language_code(event_page.locale_id)):
        calendar = _calendar()
        calendar.add_component(
            build_event(event_page, url or event_page.get_full_url())
        )
        return _finish(calendar, [event_page])


def feed_events(index_page, now=None):
    """Upcoming events and those of the last FEED_PAST_DAYS, in start order."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    return list(
        index_page.events()
        .filter(start__gte=since)
        .order_by("start", "pk")[:FEED_LIMIT]
    )


def calendar_feed(index_page, request=None):
    """The subscribable calendar of one language's events page, as bytes."""
    events = feed_events(index_page)
    with translation.override(language_code(index_page.locale_id)):
        calendar = _calendar(f"{index_page.title} – tregks")
        for event in events:
            calendar.add_component(build_event(event, event.get_full_url(request)))
        return _finish(calendar, events)


def _response(content, filename, attachment):
    response = HttpResponse(content, content_type=ICS_CONTENT_TYPE)
    kind = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    return response


def event_ics_response(event_page, request):
    content = event_ics(event_page, url=event_page.get_full_url(request))
    return _response(content, f"{event_page.slug}.ics", attachment=True)


def calendar_feed_response(index_page, request):
    return _response(
        calendar_feed(index_page, request), f"{index_page.slug}.ics", attachment=False
    )
