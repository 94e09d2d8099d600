"""Never an overbooking: many people confirm for the last places at the same moment.

Runs on PostgreSQL (row locks; SQLite serialises every writing transaction anyway).
The event and the registrations are committed, so that each thread's own database
connection sees them; the test removes them afterwards.
"""

import threading

from django.db import connection, connections

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationState

from .conftest import make_event

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PEOPLE = 16
CAPACITY = 3


@pytest.fixture
def committed(django_db_setup, django_db_blocker, event_network):
    """Yields a function that makes a committed event; deletes what it made."""
    made = []

    def build(**fields):
        event = make_event(english=False, capacity=CAPACITY, **fields)
        made.append(event)
        tokens = []
        for number in range(PEOPLE):
            outcome = booking.register(
                event,
                {"name": f"Person {number}", "email": f"p{number}@example.org"},
                "de",
            )
            tokens.append(outcome.token)
        return event, tokens

    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("Needs PostgreSQL (run with TEST_DATABASE_URL).")
        yield build
        for event in made:
            Registration.objects.filter(event=event).delete()
            event.delete()


def confirm_all_at_once(tokens):
    """Each token confirmed from its own thread and connection, all released together."""
    start = threading.Barrier(len(tokens))
    results, errors = [], []

    def run(token):
        try:
            start.wait()
            outcome = booking.confirm(token)
            results.append(outcome.registration.state)
        except booking.RegistrationRefused as refused:
            results.append(refused.status)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def test_the_last_places_go_to_exactly_as_many_people(committed):
    event, tokens = committed()
    results, errors = confirm_all_at_once(tokens)
    assert errors == []
    assert len(results) == PEOPLE
    assert results.count(RegistrationState.CONFIRMED) == CAPACITY
    assert results.count(409) == PEOPLE - CAPACITY  # told "fully booked"
    assert Registration.objects.filter(event=event).confirmed().count() == CAPACITY
    # Nothing is kept of those who did not get a place (no waiting list).
    assert Registration.objects.filter(event=event).count() == CAPACITY


def test_with_a_waiting_list_the_rest_waits_in_order(committed):
    event, tokens = committed(waitlist_enabled=True)
    results, errors = confirm_all_at_once(tokens)
    assert errors == []
    assert results.count(RegistrationState.CONFIRMED) == CAPACITY
    assert results.count(RegistrationState.WAITLISTED) == PEOPLE - CAPACITY
    registrations = Registration.objects.filter(event=event)
    assert registrations.confirmed().count() == CAPACITY
    # Cancelling from several threads at once moves exactly as many up.
    confirmed = list(registrations.confirmed())
    barrier = threading.Barrier(len(confirmed))

    def cancel(registration):
        try:
            barrier.wait()
            booking.cancel(registration)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert registrations.confirmed().count() == CAPACITY
    assert registrations.waitlisted().count() == PEOPLE - 2 * CAPACITY


@pytest.mark.django_db
def test_confirming_locks_the_events_row_first(event_network):
    """What the threads above rely on: the confirmation takes the row lock before it
    counts. (Marked django_db: it also makes pytest-django set the database up when
    this module runs alone; the threaded tests commit their own data.)"""
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL (run with TEST_DATABASE_URL).")
    event = make_event(english=False, capacity=CAPACITY)
    token = booking.register(
        event, {"name": "Eine", "email": "e@example.org"}, "de"
    ).token
    with CaptureQueriesContext(connection) as queries:
        booking.confirm(token)
    statements = [query["sql"] for query in queries.captured_queries]
    locks = [
        number
        for number, sql in enumerate(statements)
        if "FOR UPDATE" in sql and "registrations_eventplaces" in sql
    ]
    counts = [
        number
        for number, sql in enumerate(statements)
        if "COUNT(" in sql.upper() and "registrations_registration" in sql
    ]
    assert locks and counts and locks[0] < counts[0]
