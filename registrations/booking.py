"""What happens to a registration: register, confirm, cancel, move up from the list.

Every change of who holds a place runs in one transaction that first locks the event's
`EventPlaces` row (SELECT ... FOR UPDATE on PostgreSQL; SQLite takes its write lock at
the start of the transaction, settings `transaction_mode="IMMEDIATE"`). Inside the lock
the confirmed registrations are counted afresh, so the last place goes to exactly one
person however many confirm at once (tests/registrations/test_concurrency.py).

E-mails go out after the transaction, never from inside it: a lock is not held while
a mail server answers, and a rolled-back change sends nothing.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from events.calendar import event_ics
from tregks.core.mail import send_templated_mail

from .consent import CONSENT_VERSION
from .models import (
    EventPlaces,
    Registration,
    RegistrationState,
    hash_token,
    new_token,
)

logger = logging.getLogger(__name__)

# How long the link in the confirmation e-mail is valid.
CONFIRMATION_VALID_HOURS = 48
CONFIRMATION_VALID = datetime.timedelta(hours=CONFIRMATION_VALID_HOURS)

# Event status values (events.EventPage.status) that close registration.
CLOSED_STATUSES = {"cancelled", "postponed"}
FULL_STATUS = "fully_booked"


class RegistrationRefused(Exception):
    """A request the registration cannot take; `message` is for the visitor."""

    def __init__(self, message, status=400):
        super().__init__(str(message))
        self.message = message
        self.status = status


@dataclass
class Outcome:
    registration: Registration
    token: str | None = None
    promoted: list = field(default_factory=list)


# --- the event -------------------------------------------------------------------


def source_event(page):
    """The event page in the default language: the one registrations belong to.

    One query by translation key (rather than the page's and the default locale's
    lookups), so that the event page stays within its query budget.
    """
    page = page.specific
    source = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .first()
    )
    return source if source is not None else page


def event_in_language(event, language):
    """The live translation of `event` in `language`, else the event itself."""
    if event.locale.language_code == language:
        return event
    locale = Locale.objects.filter(language_code=language).first()
    translated = event.get_translation_or_none(locale) if locale else None
    if translated is not None and translated.live:
        return translated.specific
    return event


def closed_reason(event, now=None):
    """Why `event` takes no registrations now, or None if it does."""
    now = now or timezone.now()
    if event.start is not None and event.start <= now:
        return _("This event has already taken place.")
    if getattr(event, "status", "") == "cancelled":
        return _("This event has been cancelled.")
    if getattr(event, "status", "") == "postponed":
        return _(
            "This event has been postponed. Registration opens again once it has a "
            "new date."
        )
    if not event.registration_open or not event.live:
        return _("Registration for this event is closed.")
    deadline = getattr(event, "registration_deadline", None)
    if deadline is not None and deadline < now:
        return _("The registration deadline for this event has passed.")
    return None


def confirmed_count(event):
    """Confirmed registrations of `event` in any of its languages (they all belong to
    the page in the default language; counting by translation key needs no lookup of it)."""
    return (
        Registration.objects.filter(event__translation_key=event.translation_key)
        .confirmed()
        .count()
    )


def places_left(event):
    """Free places, or None when the event has no limit."""
    if getattr(event, "status", "") == FULL_STATUS:
        return 0
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event))


def is_full(event):
    return places_left(event) == 0


def _lock(event):
    """Lock the event's places row for the rest of the transaction."""
    EventPlaces.objects.get_or_create(event_id=event.pk)
    return EventPlaces.objects.select_for_update().get(event_id=event.pk)


# --- registering -------------------------------------------------------------------


def register(page, data, language, now=None):
    """A new registration, held until its address is confirmed; mails the link.

    Registering again with the same address sends new links for the registration
    that exists (the old ones stop working): nobody learns from the answer whether an
    address was registered already.
    """
    now = now or timezone.now()
    event = source_event(page)
    reason = closed_reason(event, now)
    if reason:
        raise RegistrationRefused(reason, status=409)
    if is_full(event) and not event.waitlist_enabled:
        raise RegistrationRefused(
            _("This event is fully booked, and it has no waiting list."), status=409
        )
    email = data["email"].strip().lower()
    token, token_hash = new_token()
    with transaction.atomic():
        existing = (
            Registration.objects.for_event(event)
            .active()
            .select_for_update()
            .filter(email=email)
            .first()
        )
        if existing is not None:
            existing.token_hash = token_hash
            existing.save(update_fields=["token_hash"])
            registration = existing
        else:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event,
                        name=data["name"].strip(),
                        email=email,
                        organisation=data.get("organisation", "").strip(),
                        role=data.get("role", "").strip(),
                        needs=data.get("needs", "").strip(),
                        language=language,
                        consent_version=CONSENT_VERSION,
                        token_hash=token_hash,
                    )
            except IntegrityError:
                # The same address registered in a parallel request a moment ago.
                raise RegistrationRefused(
                    _(
                        "This address has just been registered. Please check your inbox."
                    ),
                    status=409,
                ) from None
    send_confirmation_request(registration, token)
    return Outcome(registration, token)


def find(token):
    """The registration a link's token belongs to (404 message if none)."""
    registration = (
        Registration.objects.select_related("event")
        .filter(token_hash=hash_token(token or ""))
        .first()
    )
    if registration is None:
        raise RegistrationRefused(
            _(
                "This link is not valid. Please use the complete link from your e-mail, "
                "or register again."
            ),
            status=404,
        )
    return registration


def confirmation_expired(registration, now=None):
    now = now or timezone.now()
    return (
        registration.state == RegistrationState.PENDING
        and registration.created_at + CONFIRMATION_VALID < now
    )


def confirm(token, now=None):
    """Confirm the address: a place if one is free, else the waiting list."""
    now = now or timezone.now()
    registration = find(token)
    event = registration.event.specific
    with transaction.atomic():
        _lock(event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.state in (
            RegistrationState.CONFIRMED,
            RegistrationState.WAITLISTED,
        ):
            raise RegistrationRefused(
                _("You have already confirmed this registration."), status=409
            )
        if registration.state == RegistrationState.CANCELLED:
            raise RegistrationRefused(
                _("This registration has been cancelled."), status=410
            )
        if confirmation_expired(registration, now):
            raise RegistrationRefused(
                _(
                    "This confirmation link has expired (it is valid for 48 hours). "
                    "Please register again."
                ),
                status=410,
            )
        if event.start is not None and event.start <= now:
            raise RegistrationRefused(_("This event has already taken place."), 410)
        if getattr(event, "status", "") in CLOSED_STATUSES:
            raise RegistrationRefused(closed_reason(event, now), status=409)
        left = places_left(event)
        if left is None or left > 0:
            registration.state = RegistrationState.CONFIRMED
        elif event.waitlist_enabled:
            registration.state = RegistrationState.WAITLISTED
        else:
            # Full since the person registered: nothing of theirs is kept (the
            # deletion commits; the refusal is raised after the transaction).
            registration.delete()
            registration = None
        if registration is not None:
            registration.confirmed_at = now
            registration.save(update_fields=["state", "confirmed_at"])
    if registration is None:
        raise RegistrationRefused(
            _(
                "Sorry, the last places were taken before you confirmed. The event "
                "is fully booked and has no waiting list."
            ),
            status=409,
        )
    return Outcome(registration)


def cancel(registration, by_organiser=False, now=None):
    """Cancel a registration; a freed place goes to the first on the waiting list."""
    now = now or timezone.now()
    event = registration.event.specific
    with transaction.atomic():
        _lock(event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.state == RegistrationState.CANCELLED:
            raise RegistrationRefused(
                _("This registration has already been cancelled."), status=409
            )
        if not by_organiser and event.start is not None and event.start <= now:
            raise RegistrationRefused(_("This event has already taken place."), 410)
        registration.state = RegistrationState.CANCELLED
        registration.cancelled_at = now
        registration.cancelled_by_organiser = by_organiser
        registration.save(
            update_fields=["state", "cancelled_at", "cancelled_by_organiser"]
        )
        promoted = fill_free_places(event, now)
    for moved, token in promoted:
        send_moved_up(moved, token)
    if by_organiser:
        send_cancelled_by_organiser(registration)
    return Outcome(registration, promoted=promoted)


def fill_free_places(event, now=None):
    """Move people up from the waiting list while places are free (inside the lock).

    Each one gets new links (their token is stored only as a hash): returns
    [(registration, token)] for the e-mails.
    """
    left = places_left(event)
    if left == 0:
        return []
    queue = Registration.objects.for_event(event).waiting_order()
    promoted = []
    for waiting in queue[:left] if left is not None else queue:
        token, waiting.token_hash = new_token()
        waiting.state = RegistrationState.CONFIRMED
        waiting.save(update_fields=["state", "token_hash"])
        promoted.append((waiting, token))
    return promoted


def fill_after_change(page):
    """The organiser raised the capacity: move people up, and tell them."""
    event = source_event(page)
    with transaction.atomic():
        _lock(event)
        promoted = fill_free_places(event)
    for moved, token in promoted:
        send_moved_up(moved, token)
    return promoted


# --- e-mails -----------------------------------------------------------------------


def link(name, token, language):
    with translation.override(language):
        path = reverse(name, kwargs={"token": token})
    return settings.BASE_URL + path


def _ics(event):
    try:
        return [("event.ics", event_ics(event), "text/calendar")]
    except Exception:  # the invitation still goes out without the calendar file
        logger.exception("Could not build the calendar file of event %s.", event.pk)
        return []


def _context(registration, event):
    return {
        "registration": registration,
        "event": event,
        "event_url": event.full_url,
        "online_url": (
            getattr(event, "online_url", "")
            if registration.state == RegistrationState.CONFIRMED
            else ""
        ),
        "valid_hours": CONFIRMATION_VALID_HOURS,
    }


def send_confirmation_request(registration, token):
    event = event_in_language(registration.event.specific, registration.language)
    context = {
        **_context(registration, event),
        "confirm_url": link("registrations:confirm", token, registration.language),
        "cancel_url": link("registrations:cancel", token, registration.language),
    }
    return send_templated_mail(
        "registrations/mail/confirm",
        context=context,
        to=[registration.email],
        language=registration.language,
        attachments=_ics(event),
    )


def send_moved_up(registration, token):
    event = event_in_language(registration.event.specific, registration.language)
    context = {
        **_context(registration, event),
        "cancel_url": link("registrations:cancel", token, registration.language),
    }
    return send_templated_mail(
        "registrations/mail/moved_up",
        context=context,
        to=[registration.email],
        language=registration.language,
        attachments=_ics(event),
    )


def send_cancelled_by_organiser(registration):
    event = event_in_language(registration.event.specific, registration.language)
    return send_templated_mail(
        "registrations/mail/cancelled",
        context=_context(registration, event),
        to=[registration.email],
        language=registration.language,
    )
