"""Editors see what each field of a press release and a partner profile is for."""

from django.urls import reverse

import pytest

from news.factories import PressReleasePageFactory
from partners.factories import PartnerProfilePageFactory

pytestmark = pytest.mark.django_db


def edit_form(client, page):
    """The German admin edit form of `page` (German is the editors' default)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def test_press_release_fields_explain_themselves(admin_client):
    page = PressReleasePageFactory()
    html = edit_form(admin_client, page)
    for help_text in (
        "das Archiv sortiert und filtert danach",  # release date
        "mindestens 1200 Pixel breit",  # image
        "wird mit der Seite übersetzt",  # alt text
        "die Seite setzt „Bild:“ davor",  # credit
        "Eine Funktion statt eines Namens",  # press contact
        "Mit Ländervorwahl",  # phone
        "keine persönliche",  # e-mail
        "Die Fachgruppen, um die es geht",  # topics
        "Dokumente für die Presse",  # downloads
    ):
        assert help_text in html, help_text


def test_partner_profile_fields_explain_themselves(admin_client):
    page = PartnerProfilePageFactory()
    html = edit_form(admin_client, page)
    for help_text in (
        "Bestimmt den Platz in der Partnerübersicht",  # role
        "was sie ins Netzwerk einbringt",  # description
        "https://www.example.org",  # website
        "öffentliche Postanschrift",  # street
        "öffentliche Funktionsadresse",  # e-mail
    ):
        assert help_text in html, help_text
