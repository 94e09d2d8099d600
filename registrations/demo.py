"""Demo registrations (registrations/demo/registrations.yaml) for one upcoming event."""

import datetime
from pathlib import Path

from django.db.models import Count, Q
from django.utils import timezone

from wagtail.models import Locale

import yaml

from .consent import CONSENT_VERSION
from .models import Registration, RegistrationState, new_token

DATA = Path(__file__).parent / "demo" / "registrations.yaml"


def pick_event(slug):
    from events.models import EventPage

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
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
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
