"""The whole path: register, e-mail, confirm, counted, cancel, the waiting list moves up."""

from django.core import mail

from wagtail.models import Locale

import pytest
from icalendar import Calendar

from registrations import booking
from registrations.consent import CONSENT_VERSION
from registrations.models import Registration, RegistrationState

from .conftest import last_mail_to, links, make_event, submit

pytestmark = pytest.mark.django_db


def confirm(client, path):
    assert client.get(path).status_code == 200  # the page with the button
    return client.post(path)


def test_register_confirm_count_cancel_and_the_waiting_list_moves_up(
    client, event_network
):
    event = make_event(capacity=1, waitlist_enabled=True)
    assert booking.places_left(event) == 1

    response = submit(client, event, name="Anna Erste", email="anna@example.org")
    assert response.status_code == 302
    registration = Registration.objects.get(email="anna@example.org")
    assert registration.state == RegistrationState.PENDING
    assert registration.consent_version == CONSENT_VERSION
    assert booking.places_left(event) == 1  # held, not counted yet

    message = last_mail_to("anna@example.org")
    assert "Bitte bestätigen" in message.subject
    calendar_files = [a for a in message.attachments if a[0].endswith(".ics")]
    assert calendar_files, "the e-mail carries the event's calendar file"
    assert Calendar.from_ical(calendar_files[0][1]).walk("VEVENT")
    confirm_path, cancel_path = links(message)
    assert confirm_path.startswith("/de/anmeldung/bestaetigen/")
    assert cancel_path.startswith("/de/anmeldung/abmelden/")

    response = confirm(client, confirm_path)
    assert response.status_code == 200
    assert "Anmeldung bestätigt" in response.content.decode()
    assert booking.places_left(event) == 0

    # Full: the next person registers for the waiting list and confirms onto it.
    submit(client, event, name="Ben Zweiter", email="ben@example.org")
    ben_confirm, _ben_cancel = links(last_mail_to("ben@example.org"))
    response = confirm(client, ben_confirm)
    assert "Warteliste" in response.content.decode()
    ben = Registration.objects.get(email="ben@example.org")
    assert ben.state == RegistrationState.WAITLISTED

    # Anna cancels: Ben moves up and is told by e-mail.
    mail.outbox.clear()
    assert client.get(cancel_path).status_code == 200
    response = client.post(cancel_path)
    assert response.status_code == 200
    assert (
        "abgemeldet" in response.content.decode()
        or "storniert" in response.content.decode()
    )
    registration.refresh_from_db()
    ben.refresh_from_db()
    assert registration.state == RegistrationState.CANCELLED
    assert ben.state == RegistrationState.CONFIRMED
    assert booking.places_left(event) == 0
    moved = last_mail_to("ben@example.org")
    assert "Platz" in moved.subject
    assert links(moved)[1], "the moved-up mail carries a cancellation link"


def test_english_readers_get_english_mail_and_pages(client, event):
    english = event.get_translation(Locale.objects.get(language_code="en"))
    response = submit(client, english, language="en", email="eve@example.org")
    assert response.status_code == 302
    message = last_mail_to("eve@example.org")
    assert "Please confirm" in message.subject
    assert english.title in message.subject
    confirm_path, _cancel = links(message)
    assert confirm_path.startswith("/en/registration/confirm/")
    response = confirm(client, confirm_path)
    assert "Registration confirmed" in response.content.decode()
    registration = Registration.objects.get(email="eve@example.org")
    assert registration.language == "en"
    assert registration.event_id == event.pk  # the German page holds the places


def test_both_languages_share_one_capacity(client, event_network):
    event = make_event(capacity=2)
    english = event.get_translation(Locale.objects.get(language_code="en"))
    submit(client, event, email="de@example.org")
    submit(client, english, language="en", email="en@example.org")
    for address in ("de@example.org", "en@example.org"):
        confirm(client, links(last_mail_to(address))[0])
    assert booking.places_left(event) == 0
    # Readers of either page see the same count.
    for path in (
        f"/de/anmeldung/{event.pk}/plaetze/",
        f"/en/registration/{english.pk}/places/",
    ):
        assert client.get(path).json()["places_left"] == 0
    # The English page now refuses a third person (no waiting list).
    response = submit(client, english, language="en", email="third@example.org")
    assert response.status_code == 409
    assert "fully booked" in response.content.decode()
    assert not Registration.objects.filter(email="third@example.org").exists()


def test_the_places_view_is_current_and_uncached(client, event_network):
    event = make_event(capacity=3)
    first = client.get(f"/de/anmeldung/{event.pk}/plaetze/")
    assert first.json()["places_left"] == 3
    assert "no-cache" in first["Cache-Control"] or "no-store" in first["Cache-Control"]
    submit(client, event, email="p@example.org")
    confirm(client, links(last_mail_to("p@example.org"))[0])
    second = client.get(f"/de/anmeldung/{event.pk}/plaetze/")
    assert second.json()["places_left"] == 2
    assert "2 Plätze frei" in second.json()["text"]


def test_organiser_cancellation_moves_up_and_tells_both(client, event_network):
    event = make_event(capacity=1, waitlist_enabled=True)
    for address in ("one@example.org", "two@example.org"):
        submit(client, event, email=address)
        confirm(client, links(last_mail_to(address))[0])
    first = Registration.objects.get(email="one@example.org")
    mail.outbox.clear()
    outcome = booking.cancel(first, by_organiser=True)
    assert [moved.email for moved, _token in outcome.promoted] == ["two@example.org"]
    assert last_mail_to("one@example.org")
    assert last_mail_to("two@example.org")


def test_registering_again_sends_new_links_and_stores_nothing_twice(client, event):
    submit(client, event, email="twice@example.org")
    old_confirm, _cancel = links(last_mail_to("twice@example.org"))
    response = submit(client, event, email="TWICE@example.org", name="Zweimal")
    assert response.status_code == 302
    assert Registration.objects.filter(email="twice@example.org").count() == 1
    new_confirm, _cancel = links(last_mail_to("twice@example.org"))
    assert new_confirm != old_confirm
    assert client.post(old_confirm).status_code == 404
    assert client.post(new_confirm).status_code == 200


def test_only_the_fields_the_organiser_asks_for(client, event_network):
    plain = make_event(english=False)
    asking = make_event(english=False, ask_organisation=True, ask_needs=True)
    from django.test import RequestFactory

    from registrations.templatetags.registration_tags import registration_box

    request = RequestFactory().get("/de/")
    plain_form = registration_box({"request": request}, plain)["form"]
    asking_form = registration_box({"request": request}, asking)["form"]
    assert set(plain_form.fields) >= {"name", "email", "consent"}
    assert not {"organisation", "role", "needs"} & set(plain_form.fields)
    assert {"organisation", "needs"} <= set(asking_form.fields)
    assert "role" not in asking_form.fields
    # A field that is not asked is not stored even if a client sends it.
    submit(client, plain, email="x@example.org", organisation="Ungefragt GmbH")
    assert Registration.objects.get(email="x@example.org").organisation == ""


def test_more_places_published_move_the_waiting_list_up(client, event_network):
    event = make_event(capacity=1, waitlist_enabled=True, english=False)
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        submit(client, event, email=address)
        confirm(client, links(last_mail_to(address))[0])
    assert Registration.objects.filter(event=event).waitlisted().count() == 2
    mail.outbox.clear()
    event.capacity = 2
    event.save_revision().publish()
    assert Registration.objects.filter(event=event).confirmed().count() == 2
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


def test_a_title_with_its_own_quotes_is_not_quoted_twice(client, event_network):
    event = make_event(title="“Im Dialog” 2027", english=False)
    submit(client, event, email="zitat@example.org")
    body = last_mail_to("zitat@example.org").body
    # German typography: the title's own quotes become single ones inside „…“.
    assert "‚Im Dialog‘ 2027" in body
    assert "“Im Dialog”" not in body
