import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import pytest

from tregks.core.form_protection import aged_token
from tregks.editorial.setup import LEAD_GROUP

PASSWORD = "tregks-test-2026"  # noqa: S105


@pytest.fixture(autouse=True)
def _forms(settings):
    settings.FORM_RATE_LIMIT = (5, 600)
    settings.BASE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _no_demo_subscribers(db):
    """The session's demo holds subscribers; each test starts without them (rolled
    back afterwards)."""
    from newsletter.models import Subscription

    Subscription.objects.all().delete()


def without_tokens(content):
    return re.sub(rb'name="form_token" value="[^"]+"', b"", content)


def staff_user(username, group_name=None, superuser=False):
    """An admin user in one group (made with admin access if missing)."""
    user = get_user_model().objects.create_user(
        username, f"{username}@tregks.invalid", PASSWORD, is_superuser=superuser
    )
    if group_name:
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
        user.groups.add(group)
    return user


@pytest.fixture
def lead_user(db):
    return staff_user("nl-lead", LEAD_GROUP)


@pytest.fixture
def partner_user(db):
    return staff_user("nl-partner", "Redaktion AGV")


@pytest.fixture
def admin_user(db):
    return staff_user("nl-admin", superuser=True)


def links_in(message):
    return re.findall(r"https?://[^\s<>\"]+", message.body)


def path_of(url):
    return url.replace("http://testserver", "")


def sign_up(client, email="ida@example.org", language="de", **extra):
    data = {
        "email": email,
        "consent": "on",
        "form_token": aged_token("newsletter", 10),
        **extra,
    }
    return client.post(f"/{language}/newsletter/", data, REMOTE_ADDR="192.0.2.7")
