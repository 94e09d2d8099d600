"""Events with registration, built per test; the editorial network's users.

Events sit in a partner's section below the site's events index (events app); the
editorial network (tests/editorial/conftest.py) makes the index when missing and gives
each of its partners a section there, with the permissions of its editors and approvers.
"""

import re

from django.core import mail

from wagtail.models import Locale

import pytest

from tests.editorial.conftest import (  # noqa: F401  (fixtures)
    editorial_network,
    section,
    users,
)
from tregks.editorial.setup import setup_editorial


def ensure_events_index():
    """The events index in both languages with every consortium partner's section, for
    a database without the editorial network (the browser journeys use it)."""
    from events.factories import event_index

    event_index("en")
    setup_editorial()


@pytest.fixture(scope="session")
def event_network(editorial_network):  # noqa: F811
    return editorial_network


def events_section(code, language="de"):
    return section(code, language, kind="events")


def make_event(code="alpha", english=True, **fields):
    """A live event of partner `code` with registration open, and its translation.

    Built with the events app's factory, in the partner's section of the events index
    (where its editors and approvers hold their permissions).
    """
    from events.factories import EventPageFactory

    fields.setdefault("registration_open", True)
    fields.setdefault("capacity", 2)
    page = EventPageFactory(parent=events_section(code), **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    if english:
        translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
        translation.title = page.title.replace("Testveranstaltung", "Test event")
        translation.save_revision().publish()
    return page


@pytest.fixture
def event(db, event_network):
    return make_event()


@pytest.fixture
def english(event):
    return event.get_translation(Locale.objects.get(language_code="en"))


def form_data(**values):
    from tregks.core.form_protection import aged_token

    data = {
        "form_token": aged_token("registration", seconds=10),
        "website": "",
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "consent": "on",
    }
    data.update(values)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, page, language="de", **values):
    return client.post(
        f"/{language}/{'anmeldung' if language == 'de' else 'registration'}/{page.pk}/",
        form_data(**values),
    )


LINK = re.compile(
    r"https?://[^\s\"<>]+/(?:bestaetigen|confirm|abmelden|cancel)/[^\s\"<>/]+/"
)


def links(message):
    """(confirmation path, cancellation path) from a registration e-mail."""
    found = [re.sub(r"^https?://[^/]+", "", url) for url in LINK.findall(message.body)]
    confirm = next(
        (url for url in found if "/bestaetigen/" in url or "/confirm/" in url), None
    )
    cancel = next(
        (url for url in found if "/abmelden/" in url or "/cancel/" in url), None
    )
    return confirm, cancel


def last_mail_to(address):
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, f"no e-mail to {address}"
    return sent[-1]
