"""Factories for events (tests and benchmarks); each builds its own parents.

`EventPageFactory()` makes an event in a fresh partner section below a fresh events
index under the German home page, with its own partner profile; pass `parent=` (a
PartnerSectionPage) to put it elsewhere.
"""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from home.factories import home_page
from partners.factories import partner_index
from tregks.core.factories import first_page, translate_page

from .models import EventFormat, EventIndexPage, EventPage, EventSpeaker


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Testveranstaltungen"
    slug = factory.Sequence(lambda n: f"testveranstaltungen-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = EventIndexPage


class PartnerProfileFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testpartner {n}")
    slug = factory.Sequence(lambda n: f"testpartner-{n}")
    short_name = factory.Sequence(lambda n: f"TP{n}")
    code = factory.Sequence(lambda n: f"testpartner-{n}")
    role = "partner"
    parent = factory.LazyFunction(partner_index)

    class Meta:
        model = "partners.PartnerProfilePage"


class EventSectionFactory(wagtail_factories.PageFactory):
    """A partner's section below an events index (its own index and partner)."""

    title = factory.SelfAttribute("partner.short_name")
    slug = factory.SelfAttribute("partner.code")
    partner = factory.SubFactory(PartnerProfileFactory)
    parent = factory.SubFactory(EventIndexPageFactory)

    class Meta:
        model = "partners.PartnerSectionPage"


def _start(n):
    # Upcoming by default: some days from now at 10:00 in Kassel.
    day = timezone.localdate() + datetime.timedelta(days=10 + n % 200)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


class EventPageFactory(wagtail_factories.PageFactory):
    """A live event; set M2M values (topics, organisers) afterwards."""

    title = factory.Sequence(lambda n: f"Testveranstaltung {n}")
    slug = factory.Sequence(lambda n: f"testveranstaltung-{n}")
    event_format = EventFormat.WORKSHOP
    lead = "Eine kurze Beschreibung der Veranstaltung."
    start = factory.Sequence(_start)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    venue_name = "Testhaus"
    street = "Teststraße 1"
    postcode = "34117"
    city = "Kassel"
    parent = factory.SubFactory(EventSectionFactory)

    class Meta:
        model = EventPage


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Referentin {n}")
    role = "Betriebsrat, Beispiel GmbH"

    class Meta:
        model = EventSpeaker


def event_index(language_code="de"):
    """The site's events index of this language, made (and translated) when missing:
    the index the partners' event sections belong below (tregks.editorial.setup)."""
    german = first_page(EventIndexPage, "de") or EventIndexPageFactory(
        title="Veranstaltungen", slug="veranstaltungen"
    )
    if language_code == "de":
        return german
    return first_page(EventIndexPage, language_code) or translate_page(
        german, language_code, title="Events", slug="events"
    )
