"""Personal data is deleted after the event: needs first, everything after N days."""

import datetime

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from registrations import booking
from registrations.models import Registration
from registrations.retention import purge

from .conftest import make_event

pytestmark = pytest.mark.django_db


def registered(event, email, needs="rollstuhlgerecht"):
    outcome = booking.register(
        event, {"name": "Rita Rückblick", "email": email, "needs": needs}, "de"
    )
    booking.confirm(outcome.token)
    return outcome.registration


@override_settings(REGISTRATION_RETENTION_DAYS=30, REGISTRATION_NEEDS_RETENTION_DAYS=0)
def test_needs_go_first_then_everything(event_network):
    event = make_event(english=False, ask_needs=True, capacity=None)
    registration = registered(event, "rita@example.org")
    upcoming = make_event(english=False, ask_needs=True)
    kept = registered(upcoming, "kept@example.org")
    # The event took place yesterday.
    event.start = timezone.now() - datetime.timedelta(days=1, hours=3)
    event.end = timezone.now() - datetime.timedelta(days=1)
    event.save_revision().publish()

    purge()
    registration.refresh_from_db()
    assert registration.needs == ""
    assert registration.email == "rita@example.org"  # the rest is kept for now
    kept.refresh_from_db()
    assert kept.needs == "rollstuhlgerecht"  # not over yet

    purge(now=timezone.now() + datetime.timedelta(days=28))
    assert Registration.objects.filter(pk=registration.pk).exists()
    purge(now=timezone.now() + datetime.timedelta(days=30))
    assert not Registration.objects.filter(pk=registration.pk).exists()
    assert Registration.objects.filter(pk=kept.pk).exists()


def test_unconfirmed_registrations_go_when_their_link_expires(event):
    outcome = booking.register(
        event, {"name": "Nie Bestätigt", "email": "nie@example.org"}, "de"
    )
    purge()
    assert Registration.objects.filter(pk=outcome.registration.pk).exists()
    purge(now=timezone.now() + datetime.timedelta(hours=49))
    assert not Registration.objects.filter(pk=outcome.registration.pk).exists()


def test_the_scheduler_runs_the_task(event_network):
    event = make_event(english=False, capacity=None)
    registration = registered(event, "sched@example.org", needs="")
    event.start = timezone.now() - datetime.timedelta(days=40)
    event.end = None
    event.save_revision().publish()
    call_command("run_scheduled_tasks", "--only", "registrations.purge")
    assert not Registration.objects.filter(pk=registration.pk).exists()
