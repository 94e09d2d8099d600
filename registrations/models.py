"""Registrations for events.

One capacity across both languages: every registration points to the event's page in
the default language (German), whichever language it was made in; `language` keeps
the reader's language for the e-mails. A translation therefore never has places of
its own, and the organiser's permission is checked on that one page (translators,
who may edit the English tree, see no registrations).

Places are counted, never stored: the confirmed registrations of the event. The
transactions that change what counts (confirm, cancel, move up from the waiting list)
first lock the event's `EventPlaces` row, so they run one after another per event and
two people can never take the last place at once (registrations.booking).
"""

import hashlib
import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Longest values a visitor may enter; longer input is refused with a message.
NAME_MAX = 120
ORGANISATION_MAX = 160
ROLE_MAX = 120
NEEDS_MAX = 1000


def new_token():
    """(token for the visitor's links, hash stored in the database)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


# States in which a person holds (or waits for) a place: one per e-mail and event.
ACTIVE_STATES = (
    RegistrationState.PENDING,
    RegistrationState.CONFIRMED,
    RegistrationState.WAITLISTED,
)


class EventPlaces(models.Model):
    """One row per event: locked by every transaction that changes who has a place."""

    event = models.OneToOneField(
        "events.EventPage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event places lock")

    def __str__(self):
        return f"places of event #{self.event_id}"


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event):
        return self.filter(event=event)

    def confirmed(self):
        return self.filter(state=RegistrationState.CONFIRMED)

    def waitlisted(self):
        return self.filter(state=RegistrationState.WAITLISTED)

    def active(self):
        return self.filter(state__in=ACTIVE_STATES)

    def waiting_order(self):
        """First come, first served: by the time the e-mail address was confirmed."""
        return self.waitlisted().order_by("confirmed_at", "pk")

    def for_admin(self):
        """The organiser's list: newest first, with the event."""
        return self.select_related("event").order_by("-created_at", "-pk")


class Registration(models.Model):
    """A person's registration for an event (personal data: deleted after the event)."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("The event's page in the default language (shared capacity)."),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(
        _("organisation"), max_length=ORGANISATION_MAX, blank=True
    )
    role = models.CharField(_("role"), max_length=ROLE_MAX, blank=True)
    needs = models.TextField(
        _("dietary or accessibility needs"), max_length=NEEDS_MAX, blank=True
    )
    language = models.CharField(_("language"), max_length=8)
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=RegistrationState.choices,
        default=RegistrationState.PENDING,
    )
    consent_version = models.CharField(_("consent text version"), max_length=32)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by_organiser = models.BooleanField(default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "state"])]
        constraints = [
            # One active registration per address and event; registering again
            # sends the links once more instead (booking.register).
            models.UniqueConstraint(
                "event",
                "email",
                condition=Q(state__in=ACTIVE_STATES),
                name="registrations_one_active_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_state_display()})"
