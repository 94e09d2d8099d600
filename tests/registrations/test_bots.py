"""Bots get the same answer as people, and nothing is stored or sent for them."""

from django.core import mail
from django.test import override_settings

import pytest

from registrations.models import Registration

from .conftest import form_data, submit

pytestmark = pytest.mark.django_db


def test_a_person_and_a_bot_get_the_same_answer(client, event):
    person = submit(client, event, email="person@example.org")
    bot = submit(client, event, email="bot@example.org", website="http://spam.example")
    assert person.status_code == bot.status_code == 302
    assert person["Location"] == bot["Location"]
    assert Registration.objects.filter(email="person@example.org").exists()
    assert not Registration.objects.filter(email="bot@example.org").exists()
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


@override_settings(FORM_MIN_FILL_SECONDS=30)
def test_a_form_sent_too_fast_stores_nothing(client, event):
    response = submit(client, event, email="quick@example.org")
    assert response.status_code == 302
    assert not Registration.objects.filter(email="quick@example.org").exists()
    assert not mail.outbox


def test_without_token_the_form_says_so(client, event):
    data = form_data(email="notoken@example.org")
    del data["form_token"]
    response = client.post(f"/de/anmeldung/{event.pk}/", data)
    assert 400 <= response.status_code < 500
    assert not Registration.objects.filter(email="notoken@example.org").exists()


def test_a_cross_site_post_is_refused(client, event):
    response = client.post(
        f"/de/anmeldung/{event.pk}/",
        form_data(email="csrf@example.org"),
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not Registration.objects.filter(email="csrf@example.org").exists()
