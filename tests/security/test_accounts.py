"""Admin login throttling (django-axes), password reset and password rules."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from wagtail.users.models import UserProfile

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


@pytest.fixture
def admin_in_english(client, editor):
    """The administrator's admin speaks English: the messages below are Django's."""
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    return client


def new_user_form(password):
    return {
        "username": "neue-redaktion",
        "email": "neue-redaktion@example.com",
        "first_name": "Neue",
        "last_name": "Redaktion",
        "password1": password,
        "password2": password,
    }


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("kassel26", "This password is too short"),
        ("password1234", "This password is too common"),
        ("4711081547110815", "This password is entirely numeric"),
    ],
)
def test_the_admin_refuses_weak_passwords_for_new_accounts(
    admin_in_english, password, message
):
    """What an administrator sees when creating an editor's account."""
    response = admin_in_english.post("/admin/users/new/", new_user_form(password))
    assert response.status_code == 200, response.get("Location")  # the form again
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="neue-redaktion").exists()


def test_the_admin_accepts_a_strong_password(admin_in_english):
    response = admin_in_english.post(
        "/admin/users/new/", new_user_form("Holland-Ufer-Zwehren-58")
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="neue-redaktion")
    assert user.check_password("Holland-Ufer-Zwehren-58")
