"""Factories for the contact page and messages (tests)."""

import factory
import wagtail_factories

from .models import ContactMessage, ContactPage


class ContactPageFactory(wagtail_factories.PageFactory):
    """A contact page; pass `parent=<HomePage>`."""

    title = "Kontakt"
    slug = factory.Sequence(lambda n: f"kontakt-test-{n}")
    intro = "<p>Schreiben Sie uns.</p>"

    class Meta:
        model = ContactPage


class ContactMessageFactory(factory.django.DjangoModelFactory):
    recipient_code = "wfg"
    recipient_name = "Testpartner"
    name = "Erika Muster"
    email = factory.Sequence(lambda n: f"absender{n}@example.org")
    subject = factory.Sequence(lambda n: f"Anfrage {n}")
    message = "Eine Nachricht."
    language = "de"

    class Meta:
        model = ContactMessage
