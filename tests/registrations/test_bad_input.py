"""Bad input: a clear message in the reader's language, a 4xx, nothing half stored."""

import datetime

from django.core import mail
from django.utils import timezone

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationState

from .conftest import last_mail_to, links, make_event, submit

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("values", "german", "english"),
    [
        ({"name": "N" * 121}, "höchstens 120 Zeichen", "at most 120 characters"),
        (
            {"email": "keine-adresse"},
            "gültige E-Mail-Adresse ein",
            "valid e-mail address",
        ),
        (
            {"name": ""},
            "Bitte geben Sie Ihren Namen an",
            "Please enter your name",
        ),
        ({"consent": None}, "Bitte stimmen Sie", "Please agree"),
        ({"needs": "x" * 1001}, "höchstens 1000 Zeichen", "at most 1000 characters"),
    ],
)
def test_invalid_fields(client, event_network, values, german, english):
    event = make_event(ask_needs=True)
    from wagtail.models import Locale

    english_page = event.get_translation(Locale.objects.get(language_code="en"))
    for page, language, expected in (
        (event, "de", german),
        (english_page, "en", english),
    ):
        response = submit(client, page, language=language, **values)
        assert response.status_code == 400
        assert expected in text(response)
        assert 'aria-invalid="true"' in text(response)
    assert not Registration.objects.filter(event=event).exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("fields", "german"),
    [
        (
            {"registration_open": False},
            "Die Anmeldung für diese Veranstaltung ist geschlossen",
        ),
        (
            {"start": timezone.now() - datetime.timedelta(days=1)},
            "bereits stattgefunden",
        ),
        (
            {"registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
            "Anmeldeschluss",
        ),
        ({"status": "cancelled"}, "abgesagt"),
        ({"status": "postponed"}, "verschoben"),
        ({"capacity": 1, "taken": 1}, "ausgebucht"),
        ({"status": "fully_booked"}, "ausgebucht"),
    ],
)
def test_closed_past_or_full_event(client, event_network, fields, german):
    fields = dict(fields)
    taken = fields.pop("taken", 0)
    event = make_event(**fields)
    for number in range(taken):
        booking.confirm(
            booking.register(
                event, {"name": "Vorher", "email": f"v{number}@example.org"}, "de"
            ).token
        )
    mail.outbox.clear()
    response = submit(client, event)
    assert response.status_code == 409
    assert german in text(response)
    assert Registration.objects.filter(event=event).count() == taken
    assert not mail.outbox


def test_full_event_with_waiting_list_takes_registrations(client, event_network):
    event = make_event(capacity=1, waitlist_enabled=True)
    booking.confirm(
        booking.register(
            event, {"name": "Vorher", "email": "v@example.org"}, "de"
        ).token
    )
    assert submit(client, event).status_code == 302
    response = client.post(links(last_mail_to("erika@example.org"))[0])
    assert "Warteliste" in text(response)


def test_reused_confirmation_link(client, event):
    submit(client, event)
    confirm_path, _cancel = links(last_mail_to("erika@example.org"))
    assert client.post(confirm_path).status_code == 200
    again = client.get(confirm_path)
    assert again.status_code == 409
    assert "bereits bestätigt" in text(again)
    assert client.post(confirm_path).status_code == 409


def test_expired_confirmation_link(client, event):
    submit(client, event)
    confirm_path, _cancel = links(last_mail_to("erika@example.org"))
    Registration.objects.filter(email="erika@example.org").update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    response = client.get(confirm_path)
    assert response.status_code == 410
    assert "abgelaufen" in text(response)
    assert client.post(confirm_path).status_code == 410
    assert booking.confirmed_count(event) == 0


@pytest.mark.parametrize("token", ["abc", "x" * 43, "%00%27--", "a" * 500])
def test_tampered_token(client, event, token):
    submit(client, event)
    for path in (
        f"/de/anmeldung/bestaetigen/{token}/",
        f"/en/registration/cancel/{token}/",
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert ("nicht gültig" in text(response)) or ("not valid" in text(response))
        assert client.post(path).status_code == 404
    assert (
        Registration.objects.get(email="erika@example.org").state
        == RegistrationState.PENDING
    )


def test_changed_token_of_a_real_link(client, event):
    submit(client, event)
    confirm_path, _cancel = links(last_mail_to("erika@example.org"))
    changed = (
        confirm_path[:-3]
        + ("A" if confirm_path[-3] != "A" else "B")
        + confirm_path[-2:]
    )
    assert client.post(changed).status_code == 404


def test_cancelling_twice(client, event):
    submit(client, event)
    confirm_path, cancel_path = links(last_mail_to("erika@example.org"))
    client.post(confirm_path)
    assert client.post(cancel_path).status_code == 200
    again = client.post(cancel_path)
    assert again.status_code == 409
    assert "bereits storniert" in text(again)


def test_full_when_confirming_without_waiting_list(client, event_network):
    """Two registered while a place was free; the second to confirm gets a message
    and nothing of theirs is kept."""
    event = make_event(capacity=1)
    submit(client, event, email="fast@example.org")
    submit(client, event, email="slow@example.org")
    client.post(links(last_mail_to("fast@example.org"))[0])
    response = client.post(links(last_mail_to("slow@example.org"))[0])
    assert response.status_code == 409
    assert "ausgebucht" in text(response)
    assert not Registration.objects.filter(email="slow@example.org").exists()
    assert booking.confirmed_count(event) == 1


def test_unknown_or_unpublished_event(client, event):
    assert submit(client, type("P", (), {"pk": 999999})()).status_code == 404
    event.unpublish()
    response = submit(client, event)
    assert response.status_code == 404
    assert (
        not Registration.objects.exists()
        or not Registration.objects.filter(event=event).exists()
    )
