"""Admin login throttling (django-axes), password reset and password rules."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "korrekt-Pferd-Batterie-42"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "redakteurin",
        "redakteurin@example.com",
        PASSWORD,
        is_staff=True,
        is_superuser=True,
    )


def without_tokens(response):
    """The page text without the per-request CSRF token."""
    return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())


def login(client, username, password):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, follow=False
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_admin_login_is_locked_after_repeated_failures(client, editor):
    for _ in range(4):
        response = login(client, "redakteurin", "falsch")
        assert response.status_code == 200  # the login form again, with an error
    response = login(client, "redakteurin", "falsch")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in text
    assert "Login temporarily locked" in text
    # Even the right password is refused while the lock lasts.
    response = login(client, "redakteurin", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_a_lockout_does_not_block_other_accounts(client, editor):
    get_user_model().objects.create_user(
        "kollege", "kollege@example.com", PASSWORD, is_staff=True, is_superuser=True
    )
    for _ in range(5):
        login(client, "redakteurin", "falsch")
    response = login(client, "kollege", PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/")


@override_settings(AXES_ENABLED=True)
def test_successful_login_works_with_throttling_on(client, editor):
    response = login(client, "redakteurin", PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_password_reset_does_not_reveal_whether_an_account_exists(client, editor):
    known = client.post(
        "/admin/password_reset/", {"email": "redakteurin@example.com"}, follow=True
    )
    unknown = client.post(
        "/admin/password_reset/", {"email": "niemand@example.com"}, follow=True
    )
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert without_tokens(known) == without_tokens(unknown)
    # Only the real account gets an e-mail.
    assert [message.to for message in mail.outbox] == [["redakteurin@example.com"]]


@pytest.mark.parametrize(
    "password", ["kassel", "1234567890", "password123", "redakteurin1"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)
