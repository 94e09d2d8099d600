"""Demo builder of the registrations: one upcoming event with people in every state.

The people are in data/registrations.yaml (made-up names, addresses on tregks.invalid);
it runs after the events (events.py) and is skipped while no upcoming event takes
registrations.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Locale

from events.models import EventPage
from registrations.consent import CONSENT_VERSION
from registrations.models import Registration, RegistrationState, new_token

from .data import load


def pick_event(slug):
    """The German event with this slug, else the best upcoming one with registration."""
    events = EventPage.objects.live().filter(locale=Locale.get_default())
    if slug:
        return events.filter(slug=slug).first()
    upcoming = events.filter(registration_open=True, start__gt=timezone.now()).exclude(
        status__in=["cancelled", "postponed"]
    )
    # Prefer an event with a waiting list and room for the confirmed demo people.
    return (
        upcoming.annotate(
            demo=Count(
                "registrations", filter=Q(registrations__email__endswith=".invalid")
            )
        )
        .order_by("-demo", "-waitlist_enabled", "start", "pk")
        .first()
    )


def build(context, options=None, stdout=None):
    data = load("registrations")
    event = pick_event(data.get("event"))
    if event is None:
        if stdout is not None:
            stdout.write("No upcoming event with registration: no demo registrations.")
        return
    now = timezone.now()
    for offset, entry in enumerate(data["registrations"]):
        if Registration.objects.filter(event=event, email=entry["email"]).exists():
            continue
        state = entry["state"]
        created = now - datetime.timedelta(hours=20 - offset)
        _token, token_hash = new_token()  # demo people get no working links
        registration = Registration.objects.create(
            event=event,
            name=entry["name"],
            email=entry["email"],
            organisation=entry.get("organisation", ""),
            role=entry.get("role", ""),
            needs=entry.get("needs", "") if event.ask_needs else "",
            language=entry["language"],
            state=state,
            consent_version=CONSENT_VERSION,
            token_hash=token_hash,
            confirmed_at=None if state == RegistrationState.PENDING else created,
            cancelled_at=created if state == RegistrationState.CANCELLED else None,
        )
        # auto_now_add sets the creation time; the demo spreads them over a day.
        Registration.objects.filter(pk=registration.pk).update(created_at=created)
