"""Organisers see, export and cancel their events' registrations; nobody else does."""

import csv
import io

from django.core import mail
from django.test import Client

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationState

from .conftest import make_event

pytestmark = pytest.mark.django_db

SECRET_NAME = "Jürgen Größe-Übermut"


@pytest.fixture
def alpha_event(users, event_network):
    event = make_event(
        "alpha", capacity=1, waitlist_enabled=True, ask_organisation=True
    )
    first = booking.register(
        event,
        {
            "name": SECRET_NAME,
            "email": "juergen@example.org",
            "organisation": "=HYPERLINK(1)",
        },
        "de",
    )
    booking.confirm(first.token)
    second = booking.register(
        event, {"name": "Zoë Wartende", "email": "zoe@example.org"}, "en"
    )
    booking.confirm(second.token)
    return event


def client_for(user):
    if isinstance(user, str):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=user)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("username", ["alpha-editor", "alpha-approver", "test-admin"])
def test_organisers_see_the_registrations(users, alpha_event, username):
    client = client_for(users.get(username, username))
    listing = client.get("/admin/registrations/")
    assert listing.status_code == 200
    assert alpha_event.title in listing.content.decode()
    page = client.get(f"/admin/registrations/event/{alpha_event.pk}/")
    assert page.status_code == 200
    assert SECRET_NAME in page.content.decode()
    assert "Zoë Wartende" in page.content.decode()
    # Reachable from the event in the page explorer.
    explorer = client.get(f"/admin/pages/{alpha_event.get_parent().pk}/")
    assert f"/admin/registrations/event/{alpha_event.pk}/" in explorer.content.decode()


@pytest.mark.parametrize(
    "username", ["beta-editor", "beta-approver", "lead", "translator", "gamma-editor"]
)
def test_other_partners_see_nothing(users, alpha_event, username):
    client = client_for(users[username])
    english = alpha_event.get_translation(
        __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(
            language_code="en"
        )
    )
    registration = Registration.objects.get(email="juergen@example.org")
    urls = [
        "/admin/registrations/",
        f"/admin/registrations/event/{alpha_event.pk}/",
        f"/admin/registrations/event/{english.pk}/",
        f"/admin/registrations/event/{alpha_event.pk}/csv/",
        f"/admin/registrations/{registration.pk}/cancel/",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        body = response.content.decode()
        assert SECRET_NAME not in body, url
        assert "juergen@example.org" not in body, url
    response = client.post(f"/admin/registrations/{registration.pk}/cancel/")
    assert response.status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED


def test_csv_opens_in_excel_with_umlauts(users, alpha_event):
    response = client_for(users["alpha-editor"]).get(
        f"/admin/registrations/event/{alpha_event.pk}/csv/"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:2] == ["Name", "E-Mail-Adresse"]
    by_name = {row[0]: row for row in rows[1:]}
    assert SECRET_NAME in by_name
    assert by_name[SECRET_NAME][1] == "juergen@example.org"
    # A value that Excel would run as a formula is written as text.
    assert by_name[SECRET_NAME][2] == "'=HYPERLINK(1)"
    assert "Warteliste" in by_name["Zoë Wartende"][6]
    assert SECRET_NAME.encode("utf-8") in raw


def test_organiser_cancels_and_the_waiting_list_moves_up(users, alpha_event):
    client = client_for(users["alpha-approver"])
    registration = Registration.objects.get(email="juergen@example.org")
    ask = client.get(f"/admin/registrations/{registration.pk}/cancel/")
    assert ask.status_code == 200
    assert SECRET_NAME in ask.content.decode()
    mail.outbox.clear()
    response = client.post(
        f"/admin/registrations/{registration.pk}/cancel/", follow=True
    )
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CANCELLED
    assert registration.cancelled_by_organiser
    zoe = Registration.objects.get(email="zoe@example.org")
    assert zoe.state == RegistrationState.CONFIRMED
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"juergen@example.org", "zoe@example.org"}
    english_mail = next(m for m in mail.outbox if "zoe@example.org" in m.to)
    assert "A place is free" in english_mail.subject


def test_a_cancelled_registration_reads_storniert_not_abgesagt(users, alpha_event):
    registration = Registration.objects.get(email="juergen@example.org")
    booking.cancel(registration, by_organiser=True)
    client = client_for(users["alpha-approver"])
    listing = client.get(f"/admin/registrations/event/{alpha_event.pk}/")
    text = listing.content.decode()
    assert "Storniert" in text
    assert "Abgesagt" not in text
