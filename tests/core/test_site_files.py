"""Files machines ask for at fixed addresses: /favicon.ico, /.well-known/security.txt."""

import datetime
import io

from django.utils import timezone

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_is_served_as_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]
    assert "max-age" in response["Cache-Control"]


def security_txt_fields(response):
    fields = {}
    for line in response.content.decode().splitlines():
        if line and not line.startswith("#"):
            name, _sep, value = line.partition(": ")
            fields[name] = value
    return fields


def test_security_txt_names_the_configured_contact(client, settings):
    settings.SECURITY_CONTACT = "security@example.org"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = security_txt_fields(response)
    assert fields["Contact"] == "mailto:security@example.org"
    assert fields["Preferred-Languages"] == "de, en"
    assert fields["Canonical"] == f"{settings.BASE_URL}/.well-known/security.txt"
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ")
    ahead = expires.replace(tzinfo=datetime.UTC) - timezone.now()
    # RFC 9116: in the future, and less than a year ahead.
    assert datetime.timedelta(days=30) < ahead < datetime.timedelta(days=365)


def test_security_txt_keeps_a_web_form_contact(client, settings):
    settings.SECURITY_CONTACT = "https://example.org/security"
    fields = security_txt_fields(client.get("/.well-known/security.txt"))
    assert fields["Contact"] == "https://example.org/security"


def test_without_a_contact_there_is_no_security_txt_and_the_check_warns(
    client, settings
):
    from tregks.core.checks import security_contact_check

    settings.SECURITY_CONTACT = ""
    assert client.get("/.well-known/security.txt").status_code == 404
    assert [warning.id for warning in security_contact_check(None)] == ["core.W001"]
    settings.SECURITY_CONTACT = "mailto:security@example.org"
    assert security_contact_check(None) == []
